import { z } from 'zod';
import { ConfigError, optional, port, registerPlatformConfig, url, withDefault } from '../../src/index.ts';

interface SlackConfig {
  botToken: string;
  /** Set in HTTP mode; Socket Mode (appToken) needs none, as no request is signed. */
  signingSecret?: string;
  appToken?: string;
  port: number;
  apiUrl?: string;
  adminUsers: string[];
}

declare module '../../src/config.ts' {
  interface PlatformConfigs {
    /** Present when SLACK_BOT_TOKEN and either SLACK_SIGNING_SECRET or SLACK_APP_TOKEN are set. */
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
});

registerPlatformConfig({
  key: 'slack',
  schema,
  build(parsed) {
    const e = parsed as z.output<typeof schema>;
    // The bot token plus either the signing secret (HTTP) or an app-level token (Socket Mode).
    if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
      throw new ConfigError('SLACK_SIGNING_SECRET', 'is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN to use Socket Mode, which needs no signing secret)');
    }
    if (e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN) throw new ConfigError('SLACK_BOT_TOKEN', 'is required when SLACK_SIGNING_SECRET is set');
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
