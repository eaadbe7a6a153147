import {
  ConfigError,
  type ChannelPoster,
  ContentError,
  EnvFileError,
  StoreError,
  createLogger,
  createTutorApp,
  exitQuietlyOnClosedPipe,
  formatIssue,
  loadConfig,
  loadEnvFileIfPresent,
  type Config,
} from '../src/index.ts';
import { adapters, type RunningAdapter } from './registry.ts';
import { join, resolve } from 'node:path';
import { runConsoleChat } from './console/chat.ts';
import { CONSOLE_HISTORY_FILE } from './console/history.ts';
import { startLogLevel } from './console/log-level.ts';
import { failedLine, skippedLine, startedLine } from './startup-lines.ts';
import { startSharedServer, type SharedServer } from './http/serve.ts';

/** SIGTERM: finish or hand back work and exit within this, even if something hangs. */
const SHUTDOWN_LIMIT_MS = 9500;
const DEFAULT_PORT = 3000;

/** `npm start`: every platform with credentials, or the console chat when there are none. */
async function main(): Promise<number> {
  let config: Config;
  try {
    // .env in the working directory, when there is one; variables already set win.
    loadEnvFileIfPresent();
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError || err instanceof EnvFileError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const logger = createLogger(startLogLevel(config.logLevel, false));
  let app: Awaited<ReturnType<typeof createTutorApp>>;
  try {
    app = await createTutorApp(config, logger);
  } catch (err) {
    if (err instanceof ContentError) {
      process.stderr.write(`Content error: fix these and start again.\n${err.issues.map(formatIssue).join('\n')}\n`);
      return 2;
    }
    if (err instanceof StoreError) {
      process.stderr.write(`Storage error: ${err.message}\n`);
      return 1;
    }
    throw err;
  }

  const enabled = adapters.filter((a) => a.enabled(app));
  for (const a of adapters) if (!enabled.includes(a)) process.stderr.write(`${skippedLine(a)}\n`);
  if (enabled.length === 0) {
    if (!config.consoleChat) {
      process.stderr.write('No chat platform is configured (set SLACK_* or DISCORD_* variables) and CONSOLE_CHAT=false.\n');
      return 2;
    }
    const interactive = Boolean(process.stdin.isTTY);
    logger.level = startLogLevel(config.logLevel, interactive);
    // Scheduled quizzes only in an interactive session: a piped batch should print answers only.
    const onPoster = interactive
      ? (poster: ChannelPoster) => {
          app.registerPoster(poster);
          app.startScheduler();
        }
      : undefined;
    const historyFile = config.dataDir === ':memory:' ? undefined : join(resolve(config.dataDir), CONSOLE_HISTORY_FILE);
    await runConsoleChat(app.tutor, {
      input: process.stdin,
      output: process.stdout,
      interactive,
      color: interactive && Boolean(process.stdout.isTTY) && !config.noColor,
      width: process.stdout.columns || 100,
      ...(historyFile ? { historyFile } : {}),
      ...(onPoster ? { onPoster } : {}),
    });
    await app.close();
    return 0;
  }

  // The one HTTP server (health, metrics, then each platform's routes) is up before they connect.
  // It runs when PORT is set or a platform takes HTTP requests; a gateway-only bot opens no port.
  const httpPort = config.httpPort ?? config.slack?.port ?? DEFAULT_PORT;
  let server: SharedServer | undefined;
  if (config.httpPort !== undefined || (config.slack && !config.slack.appToken) || config.discord?.publicKey) {
    try {
      server = await startSharedServer(app, httpPort);
    } catch (err) {
      process.stderr.write(`Could not listen on ${config.httpPort !== undefined ? 'PORT' : 'SLACK_PORT'}=${httpPort}: ${(err as Error).message}\n`);
      await app.close();
      return 1;
    }
    server.expect(enabled.map((a) => a.name));
  }
  const host = server ? server.metrics.countReplies(app) : app;
  const running: RunningAdapter[] = [];
  // Installed before the platforms connect: a SIGTERM during start-up must shut down cleanly too.
  let stopping = false;
  const stop = async (signal: string) => {
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Whatever happens below, the process is gone within 10 s (a load balancer's usual grace).
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    server?.drain();
    // Stop posting first, so no retry lands on an adapter that is already gone.
    await app.scheduler.stop().catch((err: unknown) => logger.error({ err }, 'scheduler stop failed'));
    // Hand back the due schedules this replica's tick holds, so another replica posts them now, not in 30 s.
    await app.store.releaseSchedules(app.scheduler.instanceId).catch((err: unknown) => logger.error({ err }, 'releasing schedule leases failed'));
    for (const r of running) await r.stop().catch((err: unknown) => logger.error({ err, adapter: r.name }, 'stop failed'));
    await server?.http.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // All platforms connect at once, so one's handshake overlaps the other's; each line is printed
  // as soon as its platform is up (or has failed). One failing to connect (bad token, outage)
  // must not take the others down.
  await Promise.all(
    enabled.map(async (a) => {
      try {
        const r = await a.start(host);
        running.push(r);
        server?.mount(r.routes ?? []);
        server?.started(a.name);
        logger.info({ adapter: a.name }, 'adapter started');
        process.stderr.write(`${startedLine(r)}\n`);
      } catch (err) {
        logger.error({ err, adapter: a.name }, 'adapter failed to start');
        process.stderr.write(`${failedLine(a, err)}\n`);
      }
    }),
  );
  server?.settled();
  if (stopping) return -1; // a signal came during start-up: stop() is finishing
  if (running.length === 0) {
    await app.close();
    // A client that failed to connect may still hold sockets open; nothing is left to serve.
    process.exit(1);
  }
  if (server) logger.info({ port: server.http.port, paths: ['/healthz', '/readyz', '/metrics', ...running.flatMap((r) => (r.routes ?? []).map((x) => x.path))] }, 'HTTP server listening');
  // Posters are registered now, so missed posts inside the grace window can go out.
  app.startScheduler();
  return -1; // keep running
}

exitQuietlyOnClosedPipe();

main().then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Fatal: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
