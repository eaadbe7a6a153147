/**
 * The pages a person sees while installing the app: the install page with its "Add to Slack"
 * button, and the success and failure pages Slack's redirect ends on. Plain HTML, no scripts.
 */

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1d1c1d}
a.button{display:inline-block;padding:.7rem 1.2rem;border-radius:.4rem;background:#4a154b;color:#fff;text-decoration:none;font-weight:600}
code{background:#f4f4f4;padding:.1rem .3rem;border-radius:.2rem}</style></head>
<body>
${body}
</body>
</html>
`;
}

/** The install page: what the app does and the button that starts Slack's OAuth flow at `url`. */
export function installPage(url: string): string {
  return page(
    'Install Container Tutor',
    `<h1>Container Tutor for Slack</h1>
<p>Answers questions about containers and virtual machines in your workspace, and runs short quizzes.</p>
<p><a class="button" href="${escapeHtml(url)}">Add to Slack</a></p>
<p>You choose the workspace on the next page. A workspace admin may need to approve the install.</p>`,
  );
}

export function successPage(workspace: string | undefined): string {
  const where = workspace ? ` to <strong>${escapeHtml(workspace)}</strong>` : '';
  return page(
    'Container Tutor installed',
    `<h1>Installed${where}</h1>
<p>Container Tutor is ready. In Slack, type <code>/tutor help</code>, mention <code>@tutor</code> in a channel, or send it a direct message.</p>
<p>You can close this page.</p>`,
  );
}

/** Why an install failed, in words; the error code is shown for whoever reads the logs. */
export function failurePage(err: { code?: string; message?: string }, retryPath: string): string {
  const code = err.code;
  const reason =
    code === 'slack_oauth_invalid_state' || code === 'slack_oauth_missing_state'
      ? 'The install link had expired or was opened in another browser.'
      : code === 'slack_oauth_installer_authorization_error' && /cancel/i.test(err.message ?? '')
        ? 'The install was cancelled in Slack.'
        : 'Slack did not complete the install.';
  return page(
    'Container Tutor was not installed',
    `<h1>Not installed</h1>
<p>${escapeHtml(reason)} Nothing was changed in your workspace.</p>
<p><a class="button" href="${escapeHtml(retryPath)}">Try again</a></p>
${code ? `<p><small>Error: <code>${escapeHtml(code)}</code></small></p>` : ''}`,
  );
}
