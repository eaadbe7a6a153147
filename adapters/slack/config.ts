import { z } from 'zod';
import { ConfigError, optional, port, registerPlatformConfig, url, withDefault } from '../../src/index.ts';

/** OAuth mode: the app is installed to any number of workspaces, each with its own token (adapters/slack/oauth.ts). */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state parameter. */
  stateSecret: string;
  /** The public URL of /slack/oauth_redirect, sent to Slack as redirect_uri; optional when the app has one redirect URL. */
  redirectUrl?: string;
}

interface SlackConfig {
  /** Single-workspace mode: the one bot token. Absent in OAuth mode. */
  botToken?: string;
  oauth?: SlackOAuthConfig;
  /** Set in HTTP mode; Socket Mode (appToken) needs none, as no request is signed. */
  signingSecret?: string;
  appToken?: string;
  port: number;
  apiUrl?: string;
  adminUsers: string[];
}

declare module '../../src/config.ts' {
  interface PlatformConfigs {
    /** Present when SLACK_BOT_TOKEN and either SLACK_SIGNING_SECRET or SLACK_APP_TOKEN are set, or in OAuth mode (SLACK_CLIENT_ID, …). */
    slack?: SlackConfig;
  }
}

const schema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-/, 'expected a bot token starting with xoxb-')),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[A-Za-z0-9]{16,}$/, 'expected the app signing secret (letters and digits)')),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-/, 'expected an app-level token starting with xapp- (Socket Mode)')),
  SLACK_PORT: withDefault(port, '3000'),
  SLACK_API_URL: optional(url('https://slack.com/api/')),
  SLACK_ADMIN_USERS: withDefault(z.string(), ''),
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, 'expected the app client id (digits.digits, from Basic Information)')),
  SLACK_CLIENT_SECRET: optional(z.string().regex(/^[A-Za-z0-9]{16,}$/, 'expected the app client secret (letters and digits)')),
  SLACK_STATE_SECRET: optional(z.string().min(16, 'expected a random secret of at least 16 characters')),
  SLACK_REDIRECT_URL: optional(url('https://tutor.example.com/slack/oauth_redirect')),
});

const OAUTH_VARS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** The OAuth group: all three or none, with a signing secret, and not mixed with a single bot token. */
function oauthConfig(e: z.output<typeof schema>): SlackOAuthConfig | undefined {
  const set = OAUTH_VARS.filter((k) => e[k] !== undefined);
  if (set.length === 0) {
    if (e.SLACK_REDIRECT_URL) throw new ConfigError('SLACK_REDIRECT_URL', 'is only used in OAuth mode: set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET too');
    return undefined;
  }
  const missing = OAUTH_VARS.find((k) => e[k] === undefined);
  if (missing)
    throw new ConfigError(missing, `is required when ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set (OAuth mode needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)`);
  if (e.SLACK_BOT_TOKEN)
    throw new ConfigError('SLACK_BOT_TOKEN', 'must not be set in OAuth mode (SLACK_CLIENT_ID, …): each workspace gets its own token when it installs the app; unset one or the other');
  if (e.SLACK_APP_TOKEN) throw new ConfigError('SLACK_APP_TOKEN', 'OAuth mode needs the HTTP receiver (it serves the install pages); unset SLACK_APP_TOKEN');
  if (!e.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_SIGNING_SECRET', 'is required in OAuth mode (SLACK_CLIENT_ID, …)');
  if (e.SLACK_REDIRECT_URL && !new URL(e.SLACK_REDIRECT_URL).pathname.endsWith('/slack/oauth_redirect')) {
    throw new ConfigError('SLACK_REDIRECT_URL', 'must end with /slack/oauth_redirect, the path the bot serves the redirect on');
  }
  return { clientId: e.SLACK_CLIENT_ID!, clientSecret: e.SLACK_CLIENT_SECRET!, stateSecret: e.SLACK_STATE_SECRET!, ...(e.SLACK_REDIRECT_URL ? { redirectUrl: e.SLACK_REDIRECT_URL } : {}) };
}

registerPlatformConfig({
  key: 'slack',
  schema,
  build(parsed) {
    const e = parsed as z.output<typeof schema>;
    const oauth = oauthConfig(e);
    if (oauth) {
      return {
        oauth,
        signingSecret: e.SLACK_SIGNING_SECRET!,
        port: e.SLACK_PORT,
        adminUsers: e.SLACK_ADMIN_USERS.split(/[\s,]+/).filter(Boolean),
        ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
      };
    }
    // The bot token plus either the signing secret (HTTP) or an app-level token (Socket Mode).
    if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
      throw new ConfigError('SLACK_SIGNING_SECRET', 'is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN to use Socket Mode, which needs no signing secret)');
    }
    if (e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN)
      throw new ConfigError('SLACK_BOT_TOKEN', 'is required when SLACK_SIGNING_SECRET is set (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install to many workspaces)');
    if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN) throw new ConfigError('SLACK_BOT_TOKEN', 'is required when SLACK_APP_TOKEN is set');
    if (!e.SLACK_BOT_TOKEN) return undefined;
    return {
      botToken: e.SLACK_BOT_TOKEN,
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
      port: e.SLACK_PORT,
      adminUsers: e.SLACK_ADMIN_USERS.split(/[\s,]+/).filter(Boolean),
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    };
  },
});
