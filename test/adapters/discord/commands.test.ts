/** The `/tutor` subcommands as pure functions: options in, core request out. */
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createTutorApp, parseConfig, silentLogger } from '../../../src/index.ts';
import { autocomplete, findSubcommand, slashCommands, toRequest, type OptionReader } from '../../../adapters/discord/slash/index.ts';
import { scheduleText } from '../../../src/commands/schedule.ts';
import { stripMention } from '../../../adapters/discord/listeners/message.ts';
import { requesterFromInteraction } from '../../../adapters/discord/requester.ts';
import { FIXTURE_PACK } from './harness.ts';

function options(sub: string, values: Record<string, string | number> = {}): OptionReader {
  return {
    getSubcommand: () => sub,
    getString: (name) => (typeof values[name] === 'string' ? (values[name] as string) : null),
    getInteger: (name) => (typeof values[name] === 'number' ? (values[name] as number) : null),
  };
}

const request = (group: string | null, sub: string, values: Record<string, string | number> = {}) =>
  toRequest(findSubcommand(group, sub, undefined, group === 'schedule' ? 'tutor-admin' : 'tutor')!, options(sub, values));
// The options a Discord interaction carries for `/tutor schedule <sub>`, as the core command reads them.
const scheduleArgs = (o: OptionReader) => {
  const req = toRequest(findSubcommand('schedule', 'set', undefined, 'tutor-admin')!, o);
  return req.type === 'command' && req.options ? scheduleText({ options: req.options, ...(req.sub ? { sub: req.sub } : {}) }) : '';
};

describe('subcommand -> core request', () => {
  it('maps every subcommand to the core command of the same name', () => {
    expect(request(null, 'ask', { question: 'what is a volume?' })).toEqual({ type: 'command', name: 'ask', options: { question: 'what is a volume?' } });
    expect(request(null, 'explain', { concept: 'volume' })).toEqual({ type: 'command', name: 'explain', options: { concept: 'volume' } });
    expect(request(null, 'topics')).toEqual({ type: 'command', name: 'topics', options: {} });
    expect(request(null, 'topics', { page: 2 })).toEqual({ type: 'command', name: 'topics', options: { page: 2 } });
    expect(request(null, 'quiz')).toEqual({ type: 'command', name: 'quiz', options: {} });
    expect(request(null, 'review')).toEqual({ type: 'command', name: 'review', options: {} });
    expect(request(null, 'leaderboard')).toEqual({ type: 'command', name: 'leaderboard', options: {} });
    // A choice arrives as its typed value, not as text to parse again.
    expect(request(null, 'leaderboard', { period: 'all' })).toEqual({ type: 'command', name: 'leaderboard', options: { period: 'all' } });
    expect(request('schedule', 'show')).toEqual({ type: 'command', name: 'schedule', options: {}, sub: 'show' });
  });

  it('turns /tutor schedule set options into the core one-line spec', () => {
    expect(scheduleArgs(options('set', { when: 'weekdays', time: '09:00', timezone: 'Europe/Berlin' }))).toBe('weekdays 09:00 Europe/Berlin');
    expect(scheduleArgs(options('set', { when: 'daily', time: ' 17:30 ', timezone: 'America/New_York' }))).toBe('daily 17:30 America/New_York');
    expect(scheduleArgs(options('set', { when: 'cron', cron: '0 9 * * 1-5', timezone: 'UTC' }))).toBe('cron "0 9 * * 1-5" UTC');
    // Missing pieces go through as they are: the core answers with an error and an example.
    expect(scheduleArgs(options('set', { when: 'weekdays', timezone: 'Europe/Berlin' }))).toBe('weekdays Europe/Berlin');
    expect(scheduleArgs(options('off'))).toBe('off');
  });

  it('lists every subcommand once, in one explicit index', () => {
    expect(slashCommands().map((s) => s.name)).toEqual(['ask', 'explain', 'topics', 'quiz', 'review', 'remind', 'stats', 'leaderboard', 'help']);
    // Channel managers' commands are only under /tutor-admin.
    expect(slashCommands(undefined, 'tutor-admin').map((s) => s.name)).toEqual(['schedule', 'post-now', 'ping']);
    expect(findSubcommand('schedule', 'set')).toBeUndefined();
    expect(findSubcommand(null, 'nope')).toBeUndefined();
  });
});

describe('autocomplete', () => {
  it('explain: at most 25 concept choices, names and values within 100 characters', async () => {
    const app = await createTutorApp(parseConfig({ CONTENT_DIR: FIXTURE_PACK, DATA_DIR: ':memory:' }), silentLogger);
    const explain = findSubcommand(null, 'explain')!;
    expect(autocomplete(explain, { name: 'concept', value: 'hyper' }, app.tutor)[0]).toEqual({ name: 'Hypervisor', value: 'hypervisor' });
    const all = autocomplete(explain, { name: 'concept', value: '' }, app.tutor);
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(25);
    await app.close();
  });

  it('schedule: IANA zones, prefix matches first, at most 25', async () => {
    const schedule = findSubcommand('schedule', 'set', undefined, 'tutor-admin')!;
    const tutor = undefined as never;
    expect(autocomplete(schedule, { name: 'timezone', value: 'new y' }, tutor).map((c) => c.value)).toEqual(['America/New_York']);
    expect(autocomplete(schedule, { name: 'timezone', value: '' }, tutor)).toHaveLength(25);
    expect(autocomplete(schedule, { name: 'timezone', value: 'utc' }, tutor)[0]).toEqual({ name: 'UTC', value: 'UTC' });
  });
});

describe('requester', () => {
  const interaction = (perms: bigint | null, guild = true) =>
    ({
      inGuild: () => guild,
      user: { id: '42' },
      channelId: '7',
      guildId: guild ? '9' : null,
      memberPermissions: perms === null ? null : new PermissionsBitField(perms),
    }) as never;

  it('can manage the channel with Manage Channels or Manage Server, not otherwise', () => {
    expect(requesterFromInteraction(interaction(PermissionFlagsBits.ManageChannels))).toEqual({
      platform: 'discord',
      userId: '42',
      channelId: '7',
      workspaceId: '9',
      direct: false,
      canManageChannel: true,
    });
    expect(requesterFromInteraction(interaction(PermissionFlagsBits.ManageGuild)).canManageChannel).toBe(true);
    expect(requesterFromInteraction(interaction(PermissionFlagsBits.SendMessages)).canManageChannel).toBe(false);
  });

  it('marks DMs as direct, with no workspace', () => {
    expect(requesterFromInteraction(interaction(null, false))).toEqual({ platform: 'discord', userId: '42', channelId: '7', direct: true, canManageChannel: false });
  });

  it('strips the bot mention (both forms) from a message', () => {
    expect(stripMention('<@123> what is a volume?', '123')).toBe('what is a volume?');
    expect(stripMention('hey <@!123>   docker vs vm <@456>', '123')).toBe('hey docker vs vm <@456>');
  });
});
