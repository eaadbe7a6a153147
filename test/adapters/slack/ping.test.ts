/** Ping on post through the real Bolt app and the fake Slack: a user group or @here, set up by slash command, is the one mention a quiz post carries. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ManualClock } from '../../../src/index.ts';
import { fixture, slashAs, startManagerHarness, type Harness } from './helpers/harness.ts';

const clock = new ManualClock('2027-03-01T07:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startManagerHarness(clock);
});
afterAll(async () => {
  await h.close();
});

type Blocks = { type: string; text?: { text: string } }[];
const CHANNEL = 'C2147483705';
const slash = (text: string, user = 'U0MANAGER') => slashAs(h, user, text);
const last = () => h.fake.responses.at(-1)!.body as { text: string; blocks: Blocks };
const header = () => last().blocks[0]?.text?.text;
const allText = (m: { text: string; blocks?: Blocks }) => [m.text, ...(m.blocks ?? []).map((b) => JSON.stringify(b))].join('\n');
/** Every Slack mention syntax (`<!…>`, `<@…>`, `<#…>`) in a message. */
const mentions = (s: string) => [...new Set(s.match(/<[!@#][^>]*>/g) ?? [])];
const count = (s: string, what: string) => s.split(what).length - 1;

test('a user group as Slack sends it is stored by id; the post mentions exactly that group', async () => {
  await slash('schedule daily 09:00 Europe/Berlin');
  await slash('ping role <!subteam^S0DEVS|@devs>');
  expect(header()).toBe('Ping on post');
  expect(allText(last())).toContain('<!subteam^S0DEVS>');
  expect((await h.app.store.getSchedule({ platform: 'slack', channelId: CHANNEL }))?.ping).toBe('role:S0DEVS');

  await slash('post-now');
  expect(header()).toBe('Quiz posted');
  const [post] = h.fake.of('chat.postMessage');
  const args = post!.args as { text: string; blocks: Blocks };
  expect(args.text.startsWith('<!subteam^S0DEVS> ')).toBe(true);
  expect(args.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '<!subteam^S0DEVS>' } });
  expect(mentions(allText(args))).toEqual(['<!subteam^S0DEVS>']);
  // Notifications come from `text`: the group is named there exactly once, and in the blocks once more.
  expect(count(args.text, '<!subteam^S0DEVS>')).toBe(1);
  expect(count(JSON.stringify(args.blocks), '<!subteam^S0DEVS>')).toBe(1);
});

test('when Slack refuses the blocks, the text-only post still leads with the ping, once, and nothing else', async () => {
  clock.advance(86_400_000);
  h.fake.calls.length = 0;
  h.fake.script('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
  await slash('post-now');
  expect(header()).toBe('Quiz posted');
  const [refused, sent] = h.fake.of('chat.postMessage').map((c) => c.args as { text: string; blocks?: unknown });
  expect(refused!.blocks).toBeDefined();
  expect(sent!.blocks).toBeUndefined();
  expect(sent!.text.startsWith('<!subteam^S0DEVS> ')).toBe(true);
  expect(count(sent!.text, '<!subteam^S0DEVS>')).toBe(1);
  expect(mentions(sent!.text)).toEqual(['<!subteam^S0DEVS>']);
});

test('here pings everyone present and nothing else; broadcasts typed as the role stay refused; off pings nobody', async () => {
  await slash('ping role <!channel>');
  expect(header()).toBe("I can't use that ping");
  expect((await h.app.store.getSchedule({ platform: 'slack', channelId: CHANNEL }))?.ping).toBe('role:S0DEVS');

  await slash('ping here');
  expect(header()).toBe('Ping on post');
  clock.advance(86_400_000);
  h.fake.calls.length = 0;
  await slash('post-now');
  expect(header()).toBe('Quiz posted');
  const args = h.fake.of('chat.postMessage')[0]!.args as { text: string; blocks: Blocks };
  expect(mentions(allText(args))).toEqual(['<!here>']);
  expect(args.text.startsWith('<!here> ')).toBe(true);
  expect(count(args.text, '<!here>')).toBe(1);
  expect(count(JSON.stringify(args.blocks), '<!here>')).toBe(1);

  await slash('ping off');
  expect(header()).toBe('Ping off');
  clock.advance(86_400_000);
  h.fake.calls.length = 0;
  await slash('post-now');
  const quiet = h.fake.of('chat.postMessage')[0]!.args as { text: string; blocks: Blocks };
  expect(mentions(allText(quiet))).toEqual([]);
});

test('a ping token typed into a question is echoed as text, never as a mention', async () => {
  await slash('what is <group:S0DEVS> <here>');
  expect(mentions(allText(last()))).toEqual([]);
});

test('typed to the bot in a mention or a DM, a user group and @here set the ping like the slash command', async () => {
  const mention = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('app-mention.json');
  const said = async (text: string, n: number) => {
    h.fake.calls.length = 0;
    await h.event({
      ...mention,
      event_id: `Ev-typed-ping-${n}`,
      event: { ...mention.event, user: 'U0MANAGER', channel: CHANNEL, text: `<@UBOT0001> ${text}`, ts: `1700000100.00000${n}`, event_ts: `1700000100.00000${n}` },
    });
    return JSON.stringify(h.fake.of('chat.postMessage').map((c) => c.args));
  };
  expect(await said('ping role <!subteam^S0OPS|@ops>', 1)).toContain('Ping on post');
  expect((await h.app.store.getSchedule({ platform: 'slack', channelId: CHANNEL }))?.ping).toBe('role:S0OPS');
  expect(await said('ping <!here>', 2)).toContain('Ping on post');
  expect((await h.app.store.getSchedule({ platform: 'slack', channelId: CHANNEL }))?.ping).toBe('here');
  // A DM has no channel schedule: the typed group is understood, and answered as a channel feature.
  const dm = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('message-im.json');
  h.fake.calls.length = 0;
  await h.event({ ...dm, event_id: 'Ev-typed-ping-dm', event: { ...dm.event, user: 'U0MANAGER', text: 'ping role <!subteam^S0OPS|@ops>', client_msg_id: 'typed-ping-dm' } });
  expect(JSON.stringify(h.fake.of('chat.postMessage').map((c) => c.args))).not.toContain('Ping on post');
  expect((await h.app.store.getSchedule({ platform: 'slack', channelId: CHANNEL }))?.ping).toBe('here');
  await slash('ping off');
});
