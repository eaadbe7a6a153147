import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.ts';

/** Bolt and its Web API client log through this into the app's pino logger; pino's level rules. */
export function boltLogger(log: Logger): BoltLogger {
  const text = (parts: unknown[]) => parts.map(show).join(' ');
  return {
    debug: (...m: unknown[]) => log.debug(text(m)),
    info: (...m: unknown[]) => log.info(text(m)),
    warn: (...m: unknown[]) => log.warn(text(m)),
    error: (...m: unknown[]) => log.error(text(m)),
    setLevel: () => {},
    getLevel: () => levelOf(log.level),
    setName: () => {},
  };
}

function show(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x instanceof Error) return x.message;
  try {
    return JSON.stringify(x);
  } catch {
    return String(x);
  }
}

function levelOf(level: string): LogLevel {
  if (level === 'debug' || level === 'trace') return LogLevel.DEBUG;
  if (level === 'info') return LogLevel.INFO;
  if (level === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}
