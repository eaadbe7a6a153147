import { z } from 'zod';
import { SHIPPED_CONTENT_DIR } from './paths.ts';

/**
 * The only place that reads the environment. Parsed once at startup; everything else gets a
 * typed Config. Empty strings count as "not set" so that a blank line in .env is harmless.
 */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

export const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) =>
  z.preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? fallback : typeof v === 'string' ? v.trim() : v), schema);

export const port = z.coerce
  .number({ message: 'expected a port number 1-65535' })
  .int('expected a whole port number 1-65535')
  .min(1, 'expected a port number 1-65535')
  .max(65535, 'expected a port number 1-65535');
/** An http(s) URL; `example` shows the expected form in the error. */
export const url = (example: string) => z.url({ message: `expected an http(s) URL like ${example}` });
const positiveNumber = (what: string) => z.coerce.number({ message: `expected ${what}` }).positive(`expected ${what}`);

const envSchema = z.object({
  // Unset: info, except in the interactive console chat, where only warnings share the screen with the chat.
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'expected one of fatal, error, warn, info, debug, trace, silent' })),
  CONTENT_DIR: withDefault(z.string(), SHIPPED_CONTENT_DIR),
  DATA_DIR: withDefault(z.string(), 'data'),
  // Set: the Postgres store (many replicas); unset: SQLite in DATA_DIR.
  DATABASE_URL: optional(z.string().refine(isPostgresUrl, 'expected a Postgres URL like postgres://user@host:5432/tutor')),
  CONSOLE_CHAT: withDefault(z.stringbool({ message: 'expected true or false' }), 'true'),
  // Unset means the matcher's own default (tuned with the eval sets), kept in one place.
  MATCH_THRESHOLD: optional(z.coerce.number({ message: 'expected a number between 0 and 1' }).min(0, 'expected a number between 0 and 1').max(1, 'expected a number between 0 and 1')),

  QUIZ_GRACE_MINUTES: withDefault(positiveNumber('a number of minutes greater than 0'), '120'),
  QUIZ_CLOSE_HOURS: withDefault(positiveNumber('a number of hours greater than 0'), '24'),
  CONVERSATION_MINUTES: withDefault(positiveNumber('a number of minutes greater than 0'), '15'),
  // https://no-color.org: any non-empty value turns colour off in the console.
  NO_COLOR: optional(z.string()),
  QUIZ_TICK_SECONDS: withDefault(positiveNumber('a number of seconds greater than 0'), '15'),
  PLATFORM_TIMEOUT_SECONDS: withDefault(positiveNumber('a number of seconds greater than 0'), '10'),
  // The one HTTP server (health, metrics, the adapters' routes); unset: SLACK_PORT, else 3000. 0: any free port.
  PORT: optional(z.union([z.literal('0').transform(() => 0), port], { message: 'expected a port number 1-65535 (or 0 for any free port)' })),
});

type Env = z.output<typeof envSchema>;

/**
 * Each chat adapter's settings, by the adapter's key, present when its credentials are set. Adapters
 * add their entry (TypeScript declaration merging) next to the schema they register.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the adapters through declaration merging.
export interface PlatformConfigs {}

export type Config = CoreConfig & PlatformConfigs;

interface CoreConfig {
  logLevel: Env['LOG_LEVEL'];
  contentDir: string;
  dataDir: string;
  /** postgres://… when the Postgres store is used; undefined: SQLite in dataDir. */
  databaseUrl?: string;
  consoleChat: boolean;
  /** Minimum confidence to answer; undefined = the matcher's default. */
  matchThreshold?: number;
  quiz: { graceMinutes: number; closeHours: number; tickSeconds: number };
  /** How long any one call to a chat platform may take before it is given up (and maybe retried). */
  platformTimeoutMs: number;
  /** How long the tutor remembers what a conversation is about, for follow-ups. */
  conversationMinutes: number;
  /** NO_COLOR is set: the console prints no colours or styles. */
  noColor: boolean;
  /** Where the shared HTTP server listens (PORT); undefined: not set (adapters/start.ts picks). */
  httpPort?: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${variable}: ${detail}`);
  }
}

export interface ParseOptions {
  /** false: ignore every chat adapter's variables (the CLI needs no platform, so a typo there must not stop it). */
  platforms?: boolean;
}

/** A chat adapter's part of the environment: its variables' schema, and its settings built from them. */
export interface PlatformConfigSchema<K extends keyof PlatformConfigs & string = keyof PlatformConfigs & string> {
  key: K;
  schema: z.ZodObject;
  /** The settings, or undefined when the adapter is not configured. Throws ConfigError for a half-set pair. */
  build(parsed: Record<string, unknown>): PlatformConfigs[K] | undefined;
}

const platformSchemas: PlatformConfigSchema[] = [];

/** Called by each chat adapter's config module when it loads; parseConfig then reads its variables too. */
export function registerPlatformConfig<K extends keyof PlatformConfigs & string>(schema: PlatformConfigSchema<K>): void {
  if (!platformSchemas.some((p) => p.key === schema.key)) platformSchemas.push(schema as unknown as PlatformConfigSchema);
}

function parseEnv(schema: z.ZodType, env: Record<string, string | undefined>): Record<string, unknown> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issue = parsed.error.issues[0]!;
  const variable = String(issue.path[0] ?? 'environment');
  const got = env[variable];
  const shown = got === undefined ? '' : ` (got ${JSON.stringify(variable.includes('TOKEN') || variable.includes('SECRET') || variable === 'DATABASE_URL' ? mask(got) : got.slice(0, 60))})`;
  throw new ConfigError(variable, `${issue.message}${shown}`);
}

/** Every variable the config reads, the core's and each registered adapter's (.env.example lists the same). */
export function configVariables(): string[] {
  return [...Object.keys(envSchema.shape), ...platformSchemas.flatMap((p) => Object.keys(p.schema.shape))];
}

/** Parse an environment. Throws ConfigError naming the first bad variable. */
export function parseConfig(given: Record<string, string | undefined>, options: ParseOptions = {}): Config {
  const e = parseEnv(envSchema, given) as Env;

  const config: Config = {
    logLevel: e.LOG_LEVEL,
    contentDir: e.CONTENT_DIR,
    dataDir: e.DATA_DIR,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    consoleChat: e.CONSOLE_CHAT,
    matchThreshold: e.MATCH_THRESHOLD,
    quiz: { graceMinutes: e.QUIZ_GRACE_MINUTES, closeHours: e.QUIZ_CLOSE_HOURS, tickSeconds: e.QUIZ_TICK_SECONDS },
    platformTimeoutMs: Math.round(e.PLATFORM_TIMEOUT_SECONDS * 1000),
    conversationMinutes: e.CONVERSATION_MINUTES,
    noColor: Boolean(e.NO_COLOR),
    ...(e.PORT !== undefined ? { httpPort: e.PORT } : {}),
  };
  if (options.platforms !== false) {
    for (const p of platformSchemas) {
      const settings = p.build(parseEnv(p.schema, given));
      if (settings !== undefined) (config as unknown as Record<string, unknown>)[p.key] = settings;
    }
  }
  return config;
}

function isPostgresUrl(v: string): boolean {
  if (!/^postgres(ql)?:\/\//.test(v)) return false;
  try {
    return new URL(v).hostname !== '' || v.includes('host=');
  } catch {
    return false;
  }
}

/** Credentials come in pairs: half a pair is a mistake worth stopping for. */
export function pair(a: string, av: unknown, b: string, bv: unknown): void {
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
