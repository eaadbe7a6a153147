import { resolve } from 'node:path';
import { loadConfig, ConfigError, type Config } from '../config.ts';
import { loadContent } from '../content/load.ts';
import { formatIssue } from '../content/model.ts';
import { Tutor } from '../tutor.ts';

/** Thrown for problems the user can fix; main prints the message and exits 1 (2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function cliConfig(): Config {
  try {
    return loadConfig({ platforms: false });
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(`Configuration error: ${err.message}`, 2);
    throw err;
  }
}

/** Load the configured content and build a tutor, or fail with every content problem listed. */
export function cliTutor(contentDir?: string): Tutor {
  const config = cliConfig();
  const dir = resolve(contentDir ?? config.contentDir);
  const { pack, issues } = loadContent(dir);
  if (issues.length) throw new CliError(`Content error:\n${issues.map(formatIssue).join('\n')}`);
  return new Tutor(pack, { threshold: config.matchThreshold });
}
