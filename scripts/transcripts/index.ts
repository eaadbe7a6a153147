/**
 * One exchange per platform, through the real adapters against the test fakes, as readable
 * transcripts; and the README's transcript blocks, which must equal them.
 */
import { pino } from 'pino';
import { createTutorApp, parseConfig } from '../../src/index.ts';
import { SHIPPED_CONTENT_DIR } from '../../src/paths.ts';
import { consoleTranscript } from './console.ts';
import { discordTranscript } from './discord.ts';
import { slackTranscript } from './slack.ts';

const QUESTION = "what's the difference between docker and a vm";
const CLICK = 'Explain more';
export const PLATFORMS = ['slack', 'discord', 'console'] as const;
export type Transcripts = Record<(typeof PLATFORMS)[number], string>;

/** The shipped pack, a throwaway database, nothing from the environment. */
const ENV = { CONTENT_DIR: SHIPPED_CONTENT_DIR, DATA_DIR: ':memory:' };

export async function transcripts(): Promise<Transcripts> {
  const slack = await slackTranscript(QUESTION, CLICK, ENV);
  const discord = await discordTranscript(QUESTION, CLICK, ENV);
  const app = await createTutorApp(parseConfig(ENV), pino({ level: 'silent' }));
  try {
    const cons = await consoleTranscript(app, QUESTION, CLICK);
    // Trailing spaces (blank lines inside an embed or message) would be noise in the README.
    const tidy = (s: string) => s.replace(/[ \t]+$/gm, '');
    return { slack: tidy(slack), discord: tidy(discord), console: tidy(cons) };
  } finally {
    await app.close();
  }
}

const block = (name: string) => new RegExp(`(<!-- transcript:${name} -->\\n)[\\s\\S]*?(\\n<!-- /transcript:${name} -->)`);

/** The README's block for each platform (undefined where its markers are missing). */
export function readmeBlocks(readme: string): Partial<Transcripts> {
  const out: Partial<Transcripts> = {};
  for (const p of PLATFORMS) {
    const m = readme.match(block(p));
    if (m)
      out[p] = m[0]
        .slice(m[1]!.length, -m[2]!.length)
        .replace(/^```\n/, '')
        .replace(/\n```$/, '');
  }
  return out;
}

/** The README with each platform's block replaced by its transcript. Throws if markers are missing. */
export function withTranscripts(readme: string, t: Transcripts): string {
  let out = readme;
  for (const p of PLATFORMS) {
    if (!block(p).test(out)) throw new Error(`README.md has no <!-- transcript:${p} --> … <!-- /transcript:${p} --> markers`);
    out = out.replace(block(p), (_, open: string, close: string) => `${open}\`\`\`\n${t[p]}\n\`\`\`${close}`);
  }
  return out;
}
