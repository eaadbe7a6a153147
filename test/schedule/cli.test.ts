import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/subcommands/schedule.ts';
import { CliError } from '../../src/cli/context.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

/** Run `tutor schedule preview …` in-process and return what it printed. */
async function preview(...args: string[]): Promise<string> {
  const program = new Command('tutor').exitOverride();
  register(program);
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  try {
    await program.parseAsync(['schedule', 'preview', ...args], { from: 'user' });
  } finally {
    write.mockRestore();
  }
  return out;
}

describe('tutor schedule preview', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints the next N runs as UTC ISO-8601 lines, across the EU spring-forward night', async () => {
    expect(await preview('daily 02:30', '--tz', 'Europe/Berlin', '--from', '2027-03-27T00:00:00Z', '-n', '3')).toBe('2027-03-27T01:30:00.000Z\n2027-03-28T01:00:00.000Z\n2027-03-29T00:30:00.000Z\n');
    expect(await preview('0 9 * * 1-5', '--tz', 'America/New_York', '--from', '2027-11-05T00:00:00Z', '-n', '2')).toBe('2027-11-05T13:00:00.000Z\n2027-11-08T14:00:00.000Z\n');
    expect(await preview('cron "30 1 * * *" America/New_York', '--from', '2027-11-06T12:00:00Z', '-n', '2')).toBe('2027-11-07T05:30:00.000Z\n2027-11-08T06:30:00.000Z\n');
  });

  it.each([
    [['daily 09:00', '--tz', 'Mars/Olympus'], /Unknown time zone "Mars\/Olympus"/],
    [['daily 9 o clock', '--tz', 'UTC'], /needs exactly 5 fields[\s\S]*Examples:/],
    [['daily 09:00 Europe/Berlin', '--tz', 'Asia/Tokyo'], /give the zone once/],
    [['daily 09:00', '--from', 'tomorrow'], /not an ISO-8601 instant/],
    [['daily 09:00', '-n', '0'], /-n must be a whole number/],
  ])('fails with a clear message for %j', async (args, message) => {
    const err = await preview(...args).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CliError);
    expect((err as Error).message).toMatch(message);
  });

  it('as a process: exits non-zero on a bad zone, prints lines on success', async () => {
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'schedule', 'preview', ...args], { cwd: root });
    const bad = await cli('weekdays 09:00', '--tz', 'Europe/Berln').then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stderr).toContain('Unknown time zone "Europe/Berln"');
    expect((await cli('weekdays 09:00 Europe/Berlin', '--from', '2027-03-26T12:00:00Z', '-n', '1')).stdout).toBe('2027-03-29T07:00:00.000Z\n');
  });
});
