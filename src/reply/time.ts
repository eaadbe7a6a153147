/**
 * How a Reply shows an instant so each reader can see it in their own zone: the neutral token
 * `<time:UNIX_SECONDS|fallback>`. An adapter that can localise renders the seconds natively; any
 * other shows the fallback (the time in the channel's zone). The fallback holds no `|` or `>`.
 */
export function timeToken(ms: number, fallback: string): string {
  return `<time:${Math.floor(ms / 1000)}|${fallback.replace(/[|<>]/g, ' ')}>`;
}

/** Replace every time token in `text` with what `render` makes of it. */
export function renderTimes(text: string, render: (unixSeconds: number, fallback: string) => string): string {
  return text.replace(/<time:(-?\d{1,15})\|([^<>|]*)>/g, (_, s: string, fallback: string) => render(Number(s), fallback));
}

/** For adapters that cannot localise: the fallback text. */
export const plainTimes = (text: string) => renderTimes(text, (_, fallback) => fallback);
