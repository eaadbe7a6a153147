import { describe, expect, it } from 'vitest';
import { startLogLevel } from '../../../adapters/console/log-level.ts';
import { parseConfig } from '../../../src/index.ts';

describe('log level of a start', () => {
  it('keeps the interactive console chat free of info logs unless LOG_LEVEL is set', () => {
    const unset = parseConfig({}).logLevel;
    expect(startLogLevel(unset, true)).toBe('warn');
    expect(startLogLevel(unset, false)).toBe('info');
    // A level someone set always wins, in the console too.
    expect(startLogLevel(parseConfig({ LOG_LEVEL: 'info' }).logLevel, true)).toBe('info');
    expect(startLogLevel(parseConfig({ LOG_LEVEL: 'debug' }).logLevel, false)).toBe('debug');
    expect(startLogLevel(parseConfig({ LOG_LEVEL: ' ' }).logLevel, true)).toBe('warn');
  });
});
