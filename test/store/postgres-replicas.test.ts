/**
 * Two tutor apps (replicas) on one Postgres database: what one learns, the other knows. A
 * follow-up that reaches the other replica continues the conversation, a schedule set through one
 * is shown by the other, and a Slack event id seen by one is not answered by the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTutorApp, ManualClock, parseConfig, silentLogger, type Requester, type TutorApp } from '../../src/index.ts';
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from '../helpers/postgres.ts';

const ada: Requester = { platform: 'slack', userId: 'U1', channelId: 'C1', conversationId: '1700.1', canManageChannel: true };

describe.skipIf(!postgresAdminUrl())('replicas on one Postgres database', () => {
  let db: TestDatabase;
  let a: TutorApp;
  let b: TutorApp;
  const clock = new ManualClock('2027-03-01T10:00:00Z');
  beforeAll(async () => {
    db = await createTestDatabase();
    const config = parseConfig({ DATABASE_URL: db.url, DATA_DIR: ':memory:' });
    [a, b] = await Promise.all([createTutorApp(config, silentLogger, {}, { clock }), createTutorApp(config, silentLogger, {}, { clock })]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('a follow-up answered by the other replica continues the conversation', async () => {
    expect((await a.tutor.handle({ type: 'text', text: 'why is my data gone after docker rm?' }, ada)).conceptId).toBe('ephemeral-filesystem');
    expect((await b.tutor.handle({ type: 'text', text: 'tell me more' }, ada)).title).toBe('Ephemeral container filesystem: in more depth');
  });

  it('a schedule set through one replica is shown by the other', async () => {
    const set = await a.quiz.schedule('weekdays 09:00', ada);
    expect(set.kind).not.toBe('error');
    const shown = await b.store.getSchedule({ platform: 'slack', channelId: 'C1' });
    expect(shown).toMatchObject({ label: expect.stringContaining('09:00'), updatedBy: 'U1' });
  });

  it('an event id one replica handled is a repeat for the other', async () => {
    const now = clock.now().getTime();
    expect(await a.store.rememberEvent('slack:Ev42', now, now - 3_600_000)).toBe(true);
    expect(await b.store.rememberEvent('slack:Ev42', now + 5, now - 3_600_000)).toBe(false);
  });
});
