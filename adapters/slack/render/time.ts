/**
 * A time Slack shows in each reader's own zone: `<!date^unix^format|fallback>`. The fallback
 * (for clients that cannot format dates, and notifications) names the zone it is written in.
 */
export function slackDate(ms: number, fallbackZone = 'UTC'): string {
  const unix = Math.floor(ms / 1000);
  const fallback = new Intl.DateTimeFormat('en-GB', { timeZone: fallbackZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
  return `<!date^${unix}^{date_short_pretty} {time}|${fallback} ${fallbackZone}>`;
}
