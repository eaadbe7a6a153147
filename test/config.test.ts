import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, parseConfig } from '../src/config.ts';
import { SHIPPED_CONTENT_DIR } from '../src/paths.ts';
// Each chat adapter registers its own variables with the core's config when its config module loads.
import '../adapters/slack/config.ts';
import '../adapters/discord/config.ts';

const err = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('config', () => {
  it('has sensible defaults with an empty environment', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ contentDir: SHIPPED_CONTENT_DIR, dataDir: 'data', consoleChat: true, quiz: { graceMinutes: 120, closeHours: 24 } });
    expect(c.slack).toBeUndefined();
    // Unset: the start chooses (info, or warn in the interactive console chat).
    expect(c.logLevel).toBeUndefined();
    expect(c.discord).toBeUndefined();
    expect(c.conversationMinutes).toBe(15);
    expect(c.noColor).toBe(false);
  });

  it('reads CONVERSATION_MINUTES and NO_COLOR, naming a bad value', () => {
    expect(parseConfig({ CONVERSATION_MINUTES: '30', NO_COLOR: '1' })).toMatchObject({ conversationMinutes: 30, noColor: true });
    expect(err({ CONVERSATION_MINUTES: 'soon' })).toBe('CONVERSATION_MINUTES: expected a number of minutes greater than 0 (got "soon")');
  });

  it('DATABASE_URL selects Postgres; a malformed one is named without printing it', () => {
    expect(parseConfig({}).databaseUrl).toBeUndefined();
    expect(parseConfig({ DATABASE_URL: ' postgres://bot:pw@db.internal:5432/tutor ' }).databaseUrl).toBe('postgres://bot:pw@db.internal:5432/tutor');
    expect(parseConfig({ DATABASE_URL: 'postgresql://localhost/tutor' }).databaseUrl).toBe('postgresql://localhost/tutor');
    expect(err({ DATABASE_URL: 'mysql://bot:secretpw@db/tutor' })).toBe('DATABASE_URL: expected a Postgres URL like postgres://user@host:5432/tutor (got "mysql…")');
    expect(err({ DATABASE_URL: 'postgres://' })).toMatch(/^DATABASE_URL: expected a Postgres URL/);
  });

  it('enables Slack and Discord when their credentials are present', () => {
    const c = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef',
      SLACK_PORT: '3100',
      SLACK_ADMIN_USERS: 'U1, U2',
      DISCORD_TOKEN: 'x'.repeat(30),
      DISCORD_APPLICATION_ID: '123456789012345678',
    });
    expect(c.slack).toEqual({ botToken: 'xoxb-1-2-abc', signingSecret: 'abcdef0123456789abcdef', port: 3100, adminUsers: ['U1', 'U2'] });
    expect(c.discord).toEqual({ token: 'x'.repeat(30), applicationId: '123456789012345678', gateway: true, shards: 'auto' });
  });

  it('parses booleans strictly ("false" is false)', () => {
    expect(parseConfig({ CONSOLE_CHAT: 'false' }).consoleChat).toBe(false);
    expect(parseConfig({ CONSOLE_CHAT: '0' }).consoleChat).toBe(false);
    expect(err({ CONSOLE_CHAT: 'maybe' })).toMatch(/^CONSOLE_CHAT: expected true or false/);
  });

  it('names the variable and what it expects', () => {
    expect(err({ SLACK_PORT: 'abc' })).toBe('SLACK_PORT: expected a port number 1-65535 (got "abc")');
    expect(err({ SLACK_PORT: '70000' })).toMatch(/^SLACK_PORT: expected a port number/);
    expect(err({ LOG_LEVEL: 'loud' })).toMatch(/^LOG_LEVEL: expected one of/);
    expect(err({ SLACK_API_URL: 'not a url' })).toMatch(/^SLACK_API_URL: expected an http\(s\) URL/);
    expect(err({ MATCH_THRESHOLD: '2' })).toMatch(/^MATCH_THRESHOLD: /);
    expect(err({ DISCORD_APPLICATION_ID: 'abc', DISCORD_TOKEN: 'x'.repeat(30) })).toMatch(/^DISCORD_APPLICATION_ID: expected a numeric application id/);
  });

  it('refuses half a credential pair and never prints the secret', () => {
    expect(err({ SLACK_BOT_TOKEN: 'xoxb-secret-token-value' })).toBe(
      'SLACK_SIGNING_SECRET: is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN to use Socket Mode, which needs no signing secret)',
    );
    expect(err({ SLACK_SIGNING_SECRET: 'abcdef0123456789' })).toBe(
      'SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET is set (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install to many workspaces)',
    );
    expect(err({ DISCORD_APPLICATION_ID: '123456789012345678' })).toBe('DISCORD_TOKEN: is required when DISCORD_APPLICATION_ID is set');
    const m = err({ SLACK_BOT_TOKEN: 'xoxp-user-token-secret', SLACK_SIGNING_SECRET: 'abcdef0123456789' });
    expect(m).toMatch(/^SLACK_BOT_TOKEN: expected a bot token starting with xoxb-/);
    expect(m).not.toContain('user-token-secret');
  });

  it('enables Slack in Socket Mode with the bot and app tokens only, no signing secret', () => {
    const c = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_APP_TOKEN: 'xapp-1-A1-abc' });
    expect(c.slack).toEqual({ botToken: 'xoxb-1-2-abc', appToken: 'xapp-1-A1-abc', port: 3000, adminUsers: [] });
    expect(c.slack?.signingSecret).toBeUndefined();
  });

  it('treats blank values as unset', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '  ', SLACK_PORT: '' }).slack).toBeUndefined();
  });

  it('finds the shipped content from the code, not the working directory', () => {
    expect(existsSync(join(SHIPPED_CONTENT_DIR, 'docker-vm', 'docker-vs-vm.yaml'))).toBe(true);
  });
});

describe(".env.example and the README's configuration table", () => {
  const root = resolve(import.meta.dirname, '..');
  const example = parseEnv(readFileSync(join(root, '.env.example'), 'utf8'));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Configuration\n'), readme.indexOf('\n## Development\n'));
  const tableNames = [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]);

  it('list exactly the variables the config reads', () => {
    const read = [...configVariables()].sort();
    expect(Object.keys(example).sort()).toEqual(read);
    expect([...tableNames].sort()).toEqual(read);
  });

  it('an unchanged copy of .env.example behaves like no .env: every value in it is the default', () => {
    expect(parseConfig(example)).toEqual(parseConfig({}));
  });
});
