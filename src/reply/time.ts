/**
 * How a Reply names an instant: the neutral token `<t:unix:F>` (seconds). Each adapter renders it
 * so every reader sees it in their own zone: Discord shows this very syntax natively, Slack turns
 * it into `<!date^…>`, and a terminal prints the instant in UTC.
 */
export function timeToken(ms: number): string {
  return `<t:${Math.floor(ms / 1000)}:F>`;
}

/** Replace every time token in `text` with what `render` makes of its instant (epoch ms). */
export function renderTimes(text: string, render: (ms: number) => string): string {
  return text.replace(/<t:(\d{1,12}):F>/g, (_, unix: string) => render(Number(unix) * 1000));
}

/** The instant in UTC, as a reader without a zone of their own sees it: 2027-03-01T08:00:00Z. */
export function utcInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
