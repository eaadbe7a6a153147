/**
 * The real discord.js client, the real core, a fake Discord on 127.0.0.1. Assertions are on the exact
 * bodies discord.js sent to the fake REST API.
 */
import { LimitedCollection } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply, Requester } from '../../../src/index.ts';
import { renderFor } from '../../../adapters/discord/respond.ts';
import { LIMITS, SHARE_LABEL, toMessageBody } from '../../../adapters/discord/render/index.ts';
import { startHarness, type Harness } from './harness.ts';
import { autocomplete, BOT_ID, BOT_USER, buttonPress, CHANNEL_ID, chatMessage, DM_CHANNEL_ID, GUILD_ID, HUMAN, MANAGER_PERMS, MEMBER_PERMS, OTHER_BOT_ID, slash, str, USER_ID } from './payloads.ts';

let h: Harness;
beforeAll(async () => {
  // random: () => 0 makes the practice question predictable, so its exact payload can be checked.
  h = await startHarness({ app: { random: () => 0 } });
});
afterAll(async () => {
  await h?.close();
});

const inGuild: Requester = { platform: 'discord', userId: USER_ID, channelId: CHANNEL_ID, workspaceId: GUILD_ID, direct: false, canManageChannel: false };
const NO_PINGS = { parse: [] };
/** A reply to a mention notifies the asker only. */
const ASKER_ONLY = { parse: [], replied_user: true };

/** What the adapter should send for a core reply: the same renderer, so a change there shows up here. */
const expectedBody = (reply: Reply, priv: boolean) => toMessageBody(renderFor(reply, priv)[0]);

/** The body of an immediate interaction response (callback type 4), exactly as discord.js builds it. */
function messageResponse(reply: Reply, priv: boolean) {
  const { embeds, components } = expectedBody(reply, priv);
  return { type: 4, data: { tts: false, enforce_nonce: false, embeds, components, allowed_mentions: NO_PINGS, ...(priv ? { flags: 64 } : {}) } };
}

const buttonsOf = (body: any): { custom_id: string; label: string }[] => (body.components ?? []).flatMap((r: any) => r.components);

describe('connecting', () => {
  it('fetches the gateway over REST, connects with v10 JSON and identifies with the smallest intents', async () => {
    expect(h.fake.matching('GET', /^\/v10\/gateway\/bot$/)).toHaveLength(1);
    expect(h.fake.connections[0]).toEqual({ path: '/', query: { v: '10', encoding: 'json' } });
    const identify = await h.fake.waitForFrame(2);
    // Guilds (1) | GuildMessages (512) | DirectMessages (4096); no MessageContent (32768).
    expect(identify.d.intents).toBe(1 | 512 | 4096);
    expect(identify.d.token).toBe('test-bot-token-0123456789abcdef');
    expect(identify.d.compress).toBe(false);
  });

  it('registers a channel poster with the core once ready', async () => {
    const poster = h.app.posters.get('discord');
    expect(poster).toBeDefined();
    const reply = await h.app.tutor.handle({ type: 'command', name: 'quiz', args: '' }, inGuild);
    const { messageId } = await poster!.post(CHANNEL_ID, { ...reply, audience: 'channel' });
    const sent = h.fake.matching('POST', new RegExp(`^/v10/channels/${CHANNEL_ID}/messages$`)).at(-1)!;
    expect(sent.body).toEqual({ ...expectedBody({ ...reply, audience: 'channel' }, false), nonce: expect.stringMatching(/^[0-9a-f]{25}$/), enforce_nonce: true });
    await poster!.update(CHANNEL_ID, messageId, { ...reply, audience: 'channel', title: 'Quiz closed' });
    const patch = h.fake.matching('PATCH', new RegExp(`^/v10/channels/${CHANNEL_ID}/messages/${messageId}$`));
    expect(patch).toHaveLength(1);
    expect(patch[0]!.body.embeds[0].title).toBe('Quiz closed');
    expect(patch[0]!.body.allowed_mentions).toEqual(NO_PINGS);
  });
});

describe('caches', () => {
  it('users and members are capped (keeping the bot itself) and swept; message history is not kept', async () => {
    const client = h.bot.client;
    const users = client.users.cache as LimitedCollection<string, unknown>;
    expect(users).toBeInstanceOf(LimitedCollection);
    expect(users.maxSize).toBe(500);
    expect(users.keepOverLimit?.(client.user!, client.user!.id, users)).toBe(true);
    const members = (await client.guilds.fetch(GUILD_ID)).members.cache as LimitedCollection<string, unknown>;
    expect(members).toBeInstanceOf(LimitedCollection);
    expect(members.maxSize).toBe(200);
    const channel = client.channels.cache.get(CHANNEL_ID);
    expect(channel?.isTextBased() && (channel.messages.cache as LimitedCollection<string, unknown>).maxSize).toBe(0);
    expect(client.options.sweepers).toMatchObject({ users: { interval: 1800 }, guildMembers: { interval: 1800 } });
    expect(client.sweepers.intervals.users).not.toBeNull();
    expect(client.sweepers.intervals.guildMembers).not.toBeNull();
  });
});

describe('/tutor commands', () => {
  it('ask: answers privately with the concept and a Share in channel button', async () => {
    const cb = await h.interact(slash('ask', [str('question', 'what is a volume?')]));
    const reply = await h.app.tutor.handle({ type: 'command', name: 'ask', args: 'what is a volume?' }, inGuild);
    expect(cb.body).toEqual(messageResponse(reply, true));
    expect(cb.query).toEqual({ with_response: 'false' });
    expect(cb.body.data.embeds[0].title).toBe('Volumes');
    expect(cb.body.data.embeds[0].description).toBe('A volume is storage managed by Docker that outlives any one container.');
    expect(cb.body.data.embeds[0].fields).toBeUndefined();
    // Continue buttons with Share last; the related topics as one select menu; 👍/👎.
    expect(cb.body.data.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, custom_id: 'm:volume', label: 'Explain more', style: 2 },
          { type: 2, custom_id: 'x:volume', label: 'Show an example', style: 2 },
          { type: 2, custom_id: 'q:volume', label: 'Quiz me on this', style: 2 },
          { type: 2, custom_id: 's:volume', label: SHARE_LABEL, style: 3 },
        ],
      },
      { type: 1, components: [{ type: 3, custom_id: 'tutor:menu', placeholder: 'Related topics', options: [{ label: 'Containers vs virtual machines', value: 'c:containers-vs-vms' }] }] },
      {
        type: 1,
        components: [
          { type: 2, custom_id: 'f:volume:u', label: '👍', style: 2 },
          { type: 2, custom_id: 'f:volume:d', label: '👎', style: 2 },
        ],
      },
    ]);
  });

  it('explain: autocomplete answers with up to 25 concept choices (callback type 8)', async () => {
    const cb = await h.interact(autocomplete('explain', [str('concept', 'vol', true)]));
    expect(cb.body).toEqual({ type: 8, data: { choices: h.app.tutor.completeConcept('vol', 25).map((c) => ({ name: c.title, value: c.id })) } });
    expect(cb.body.data.choices[0]).toEqual({ name: 'Volumes', value: 'volume' });

    const empty = await h.interact(autocomplete('explain', [str('concept', '', true)]));
    expect(empty.body.data.choices.length).toBeGreaterThan(0);
    expect(empty.body.data.choices.length).toBeLessThanOrEqual(LIMITS.choices);
  });

  it('explain: the chosen autocomplete value (a concept id) gets the concept', async () => {
    const cb = await h.interact(slash('explain', [str('concept', 'volume')]));
    expect(cb.body.data.embeds[0].title).toBe('Volumes');
    expect(cb.body.data.flags).toBe(64);
  });

  it('explain: a comparison renders its table as one aligned code block after the summary', async () => {
    const cb = await h.interact(slash('explain', [str('concept', 'containers vs vms')]));
    const reply = await h.app.tutor.handle({ type: 'command', name: 'explain', args: 'containers vs vms' }, inGuild);
    expect(reply.kind).toBe('comparison');
    expect(cb.body).toEqual(messageResponse(reply, true));
    const embed = cb.body.data.embeds[0];
    expect(embed.title).toBe('Containers vs virtual machines');
    expect(embed.fields).toBeUndefined();
    expect(embed.description.split('\n')).toEqual([
      'Containers share the host kernel; virtual machines each run their own.',
      '',
      '**Containers vs VMs**',
      '```',
      'Feature   │ Containers     │ Virtual',
      '          │                │ machines',
      '──────────┼────────────────┼────────────────',
      'Kernel    │ Shared with    │ Own kernel per',
      '          │ the host       │ VM',
      'Size      │ Megabytes      │ Gigabytes',
      'Startup   │ Seconds        │ Minutes',
      'Isolation │ Process level  │ Hardware level',
      '```',
    ]);
  });

  it('topics: a private list with one button per concept', async () => {
    const cb = await h.interact(slash('topics'));
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.embeds[0].title).toBe('Topics (page 1 of 1)');
    expect(buttonsOf(cb.body.data).map((b) => b.custom_id)).toEqual(['c:containers-vs-vms', 'c:hypervisor', 'c:volume']);
  });

  it('quiz: choices are buttons; a click gets private feedback with the explanation', async () => {
    const cb = await h.interact(slash('quiz'));
    // Showing a practice question changes no state, so asking the core again gives the same reply.
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.embeds[0].title).toMatch(/^Practice: /);
    const choices = buttonsOf(cb.body.data);
    expect(choices.length).toBeGreaterThanOrEqual(2);
    // Each question put to someone carries its own id, so it takes one answer.
    expect(choices.every((c) => /^p:[a-z0-9-]+:\d:\d+$/.test(c.custom_id))).toBe(true);
    expect(choices[0]!.label).toMatch(/^A\. /);

    // The feedback replaces the question (callback type 7) and its choices stay, disabled.
    const feedback = await h.interact(buttonPress(choices[0]!.custom_id, { ephemeral: true }));
    expect(feedback.body.type).toBe(7);
    expect(feedback.body.data.allowed_mentions).toEqual({ parse: [] });
    const embed = feedback.body.data.embeds[0];
    expect(['Correct!', 'Not quite']).toContain(embed.title);
    expect(embed.description).toContain('**Answer:**');
    const after = buttonsOf(feedback.body.data) as { custom_id: string; disabled?: boolean }[];
    expect(after.filter((b) => choices.some((c) => c.custom_id === b.custom_id)).every((b) => b.disabled === true)).toBe(true);
    expect(after.map((b) => b.custom_id)).toContain('n:');

    // A second click (a stale copy) is told it already answered, privately, and changes nothing.
    const again = await h.interact(buttonPress(choices[1]!.custom_id, { ephemeral: true }));
    expect(again.body.type).toBe(4);
    expect(again.body.data.flags).toBe(64);
    expect(again.body.data.embeds[0].title).toBe('You already answered');
  });

  it('review: nothing due yet, with a button to practise instead', async () => {
    const cb = await h.interact(slash('review'));
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.embeds[0].title).toBe('Nothing to review');
    expect(buttonsOf(cb.body.data).map((b) => b.custom_id)).toEqual(['n:']);
  });

  it('leaderboard: the period option reaches the core', async () => {
    const lb = await h.interact(slash('leaderboard', [str('period', 'month')]));
    expect(lb.body.data.embeds[0].title).toBe('Leaderboard (this month)');
  });

  it('schedule set: refused without Manage Channels, accepted with it', async () => {
    const set = [str('when', 'weekdays'), str('timezone', 'Europe/Berlin'), str('time', '09:00')];
    const refused = await h.interact(slash('set', set, { command: 'tutor-admin', group: 'schedule', permissions: MEMBER_PERMS }));
    expect(refused.body.data.embeds[0].title).toBe('Not allowed');
    expect(refused.body.data.flags).toBe(64);
    const accepted = await h.interact(slash('set', set, { command: 'tutor-admin', group: 'schedule', permissions: MANAGER_PERMS }));
    expect(accepted.body.data.embeds[0].title).toBe('Quiz scheduled');
    expect(accepted.body.data.embeds[0].description).toContain('**weekdays 09:00 (Europe/Berlin)**');
    const shown = await h.interact(slash('show', [], { command: 'tutor-admin', group: 'schedule' }));
    expect(shown.body.data.embeds[0].title).toBe('Quiz schedule');
    const off = await h.interact(slash('off', [], { command: 'tutor-admin', group: 'schedule', permissions: MANAGER_PERMS }));
    expect(off.body.data.embeds[0].title).toBe('Quiz schedule removed');
  });

  it('schedule set: the timezone option autocompletes IANA zones', async () => {
    const cb = await h.interact(autocomplete('set', [str('when', 'daily'), str('timezone', 'europe/ber', true)], { command: 'tutor-admin', group: 'schedule' }));
    expect(cb.body).toEqual({ type: 8, data: { choices: [{ name: 'Europe/Berlin', value: 'Europe/Berlin' }] } });
  });

  it('a slash command in a DM answers visibly there, without Share', async () => {
    const cb = await h.interact(slash('ask', [str('question', 'what is a volume?')], { dm: true }));
    const reply = await h.app.tutor.handle({ type: 'command', name: 'ask', args: 'what is a volume?' }, { ...inGuild, direct: true });
    expect(cb.body).toEqual(messageResponse(reply, false));
    expect(buttonsOf(cb.body.data).some((b) => b.label === SHARE_LABEL)).toBe(false);
  });
});

describe('buttons', () => {
  it('Share in channel: the private copy becomes "Shared in #channel" with no buttons, the answer is posted visibly', async () => {
    const press = buttonPress('s:volume', { ephemeral: true });
    const cb = await h.interact(press);
    expect(cb.body).toMatchObject({ type: 7, data: { content: `Shared in <#${CHANNEL_ID}>`, embeds: [], components: [] } });
    const posted = await h.fake.waitFor((r) => r.method === 'POST' && r.path.endsWith(`/${press.token}`));
    const reply = await h.app.tutor.handle({ type: 'action', action: 's:volume' }, inGuild);
    expect(reply.audience).toBe('channel');
    expect(posted.body.flags ?? 0).toBe(0);
    expect(posted.body.embeds).toEqual(expectedBody(reply, false).embeds);
    expect(posted.body.embeds[0].title).toBe('Volumes');
    expect(JSON.stringify(posted.body.components)).not.toContain('s:volume');
  });

  it('a related-concept button answers privately', async () => {
    const cb = await h.interact(buttonPress('c:hypervisor'));
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags).toBe(64);
    expect(cb.body.data.embeds[0].title).toBe('Hypervisor');
  });

  it('paging on a private topics list updates it in place (callback type 7)', async () => {
    const cb = await h.interact(buttonPress('t:1', { ephemeral: true }));
    expect(cb.body.type).toBe(7);
    expect(cb.body.data.embeds[0].title).toBe('Topics (page 1 of 1)');
    expect(cb.body.data.flags).toBeUndefined();
  });

  it('an unknown or stale button gets a private notice', async () => {
    const cb = await h.interact(buttonPress('zz:old-format'));
    expect(cb.body.data.embeds[0].title).toBe('Unknown button');
    expect(cb.body.data.flags).toBe(64);
  });
});

describe('messages', () => {
  const messagesTo = (channel: string) => h.fake.matching('POST', new RegExp(`^/v10/channels/${channel}/messages$`));

  it('a mention is answered as a reply to that message; other messages and bots (itself too) are ignored', async () => {
    const before = messagesTo(CHANNEL_ID).length;
    const ignored = [
      chatMessage('just chatting about volumes'),
      chatMessage(`<@${BOT_ID}> what is a volume?`, { mentionsBot: true, author: { ...HUMAN, id: OTHER_BOT_ID, bot: true } }),
      // Its own message mentioning itself (e.g. an echoed question) must not start a loop.
      chatMessage(`<@${BOT_ID}> what is a volume?`, { mentionsBot: true, author: BOT_USER }),
    ];
    for (const m of ignored) h.fake.dispatch('MESSAGE_CREATE', m);
    const mention = chatMessage(`<@${BOT_ID}> what is a volume?`, { mentionsBot: true });
    h.fake.dispatch('MESSAGE_CREATE', mention);
    const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.body?.message_reference?.message_id === mention.id);
    const reply = await h.app.tutor.handle({ type: 'text', text: 'what is a volume?' }, inGuild);
    expect(sent.path).toBe(`/v10/channels/${CHANNEL_ID}/messages`);
    expect(sent.body).toEqual({
      tts: false,
      nonce: `q${mention.id}`,
      enforce_nonce: true,
      ...expectedBody(reply, false),
      allowed_mentions: ASKER_ONLY,
      message_reference: { message_id: mention.id, fail_if_not_exists: false },
    });
    // Events are handled in order, and the ignored ones came first: nothing was sent for them.
    expect(messagesTo(CHANNEL_ID).length).toBe(before + 1);
    const ignoredIds = new Set(ignored.map((m) => m.id));
    expect(h.fake.requests.filter((r) => ignoredIds.has(r.body?.message_reference?.message_id))).toEqual([]);
  });

  it('a DM is answered in the DM, not as a reply', async () => {
    const dm = chatMessage('docker volume vs bind mount?', { dm: true });
    dm.content = 'what is a hypervisor';
    h.fake.dispatch('MESSAGE_CREATE', dm);
    const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.path === `/v10/channels/${DM_CHANNEL_ID}/messages`);
    const reply = await h.app.tutor.handle({ type: 'text', text: 'what is a hypervisor' }, { ...inGuild, direct: true });
    expect(sent.body).toEqual({ tts: false, nonce: `q${dm.id}`, enforce_nonce: true, ...expectedBody(reply, false) });
    expect(sent.body.embeds[0].title).toBe('Hypervisor');
  });

  it('@everyone in a question is echoed without pinging anyone', async () => {
    const msg = chatMessage(`<@${BOT_ID}> @everyone @here pancakes <@&123456789012345678>?`, { mentionsBot: true, everyone: true });
    h.fake.dispatch('MESSAGE_CREATE', msg);
    const sent = await h.fake.waitFor((r) => r.method === 'POST' && r.body?.message_reference?.message_id === msg.id);
    expect(sent.body.allowed_mentions).toEqual(ASKER_ONLY);
    expect(sent.body.content).toBeUndefined();
    expect(sent.body.embeds[0].description).toContain('@everyone @here pancakes');

    const cb = await h.interact(slash('ask', [str('question', '@everyone look at this')]));
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('every message body sent so far pinged no one but an asker replied to, and passed Discord-style validation', () => {
    const bodies = h.fake.requests
      .filter((r) => r.method !== 'GET' && r.status < 400)
      .map((r) => (r.path.endsWith('/callback') ? r.body.data : r.body))
      .filter((b) => b && (b.embeds || b.content !== undefined));
    expect(bodies.length).toBeGreaterThan(10);
    for (const b of bodies) expect(b.allowed_mentions).toEqual(b.message_reference ? ASKER_ONLY : NO_PINGS);
    expect(h.fake.requests.filter((r) => r.status === 400)).toEqual([]);
  });

  it('logged no errors along the way', () => {
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});
