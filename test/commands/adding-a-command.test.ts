/**
 * Adding a command is one file in src/commands/ plus one line in its index. This test plays that
 * file (a definition below) and that line (the list handed to the tutor and the Discord
 * generator, as the index would) and checks every place a command shows up picks it up.
 */
import { describe, expect, it } from 'vitest';
import { commandData, findSubcommand, toRequest } from '../../adapters/discord/slash/index.ts';
import { commands } from '../../src/commands/index.ts';
import { optionText, type Command } from '../../src/commands/types.ts';
import { loadContentOrThrow } from '../../src/content/load.ts';
import { CONSOLE_USER, type Requester } from '../../src/adapter-api/request.ts';
import { noticeReply } from '../../src/reply/build.ts';
import { Tutor } from '../../src/tutor.ts';
import { FIXTURE_PACK } from '../adapters/discord/harness.ts';
import { pipedChat } from '../helpers/console-chat.ts';
// How Slack and Discord people type commands: each adapter registers its wording when loaded.
import '../../adapters/slack/wording.ts';
import '../../adapters/discord/wording.ts';

const echo: Command = {
  name: 'echo',
  usage: 'echo <word>',
  description: 'Say a word back.',
  summary: 'Say a word back',
  options: [{ name: 'word', type: 'string', description: 'The word to say back', required: true, maxLength: 20 }],
  private: true,
  run: (input) => noticeReply('Echo', `You said ${optionText(input, 'word').trim() || 'nothing'}.`),
};

const list = [...commands, echo];
const tutor = new Tutor(loadContentOrThrow(FIXTURE_PACK), { commands: list });
const slack: Requester = { platform: 'slack', userId: 'U1', channelId: 'C1' };
const discord: Requester = { platform: 'discord', userId: '1', channelId: '2' };
const helpText = async (who: Requester) => (await tutor.handle({ type: 'text', text: 'help' }, who)).paragraphs.join('\n');

describe('a new command', () => {
  it('is a /tutor subcommand in the Discord definition, with its option', () => {
    const tutorCommand = commandData(list)[0] as unknown as { options: { name: string; type: number; description: string; options?: unknown[] }[] };
    const sub = tutorCommand.options.find((o) => o.name === 'echo');
    expect(sub).toMatchObject({ type: 1, description: 'Say a word back', options: [{ name: 'word', type: 3, required: true, max_length: 20 }] });
  });

  it('answers a Discord interaction with its typed option', async () => {
    const req = toRequest(findSubcommand(null, 'echo', list)!, { getString: (n) => (n === 'word' ? 'hello' : null), getInteger: () => null, getSubcommand: () => 'echo' });
    expect(req).toEqual({ type: 'command', name: 'echo', options: { word: 'hello' } });
    expect((await tutor.handle(req, discord)).paragraphs.join(' ')).toContain('You said hello.');
  });

  it('is listed in the help text of every platform, as typed there', async () => {
    expect(await helpText(CONSOLE_USER)).toContain('`echo <word>` Say a word back.');
    expect(await helpText(slack)).toContain('`/tutor echo <word>` Say a word back.');
    expect(await helpText(discord)).toContain('`/tutor echo word:<word>` Say a word back.');
  });

  it('runs when typed in the console, and the console completes its name', async () => {
    expect(await pipedChat(tutor, ['echo hi'])).toContain('You said hi.');
    expect(tutor.commandNames).toContain('echo');
  });
});
