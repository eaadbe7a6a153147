/**
 * The Slack app manifest names the /tutor subcommands by hand (usage hint and descriptions): every
 * name it lists must be a command in the commands index, and the usage hint lists every command,
 * in the index's order, so a command added or renamed cannot drift from what Slack shows.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { commands } from '../../../src/index.ts';

interface SlashCommand {
  command: string;
  description: string;
  usage_hint?: string;
}
const manifest = JSON.parse(readFileSync(new URL('../../../adapters/slack/manifest.json', import.meta.url), 'utf8')) as {
  display_information: { description: string; long_description: string };
  features: { slash_commands: SlashCommand[] };
};
const names = new Set(commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]));
const [tutor] = manifest.features.slash_commands;

test('one slash command, /tutor, within Slack’s manifest limits', () => {
  expect(manifest.features.slash_commands).toHaveLength(1);
  expect(tutor!.command).toBe('/tutor');
  expect(tutor!.command.length).toBeLessThanOrEqual(32);
  expect(tutor!.description.length).toBeLessThanOrEqual(2000);
  expect(tutor!.usage_hint!.length).toBeLessThanOrEqual(1000);
});

test('the usage hint lists every command of the index once, in its order; a bare question stands for ask', () => {
  // Alternatives are separated by " | "; a `|` inside one (on|off) has no spaces around it.
  const [question, ...rest] = tutor!.usage_hint!.split(' | ');
  expect(question).toBe('<question>');
  const listed = rest.map((alt) => alt.split(' ')[0]);
  expect(listed).toEqual(commands.filter((c) => c.name !== 'ask').map((c) => c.name));
});

test('every subcommand the descriptions name is a command (or an alias) in the index', () => {
  // "…, or: help, topics, explain, quiz" in the short description.
  const after = tutor!.description.split(/or:\s*/)[1] ?? '';
  const inDescription = after.split(/,\s*/).filter(Boolean);
  expect(inDescription.length).toBeGreaterThan(0);
  // "/tutor quiz", "/tutor schedule" in the app's long description.
  const inLong = [...manifest.display_information.long_description.matchAll(/\/tutor ([a-z-]+)/g)].map((m) => m[1]!);
  for (const word of [...inDescription, ...inLong]) expect(names, `"${word}" is not a command`).toContain(word);
});
