/**
 * The README's per-platform transcripts are what the real adapters produce against the fakes:
 * regenerated here (real Bolt, real discord.js, the console chat) and compared block by block.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLATFORMS, readmeBlocks, transcripts, withTranscripts } from '../../scripts/transcripts/index.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README transcripts', () => {
  it('each platform block equals the generated transcript', { timeout: 60_000 }, async () => {
    const generated = await transcripts();
    const inReadme = readmeBlocks(README);
    for (const p of PLATFORMS) {
      expect(inReadme[p], `README.md has no ${p} transcript block; run \`npm run transcripts -- --write\``).toBeDefined();
      expect(inReadme[p], `README.md's ${p} transcript is out of date; run \`npm run transcripts -- --write\``).toBe(generated[p]);
    }
    // The exchange did happen on every platform: the answer, then the continuation.
    for (const p of PLATFORMS) {
      expect(generated[p], p).toContain('Docker containers vs virtual machines');
      expect(generated[p], p).toContain('Docker containers vs virtual machines: in more depth');
    }
    // Nothing run-specific leaks in: no ports, snowflakes, Slack ts, file ids or local paths.
    const all = Object.values(generated).join('\n');
    expect(all).not.toMatch(/127\.0\.0\.1|\b\d{17,}\b|\b\d{10}\.\d{6}\b|F0TEST|[0-9a-f]{32}/);
    expect(all).not.toContain(process.cwd());
  });

  it('writing the transcripts into the README changes nothing else, and needs the markers', async () => {
    const t = { slack: 'S', discord: 'D', console: 'C' };
    const written = withTranscripts(README, t);
    expect(readmeBlocks(written)).toEqual(t);
    expect(withTranscripts(written, readmeBlocks(README) as typeof t)).toBe(README);
    expect(() => withTranscripts('no markers', t)).toThrow(/transcript:slack/);
  });
});
