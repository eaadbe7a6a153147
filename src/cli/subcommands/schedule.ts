import type { Command } from 'commander';
import { checkZone } from '../../schedule/zone.ts';
import { nextRuns, parseScheduleSpec, type ScheduleSpec, ScheduleSpecError } from '../../schedule/spec.ts';
import { CliError } from '../context.ts';

export function register(program: Command): void {
  const schedule = program.command('schedule').description('quiz schedules');
  schedule
    .command('preview')
    .description('print the next run instants of a schedule as UTC ISO-8601 lines (the scheduler uses the same code)')
    .argument('<spec>', 'e.g. "weekdays 09:00", "daily 08:30 Europe/Berlin" or "0 9 * * 1-5"')
    .option('--tz <zone>', 'IANA time zone for a spec that names none (default UTC)')
    .option('--from <instant>', 'start after this ISO-8601 instant (default now)')
    .option('-n, --count <n>', 'how many runs', '5')
    .action((specText: string, opts: { tz?: string; from?: string; count: string }) => {
      let tz: string | undefined;
      if (opts.tz !== undefined) {
        const z = checkZone(opts.tz);
        if (!z.ok) throw new CliError(`--tz: ${z.message}`);
        tz = z.zone;
      }
      let spec: ScheduleSpec;
      try {
        spec = parseScheduleSpec(specText, tz);
      } catch (err) {
        if (err instanceof ScheduleSpecError) throw new CliError(err.message);
        throw err;
      }
      if (tz !== undefined && spec.zoneGiven && spec.zone !== tz) {
        throw new CliError(`The spec names ${spec.zone} but --tz says ${opts.tz}; give the zone once.`);
      }
      const from = opts.from === undefined ? Date.now() : parseInstant(opts.from);
      const n = Number(opts.count);
      if (!Number.isInteger(n) || n < 1 || n > 1000) throw new CliError(`-n must be a whole number from 1 to 1000 (got ${JSON.stringify(opts.count)}).`, 2);
      const runs = nextRuns(spec, from, n);
      process.stdout.write(runs.map((t) => `${new Date(t).toISOString()}\n`).join(''));
    });
}

/** An ISO-8601 instant with a date; a bare date or local time would depend on this machine's zone. */
function parseInstant(text: string): number {
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/i.test(text.trim());
  const t = Date.parse(text.trim());
  if (!ok || Number.isNaN(t)) throw new CliError(`--from: "${text.slice(0, 40)}" is not an ISO-8601 instant. Use e.g. 2027-03-26T00:00:00Z.`, 2);
  return t;
}
