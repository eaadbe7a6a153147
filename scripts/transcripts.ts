/**
 * `npm run transcripts`: print one exchange per platform (real Bolt, real discord.js, the console
 * chat, against the test fakes). `npm run transcripts -- --write` puts them into README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PLATFORMS, transcripts, withTranscripts } from './transcripts/index.ts';

const README = resolve(import.meta.dirname, '../README.md');
const t = await transcripts();
if (process.argv.includes('--write')) {
  writeFileSync(README, withTranscripts(readFileSync(README, 'utf8'), t));
  console.log(`README.md: ${PLATFORMS.join(', ')} transcripts written`);
} else {
  for (const p of PLATFORMS) console.log(`── ${p} ──\n${t[p]}\n`);
}
