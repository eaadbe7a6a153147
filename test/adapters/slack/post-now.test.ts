/** `/tutor post-now` through the real Bolt app and the fake Slack: managers only, posted once, counted like a scheduled post. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { slashAs, startManagerHarness, type Harness } from './helpers/harness.ts';

const clock = new ManualClock('2027-03-01T07:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startManagerHarness(clock);
});
afterAll(async () => {
  await h.close();
});

type Blocks = { type: string; text?: { text: string } }[];
const slash = (user: string, text: string) => slashAs(h, user, text);
const lastHeader = () => (h.fake.responses.at(-1)!.body.blocks as Blocks)[0]?.text?.text;

test('post-now: refused to a member, then one post for two runs in the same minute, with the post key', async () => {
  await slash('U0MANAGER', 'schedule daily 09:00 Europe/Berlin');
  await slash('U0PLAIN', 'post-now');
  expect(lastHeader()).toBe('Not allowed');
  expect(h.fake.of('chat.postMessage')).toEqual([]);

  await slash('U0MANAGER', 'post-now');
  expect(lastHeader()).toBe('Quiz posted');
  clock.advance(10_000);
  await slash('U0MANAGER', 'post-now');
  expect(lastHeader()).toBe('Already posted');
  const posts = h.fake.of('chat.postMessage');
  expect(posts).toHaveLength(1);
  expect(posts[0]!.args).toMatchObject({ channel: 'C2147483705', metadata: { event_type: 'tutor_quiz_post' } });
  const [post] = await h.app.store.channelPosts({ platform: 'slack', channelId: 'C2147483705' });
  expect(post).toMatchObject({ status: 'sent', slotAt: Date.parse('2027-03-01T07:00:00Z') });
});
