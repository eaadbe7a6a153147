import { createRequire } from 'node:module';
import type { Cron, CronOptions } from 'croner';

let CronClass: typeof Cron | undefined;

/**
 * A croner job. croner is loaded on first use (a runtime require the CLI bundler leaves alone), so
 * `tutor ask` and other commands that never touch a schedule don't pay for it at start-up.
 */
export function newCron(pattern: string, options: CronOptions): Cron {
  CronClass ??= (createRequire(import.meta.url)('croner') as typeof import('croner')).Cron;
  return new CronClass(pattern, options);
}
