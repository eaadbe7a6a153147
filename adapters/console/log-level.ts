import type { Config } from '../../src/index.ts';

type Level = NonNullable<Config['logLevel']>;

/**
 * The log level of a start. Logs go to stderr, which a terminal shows between the chat's own
 * lines: in the interactive console chat an unset LOG_LEVEL shows warnings only ("quiz posted"
 * would interrupt the conversation); everywhere else it is info. A level that is set always wins.
 */
export function startLogLevel(configured: Level | undefined, interactiveConsole: boolean): Level {
  return configured ?? (interactiveConsole ? 'warn' : 'info');
}
