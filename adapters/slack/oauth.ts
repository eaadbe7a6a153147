import type { AppOptions } from '@slack/bolt';
import type { AdapterHost, Logger } from '../../src/index.ts';
import type { SlackOAuthConfig } from './config.ts';
import { storeInstallations } from './installations.ts';
import manifest from './manifest.json' with { type: 'json' };
import { failurePage, installPage, successPage } from './oauth-pages.ts';

/** Where the install page and Slack's OAuth redirect are served (by Bolt's HTTP receiver). */
const INSTALL_PATH = '/slack/install';
const REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes asked for at install: the manifest's, so the two cannot drift. */
const BOT_SCOPES: readonly string[] = manifest.oauth_config.scopes.bot;

/**
 * What Bolt needs for OAuth mode: the app's credentials, our installation store and the install
 * pages. Bolt's InstallProvider serves INSTALL_PATH (setting the state cookie), and on
 * REDIRECT_PATH checks the state, calls oauth.v2.access (through SLACK_API_URL) and stores the
 * installation.
 */
export function oauthOptions(oauth: SlackOAuthConfig, app: AdapterHost, apiUrl: string, timeoutMs: number, log: Logger): Partial<AppOptions> {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    ...(oauth.redirectUrl ? { redirectUri: oauth.redirectUrl } : {}),
    installationStore: storeInstallations(app.store, app.clock, log),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      // oauth.v2.access and the auth.test after it go to SLACK_API_URL too.
      clientOptions: { slackApiUrl: apiUrl, timeout: timeoutMs },
      renderHtmlForInstallPath: installPage,
      callbackOptions: {
        success(installation, _options, _req, res) {
          html(res, 200, successPage(installation.team?.name ?? installation.enterprise?.name));
        },
        failure(err, _options, _req, res) {
          log.warn({ code: err.code, err: err.message }, 'Slack install failed');
          html(res, err.code === 'slack_oauth_installer_authorization_error' && /cancel/i.test(err.message) ? 200 : 400, failurePage(err, INSTALL_PATH));
        },
      },
    },
  };
}

function html(res: { writeHead(status: number, headers: Record<string, string>): unknown; end(body: string): unknown }, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}
