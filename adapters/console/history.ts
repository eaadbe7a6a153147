import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The history file's name in DATA_DIR. */
export const CONSOLE_HISTORY_FILE = 'console-history';

/** Lines kept across sessions. */
export const HISTORY_SIZE = 500;

/** Earlier sessions' lines, newest first (readline's order). A missing or unreadable file is no history. */
export function loadHistory(file: string | undefined): string[] {
  if (!file) return [];
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-HISTORY_SIZE).reverse();
  } catch {
    return [];
  }
}

/** Append one typed line. Failing to save history never stops the chat. */
export function saveHistoryLine(file: string | undefined, line: string): void {
  if (!file || !line.trim()) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    appendFileSync(file, `${line.replace(/[\r\n]+/g, ' ')}\n`);
  } catch {
    /* read-only data directory: history is a convenience */
  }
}
