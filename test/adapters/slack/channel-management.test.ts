/**
 * Channel management through the real Bolt app: who may change a channel's schedule, from the slash
 * command and from a mention, and the channel poster that sends scheduled quizzes.
 */
import { describe, expect, test } from 'vitest';
import { BOT_USER_ID } from './helpers/fake-slack.ts';
import { useHarness } from './helpers/harness.ts';
import { headerOf, mention, slashFieldsFor } from './helpers/requests.ts';

const h = useHarness();
const slashFields = slashFieldsFor(h);

function watchScheduleCallers() {
  const seen: [string, boolean][] = [];
  const inner = h.app.tutor.quiz;
  h.app.tutor.quiz = {
    practice: (w) => inner.practice(w),
    practiceConcept: (c, w) => inner.practiceConcept(c, w),
    review: (w) => inner.review(w),
    answer: (a, w) => inner.answer(a, w),
    leaderboard: (a, w) => inner.leaderboard(a, w),
    schedule: async (args, who) => (seen.push([who.userId, Boolean(who.canManageChannel)]), inner.schedule(args, who)),
  };
  return { seen, inner };
}

describe('channel management (schedule)', () => {
  test('canManageChannel comes from users.info: workspace admins and owners, nobody else', async () => {
    const { seen, inner } = watchScheduleCallers();
    try {
      h.fake.users.set('U0ADMIN', { is_admin: true });
      h.fake.users.set('U0OWNER', { is_owner: true });
      await h.slash({ ...slashFields('schedule weekdays 09:00 Europe/Berlin'), user_id: 'U0ADMIN' });
      await h.slash({ ...slashFields('schedule show'), user_id: 'U0OWNER' });
      await h.slash({ ...slashFields('schedule off'), user_id: 'U0PLAIN' });
      expect(seen).toEqual([
        ['U0ADMIN', true],
        ['U0OWNER', true],
        ['U0PLAIN', false],
      ]);
      expect(h.fake.of('users.info').map((c) => c.args.user)).toEqual(['U0ADMIN', 'U0OWNER', 'U0PLAIN']);
      // Other commands never look the user up.
      await h.slash(slashFields('what is a volume'));
      expect(h.fake.of('users.info')).toHaveLength(3);
    } finally {
      h.app.tutor.quiz = inner;
    }
  });
});

describe('channel management from a mention', () => {
  test('"@tutor schedule …" from a workspace admin may manage the channel (users.info)', async () => {
    const { seen, inner } = watchScheduleCallers();
    try {
      h.fake.users.set('U0MADMIN', { is_admin: true });
      await h.event(mention(`<@${BOT_USER_ID}> schedule weekdays 09:00 Europe/Berlin`, { user: 'U0MADMIN' }));
      await h.event(mention(`<@${BOT_USER_ID}> schedule off`, { user: 'U0MPLAIN' }));
      expect(seen).toEqual([
        ['U0MADMIN', true],
        ['U0MPLAIN', false],
      ]);
      expect(h.fake.of('users.info').map((c) => c.args.user)).toEqual(['U0MADMIN', 'U0MPLAIN']);
      const headers = h.fake.of('chat.postMessage').map((c) => headerOf(c.args.blocks));
      expect(headers[0]).not.toMatch(/Not allowed|Something went wrong/);
      expect(headers[1]).toBe('Not allowed');
    } finally {
      h.app.tutor.quiz = inner;
    }
  });
});

describe('the channel poster (scheduled posts)', () => {
  test('is registered on start and posts and updates through the Web API', async () => {
    const poster = h.app.posters.get('slack')!;
    const reply = await h.app.tutor.handle({ type: 'text', text: 'explain containers-vs-vms' }, { platform: 'slack', userId: 'U1', channelId: 'C1' });
    const { messageId } = await poster.post('C0QUIZ', reply);
    expect(messageId).toMatch(/^\d{10}\.\d{6}$/);
    await poster.update('C0QUIZ', messageId, await h.app.tutor.handle({ type: 'text', text: 'hypervisor' }, { platform: 'slack', userId: 'U1', channelId: 'C1' }));
    const [post, update] = h.fake.posts;
    expect(post!.args.channel).toBe('C0QUIZ');
    expect((post!.args.attachments as unknown[]).length).toBe(1);
    expect(update!.method).toBe('chat.update');
    expect(update!.args).toMatchObject({ channel: 'C0QUIZ', ts: messageId, attachments: [] });
  });
});
