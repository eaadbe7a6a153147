import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `.env` in the working directory, loaded into the environment by each entry point before the
 * config is parsed (src/config.ts still does all the reading). Node's own `process.loadEnvFile`
 * does the loading, so variables already in the real environment win. Node's parser gives no line
 * numbers and silently merges a line without `=` into the next variable's name, so each line is
 * checked first and a bad one stops start-up naming the file and line.
 */
export class EnvFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(`${file}${line === undefined ? '' : ` line ${line}`}: ${detail}`);
  }
}

const ENV_FILE = '.env';

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=(.*)$/;

/** Load `dir/.env` when it exists. Returns the file loaded, or undefined when there is none. */
export function loadEnvFileIfPresent(dir: string = process.cwd()): string | undefined {
  const file = resolve(dir, ENV_FILE);
  if (!existsSync(file)) return undefined;
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new EnvFileError(file, undefined, 'is not a file');
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof EnvFileError) throw err;
    throw new EnvFileError(file, undefined, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  checkLines(file, text);
  try {
    process.loadEnvFile(file);
  } catch (err) {
    throw new EnvFileError(file, undefined, (err as Error).message);
  }
  return file;
}

/** Every line is blank, a comment, or NAME=value (a quoted value may span lines). */
function checkLines(file: string, text: string): void {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) {
      // Only the first word: the rest may be a token pasted without its `=`.
      const word = line.trim().split(/[\s:]/)[0]!.slice(0, 40);
      throw new EnvFileError(file, i + 1, `expected NAME=value, got a line starting "${word}"`);
    }
    const value = m[1]!.trimStart();
    const quote = value[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      if (value.indexOf(quote, 1) !== -1) continue;
      // A multi-line quoted value: skip to the line holding its closing quote.
      const start = i;
      while (++i < lines.length && !lines[i]!.includes(quote));
      if (i >= lines.length) throw new EnvFileError(file, start + 1, `the value opened with ${quote} is never closed`);
    }
  }
}
