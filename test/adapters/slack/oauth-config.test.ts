import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config.ts';
import '../../../adapters/slack/config.ts';

const OAUTH = { SLACK_CLIENT_ID: '1234.5678', SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef', SLACK_STATE_SECRET: 'a-long-random-state-secret', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef' };

const err = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  return 'no error';
};

describe('Slack OAuth config', () => {
  it('runs in OAuth mode with the client id, client secret, state secret and signing secret', () => {
    expect(parseConfig(OAUTH).slack).toEqual({
      oauth: { clientId: '1234.5678', clientSecret: 'abcdef0123456789abcdef', stateSecret: 'a-long-random-state-secret' },
      signingSecret: 'abcdef0123456789abcdef',
      port: 3000,
      adminUsers: [],
    });
    expect(parseConfig({ ...OAUTH, SLACK_REDIRECT_URL: 'https://tutor.example.com/slack/oauth_redirect' }).slack?.oauth?.redirectUrl).toBe('https://tutor.example.com/slack/oauth_redirect');
  });

  it('names the missing variable of a half-set group, and never prints a secret', () => {
    expect(err({ SLACK_CLIENT_ID: '1234.5678' })).toBe('SLACK_CLIENT_SECRET: is required when SLACK_CLIENT_ID is set (OAuth mode needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)');
    expect(err({ SLACK_CLIENT_ID: '1234.5678', SLACK_CLIENT_SECRET: 'abcdef0123456789abcdef' })).toBe(
      'SLACK_STATE_SECRET: is required when SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set (OAuth mode needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)',
    );
    const { SLACK_SIGNING_SECRET: _, ...noSigning } = OAUTH;
    expect(err(noSigning)).toBe('SLACK_SIGNING_SECRET: is required in OAuth mode (SLACK_CLIENT_ID, …)');
    const m = err({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-secret-token-value' });
    expect(m).toMatch(/^SLACK_BOT_TOKEN: must not be set in OAuth mode/);
    expect(m).not.toContain('secret-token-value');
    expect(err({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1-A1-abc' })).toMatch(/^SLACK_APP_TOKEN: OAuth mode needs the HTTP receiver/);
    expect(err({ ...OAUTH, SLACK_CLIENT_ID: 'nope' })).toMatch(/^SLACK_CLIENT_ID: expected the app client id/);
    expect(err({ ...OAUTH, SLACK_STATE_SECRET: 'short' })).toMatch(/^SLACK_STATE_SECRET: expected a random secret of at least 16 characters/);
    expect(err({ ...OAUTH, SLACK_REDIRECT_URL: 'https://tutor.example.com/elsewhere' })).toBe('SLACK_REDIRECT_URL: must end with /slack/oauth_redirect, the path the bot serves the redirect on');
    expect(err({ SLACK_REDIRECT_URL: 'https://tutor.example.com/slack/oauth_redirect' })).toMatch(/^SLACK_REDIRECT_URL: is only used in OAuth mode/);
  });
});
