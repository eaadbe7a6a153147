import { z } from 'zod';
import { SHIPPED_CONTENT_DIR } from './paths.ts';

/**
 * The only place that reads the environment. Parsed once at startup; everything else gets a
 * typed Config. Empty strings count as "not set" so that a blank line in .env is harmless.
 */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? fallback : typeof v === 'string' ? v.trim() : v), schema);

const port = z.coerce.number({ message: 'expected a port number 1-65535' }).int('expected a whole port number 1-65535').min(1, 'expected a port number 1-65535').max(65535, 'expected a port number 1-65535');
const url = z.url({ message: 'expected an http(s) URL like https://slack.com/api/' });
const positiveNumber = (what: string) => z.coerce.number({ message: `expected ${what}` }).positive(`expected ${what}`);

const envSchema = z.object({
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'expected one of fatal, error, warn, info, debug, trace, silent' }), 'info'),
  CONTENT_DIR: withDefault(z.string(), SHIPPED_CONTENT_DIR),
  DATA_DIR: withDefault(z.string(), 'data'),
  CONSOLE_CHAT: withDefault(z.stringbool({ message: 'expected true or false' }), 'true'),
  // Unset means the matcher's own default (tuned with the eval sets), kept in one place.
  MATCH_THRESHOLD: optional(z.coerce.number({ message: 'expected a number between 0 and 1' }).min(0, 'expected a number between 0 and 1').max(1, 'expected a number between 0 and 1')),

  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-/, 'expected a bot token starting with xoxb-')),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[A-Za-z0-9]{16,}$/, 'expected the app signing secret (letters and digits)')),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-/, 'expected an app-level token starting with xapp- (Socket Mode)')),
  SLACK_PORT: withDefault(port, '3000'),
  SLACK_API_URL: optional(url),
  SLACK_ADMIN_USERS: withDefault(z.string(), ''),

  DISCORD_TOKEN: optional(z.string().min(20, 'expected a bot token from the Discord developer portal')),
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{15,22}$/, 'expected a numeric application id (snowflake)')),
  DISCORD_GUILD_ID: optional(z.string().regex(/^\d{15,22}$/, 'expected a numeric server (guild) id')),
  DISCORD_API_URL: optional(url),

  QUIZ_GRACE_MINUTES: withDefault(positiveNumber('a number of minutes greater than 0'), '120'),
  QUIZ_CLOSE_HOURS: withDefault(positiveNumber('a number of hours greater than 0'), '24'),
  CONVERSATION_MINUTES: withDefault(positiveNumber('a number of minutes greater than 0'), '15'),
  // https://no-color.org: any non-empty value turns colour off in the console.
  NO_COLOR: optional(z.string()),
  QUIZ_TICK_SECONDS: withDefault(positiveNumber('a number of seconds greater than 0'), '15'),
  PLATFORM_TIMEOUT_SECONDS: withDefault(positiveNumber('a number of seconds greater than 0'), '10'),
});

type Env = z.output<typeof envSchema>;

export interface Config {
  logLevel: Env['LOG_LEVEL'];
  contentDir: string;
  dataDir: string;
  consoleChat: boolean;
  /** Minimum confidence to answer; undefined = the matcher's default. */
  matchThreshold?: number;
  slack?: { botToken: string; signingSecret: string; appToken?: string; port: number; apiUrl?: string; adminUsers: string[] };
  discord?: { token: string; applicationId: string; guildId?: string; apiUrl?: string };
  quiz: { graceMinutes: number; closeHours: number; tickSeconds: number };
  /** How long any one call to a chat platform may take before it is given up (and maybe retried). */
  platformTimeoutMs: number;
  /** How long the tutor remembers what a conversation is about, for follow-ups. */
  conversationMinutes: number;
  /** NO_COLOR is set: the console prints no colours or styles. */
  noColor: boolean;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`${variable}: ${detail}`);
  }
}

export interface ParseOptions {
  /** false: ignore SLACK_* and DISCORD_* (the CLI needs no platform, so a typo there must not stop it). */
  platforms?: boolean;
}

/** Parse an environment. Throws ConfigError naming the first bad variable. */
export function parseConfig(given: Record<string, string | undefined>, options: ParseOptions = {}): Config {
  const env = options.platforms === false ? Object.fromEntries(Object.entries(given).filter(([k]) => !/^(SLACK|DISCORD)_/.test(k))) : given;
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = env[variable];
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(variable.includes('TOKEN') || variable.includes('SECRET') ? mask(got) : got.slice(0, 60))})`;
    throw new ConfigError(variable, `${issue.message}${shown}`);
  }
  const e = parsed.data;
  // Credentials come in pairs: half a pair is a mistake worth stopping for.
  pair('SLACK_BOT_TOKEN', e.SLACK_BOT_TOKEN, 'SLACK_SIGNING_SECRET', e.SLACK_SIGNING_SECRET);
  pair('DISCORD_TOKEN', e.DISCORD_TOKEN, 'DISCORD_APPLICATION_ID', e.DISCORD_APPLICATION_ID);
  if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN) throw new ConfigError('SLACK_BOT_TOKEN', 'is required when SLACK_APP_TOKEN is set');

  const config: Config = {
    logLevel: e.LOG_LEVEL,
    contentDir: e.CONTENT_DIR,
    dataDir: e.DATA_DIR,
    consoleChat: e.CONSOLE_CHAT,
    matchThreshold: e.MATCH_THRESHOLD,
    quiz: { graceMinutes: e.QUIZ_GRACE_MINUTES, closeHours: e.QUIZ_CLOSE_HOURS, tickSeconds: e.QUIZ_TICK_SECONDS },
    platformTimeoutMs: Math.round(e.PLATFORM_TIMEOUT_SECONDS * 1000),
    conversationMinutes: e.CONVERSATION_MINUTES,
    noColor: Boolean(e.NO_COLOR),
  };
  if (e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET) {
    config.slack = {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      port: e.SLACK_PORT,
      adminUsers: e.SLACK_ADMIN_USERS.split(/[\s,]+/).filter(Boolean),
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    };
  }
  if (e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID) {
    config.discord = {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
      ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
    };
  }
  return config;
}

function pair(a: string, av: unknown, b: string, bv: unknown): void {
  if (av && !bv) throw new ConfigError(b, `is required when ${a} is set`);
  if (bv && !av) throw new ConfigError(a, `is required when ${b} is set`);
}

function mask(secret: string): string {
  return secret.length <= 8 ? '***' : `${secret.slice(0, 5)}…`;
}

/** Read process.env once. The single sanctioned access to the environment. */
export function loadConfig(options: ParseOptions = {}): Config {
  return parseConfig(process.env, options);
}
