/**
 * Two replica processes of the real bot on one Postgres database, behind one fake Slack, over HTTP
 * with real Slack signatures: an event re-sent to the other replica (as Slack does when the first
 * was slow) is answered once, the same event delivered to both at once is answered once, and a
 * schedule set through one replica is shown by the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../adapters/slack/helpers/fake-slack.ts';
import { fixture, sign } from '../adapters/slack/helpers/harness.ts';
import { createTestDatabase, postgresAdminUrl, type TestDatabase } from '../helpers/postgres.ts';
import { startBot, waitFor, type BotProcess } from './bot-process.ts';

describe.skipIf(!postgresAdminUrl())('replica processes on one Postgres database', () => {
  let fake: FakeSlack;
  let db: TestDatabase;
  let dir: string;
  let a: BotProcess;
  let b: BotProcess;

  /** Resolves once the replica answers /readyz with 200 (store migrated, Slack started). */
  async function ready(bot: BotProcess) {
    const end = Date.now() + 60_000;
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${bot.port}/readyz`)
        .then(async (r) => (await r.arrayBuffer(), r.status))
        .catch(() => 0);
      if (status === 200) return;
      if (Date.now() > end) throw new Error(`replica on port ${bot.port} never became ready; it said:\n${bot.output.join('').slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    fake = new FakeSlack();
    await fake.start();
    dir = mkdtempSync(join(tmpdir(), 'tutor-pgreplicas-'));
    db = await createTestDatabase();
    // One after the other: the first migrates the fresh database.
    a = await startBot(fake, dir, { DATABASE_URL: db.url });
    await ready(a);
    b = await startBot(fake, dir, { DATABASE_URL: db.url });
    await ready(b);
  }, 150_000);
  afterAll(async () => {
    await a?.kill();
    await b?.kill();
    await fake?.stop();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** POST a body to a replica's /slack/events, signed as Slack signs it. */
  async function post(bot: BotProcess, body: string, contentType: string, headers: Record<string, string> = {}) {
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp), ...headers },
      body,
    });
    await res.arrayBuffer();
    return res.status;
  }
  const mention = (eventId: string, channel: string, text: string) => {
    const env = fixture<{ event: Record<string, unknown> }>('app-mention.json');
    return JSON.stringify({ ...env, event_id: eventId, event: { ...env.event, channel, text: `<@UBOT0001> ${text}` } });
  };
  const answersIn = (channel: string) => fake.of('chat.postMessage').filter((c) => c.args.channel === channel).length;
  const retry = { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' };
  /** Waits until both replicas have answered a fresh question each: work queued before it has had its turn. */
  async function settle(tag: string) {
    for (const [i, bot] of [a, b].entries()) {
      const channel = `CSETTLE${tag}${i}`;
      expect(await post(bot, mention(`EvSettle${tag}${i}`, channel, 'what is a hypervisor?'), 'application/json')).toBe(200);
      await waitFor(
        () => answersIn(channel) === 1,
        30_000,
        () => `the answer in ${channel}`,
      );
    }
    await new Promise((r) => setTimeout(r, 1000));
  }

  it('an event answered by one replica and re-sent to the other is answered once', async () => {
    expect(await post(a, mention('EvPgRetry1', 'CRETRY1', 'what is a volume?'), 'application/json')).toBe(200);
    await waitFor(
      () => answersIn('CRETRY1') === 1,
      30_000,
      () => `the first answer; replica A said:\n${a.output.join('').slice(-2000)}`,
    );
    expect(await post(b, mention('EvPgRetry1', 'CRETRY1', 'what is a volume?'), 'application/json', retry)).toBe(200);
    expect(await post(a, mention('EvPgRetry1', 'CRETRY1', 'what is a volume?'), 'application/json', { ...retry, 'x-slack-retry-num': '2' })).toBe(200);
    await settle('1');
    expect(answersIn('CRETRY1')).toBe(1);
  }, 120_000);

  it('the same event delivered to both replicas at once is answered once', async () => {
    const body = mention('EvPgBoth1', 'CBOTH1', 'what is a container image?');
    expect(await Promise.all([post(a, body, 'application/json'), post(b, body, 'application/json', retry)])).toEqual([200, 200]);
    await waitFor(
      () => answersIn('CBOTH1') >= 1,
      30_000,
      () => 'an answer in CBOTH1',
    );
    await settle('2');
    expect(answersIn('CBOTH1')).toBe(1);
  }, 120_000);

  it('a schedule set through one replica is shown by the other', async () => {
    fake.users.set('U0PGADMIN', { is_admin: true });
    const slash = (text: string, responseId: string) =>
      new URLSearchParams({ ...fixture<Record<string, string>>('slash-command.json'), channel_id: 'CSCHED1', user_id: 'U0PGADMIN', text, response_url: fake.responseUrl(responseId) }).toString();
    expect(await post(a, slash('schedule weekdays 09:00 Europe/Berlin', 'set'), 'application/x-www-form-urlencoded')).toBe(200);
    await waitFor(
      () => fake.responses.some((r) => r.id === 'set'),
      30_000,
      () => 'the answer to "schedule weekdays 09:00"',
    );
    expect(await post(b, slash('schedule show', 'show'), 'application/x-www-form-urlencoded')).toBe(200);
    await waitFor(
      () => fake.responses.some((r) => r.id === 'show'),
      30_000,
      () => 'the answer to "schedule show"',
    );
    const shown = JSON.stringify(fake.responses.find((r) => r.id === 'show')!.body);
    expect(shown).toContain('09:00');
    expect(shown).toContain('Europe/Berlin');
  }, 120_000);
});
