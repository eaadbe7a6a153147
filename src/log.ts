import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs go to stderr so that stdout stays clean for chat output and JSON lines. */
export function createLogger(level: string = 'info', name = 'tutor'): Logger {
  return pino({ name, level }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
