import type { AdapterHost } from '../src/index.ts';
import type { Route } from './http/routes.ts';
// Each adapter's config schema is small (zod only) and registered up front, so parseConfig reads its variables.
import './slack/config.ts';
import './discord/config.ts';

/** A running platform connection. */
export interface RunningAdapter {
  name: string;
  /** Paths this adapter serves on the shared HTTP server (adapters/http/routes.ts). */
  routes?: Route[];
  stop(): Promise<void>;
}

export interface AdapterEntry {
  name: string;
  /** True when the config holds this platform's credentials. */
  enabled(app: AdapterHost): boolean;
  /** Loaded lazily so that a Slack-only install never pays for discord.js, and vice versa. */
  start(app: AdapterHost): Promise<RunningAdapter>;
}

/** Every chat platform, listed explicitly. The console is the fallback when none is enabled. */
export const adapters: AdapterEntry[] = [
  { name: 'slack', enabled: (app) => app.config.slack !== undefined, start: async (app) => (await import('./slack/index.ts')).startSlack(app) },
  { name: 'discord', enabled: (app) => app.config.discord !== undefined, start: async (app) => (await import('./discord/index.ts')).startDiscord(app) },
];
