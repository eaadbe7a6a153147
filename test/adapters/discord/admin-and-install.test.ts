/**
 * Issue 13's Discord pieces through the real discord.js client and the fake Discord: /tutor-admin
 * (post now), /tutor help, the user-installed app in a group DM, and "Explain with Tutor".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { explainMessage, GROUP_DM_ID, userInstallSlash } from './install-payloads.ts';
import { CHANNEL_ID, MANAGER_PERMS, MEMBER_PERMS, slash, str } from './payloads.ts';

let h: Harness;
beforeAll(async () => {
  // A slow, loaded machine must not turn an answer into a deferral: these tests read the first response.
  h = await startHarness({ timing: { deferAfterMs: 20_000 } });
});
afterAll(async () => {
  await h?.close();
});

const embed = (cb: { body: any }) => cb.body.data.embeds[0];
const quizPosts = () => h.fake.matching('POST', new RegExp(`/channels/${CHANNEL_ID}/messages$`)).filter((r) => JSON.stringify(r.body).includes('Daily quiz'));

describe('/tutor help', () => {
  it('lists the learner commands as typed on Discord, and the managers commands to managers only', async () => {
    const member = embed(await h.interact(slash('help')));
    expect(member.title).toBe('Container & VM tutor');
    expect(member.description).toContain('`/tutor ask question:<question>`');
    expect(member.description).toContain('`/tutor help`');
    expect(member.description).not.toContain('tutor-admin');
    const manager = embed(await h.interact(slash('help', [], { permissions: MANAGER_PERMS })));
    expect(manager.description).toContain('**For channel managers**');
    expect(manager.description).toContain('`/tutor-admin post-now`');
    expect(manager.description).toContain('`/tutor-admin schedule set when: timezone: time: cron: | show | off`');
  });
});

describe('/tutor-admin post-now', () => {
  it('refuses a member (a server that showed them the command), and needs a schedule', async () => {
    const refused = await h.interact(slash('post-now', [], { command: 'tutor-admin', permissions: MEMBER_PERMS }));
    expect(embed(refused).title).toBe('Not allowed');
    expect(refused.body.data.flags).toBe(64);
    expect(embed(await h.interact(slash('post-now', [], { command: 'tutor-admin', permissions: MANAGER_PERMS }))).title).toBe('No quiz schedule here');
    expect(quizPosts()).toHaveLength(0);
  });

  it('posts the next question once, even when clicked twice at the same time', async () => {
    const set = [str('when', 'daily'), str('timezone', 'Europe/Berlin'), str('time', '09:00')];
    expect(embed(await h.interact(slash('set', set, { command: 'tutor-admin', group: 'schedule', permissions: MANAGER_PERMS }))).title).toBe('Quiz scheduled');
    const [a, b] = await Promise.all([
      h.interact(slash('post-now', [], { command: 'tutor-admin', permissions: MANAGER_PERMS })),
      h.interact(slash('post-now', [], { command: 'tutor-admin', permissions: MANAGER_PERMS })),
    ]);
    expect([embed(a).title, embed(b).title].sort()).toEqual(['Already posted', 'Quiz posted']);
    expect(a.body.data.flags).toBe(64);
    const posts = quizPosts();
    expect(posts).toHaveLength(1);
    // The scheduler's post: a nonce from the post key, nobody pinged.
    expect(posts[0]!.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    const stored = await h.app.store.channelPosts({ platform: 'discord', channelId: CHANNEL_ID });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'sent', zone: 'Europe/Berlin' });
  });
});

describe('times', () => {
  it("show the schedule's next run as <t:unix:F>, so each reader sees their own zone", async () => {
    const shown = embed(await h.interact(slash('show', [], { command: 'tutor-admin', group: 'schedule' })));
    const next = (await h.app.store.getSchedule({ platform: 'discord', channelId: CHANNEL_ID }))!.nextRunAt;
    // The channel's local time, then the token Discord shows in each reader's own zone.
    expect(shown.description).toContain(`(<t:${next / 1000}:F>).`);
    expect(shown.description).not.toContain('<time:');
  });
});

describe('the user-installed app', () => {
  it('answers /tutor ask in a group DM through the interaction response only, privately', async () => {
    const before = h.fake.requests.length;
    const cb = await h.interact(userInstallSlash('ask', [str('question', 'what is a volume?')]));
    expect(cb.body.type).toBe(4);
    expect(embed(cb).title).toBe('Volumes');
    // Others in the group DM did not ask: the answer is ephemeral.
    expect(cb.body.data.flags).toBe(64);
    const after = h.fake.requests.slice(before).filter((r) => r !== cb);
    expect(after.filter((r) => r.path.includes(`/channels/${GROUP_DM_ID}`))).toEqual([]);
  });

  it('answers a channel feature with a note instead of an empty channel leaderboard', async () => {
    const cb = await h.interact(userInstallSlash('leaderboard'));
    expect(embed(cb).title).toBe('Only in a server with the bot');
    expect(embed(cb).description).toContain('`/tutor leaderboard`');
  });
});

describe('Explain with Tutor (message context menu)', () => {
  it("runs the message's text through the matcher and answers the clicker only", async () => {
    const cb = await h.interact(explainMessage('hey, anyone know what a docker volume is for?'));
    expect(embed(cb).title).toBe('Volumes');
    expect(cb.body.data.flags).toBe(64);
  });

  it('treats command words in a message as a question, and says so when a message has no text', async () => {
    const cb = await h.interact(explainMessage('schedule off'));
    expect(embed(cb).title).not.toMatch(/schedule/i);
    expect((await h.app.store.getSchedule({ platform: 'discord', channelId: CHANNEL_ID }))?.zone).toBe('Europe/Berlin');
    expect(embed(await h.interact(explainMessage(''))).title).toBe('Nothing to explain');
  });
});
