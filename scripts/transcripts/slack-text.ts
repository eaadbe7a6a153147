/** Block Kit as readable lines, in the order Slack shows them (the answer's attachment blocks included). */
type Text = { type?: string; text?: string };
type Element = { type: string; text?: Text | string; placeholder?: Text; alt_text?: string; elements?: Element[]; positive_button?: { text: Text }; negative_button?: { text: Text } };
type Block = Element & { fields?: Text[]; rows?: Text[][]; accessory?: Element };

/** A table block drawn with box characters, cells wrapped to `width`. */
function table(rows: Text[][], width = 30): string[] {
  const cells = rows.map((r) => r.map((c) => wrap(c.text ?? '', width)));
  const cols = cells[0]?.length ?? 0;
  const widths = Array.from({ length: cols }, (_, i) => Math.max(...cells.map((r) => Math.max(...(r[i] ?? ['']).map((l) => l.length)))));
  const rule = (l: string, m: string, r: string) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const out = [rule('┌', '┬', '┐')];
  cells.forEach((row, n) => {
    const height = Math.max(...row.map((c) => c.length));
    for (let i = 0; i < height; i++) out.push(`│${row.map((c, j) => ` ${(c[i] ?? '').padEnd(widths[j]!)} `).join('│')}│`);
    if (n === 0) out.push(rule('├', '┼', '┤'));
  });
  out.push(rule('└', '┴', '┘'));
  return out;
}

const WIDTH = 88;

export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

const plain = (t: Text | string | undefined) => (typeof t === 'string' ? t : (t?.text ?? ''));
/** mrkdwn as Slack shows it: *bold* and _italic_ without their marks, <url|label> as the label. */
const shown = (t: Text | string | undefined) =>
  plain(t)
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=$|[\s.,;:!?)])/g, '$1$2');

/** Prose past this many paragraphs is cut with "…": a transcript shows the shape, not every word. */
const PARAGRAPHS = 2;
const prose = (t: Text | string | undefined) => {
  const paras = shown(t).split(/\n\n+/);
  return wrap([...paras.slice(0, PARAGRAPHS), ...(paras.length > PARAGRAPHS ? ['…'] : [])].join('\n\n'), WIDTH);
};

function control(e: Element): string {
  if (e.type === 'button') return `[${plain(e.text)}]`;
  if (e.type === 'static_select' || e.type === 'overflow') return `[${plain(e.placeholder) || '⋯'} ▾]`;
  if (e.type === 'feedback_buttons') return `[${plain(e.positive_button?.text)}] [${plain(e.negative_button?.text)}]`;
  return `[${e.type}]`;
}

function block(b: Block): string[] {
  switch (b.type) {
    case 'header':
      return [plain(b.text)];
    case 'section':
      return [...(b.text ? prose(b.text) : []), ...(b.fields ?? []).flatMap((f) => prose(f)), ...(b.accessory ? [control(b.accessory)] : [])];
    case 'context':
    case 'context_actions':
      return [(b.elements ?? []).map((e) => (e.type === 'text' || e.type === 'mrkdwn' || e.type === 'plain_text' ? shown(e.text ?? (e as Text)) : control(e))).join(' ')];
    case 'actions':
      return [(b.elements ?? []).map(control).join(' ')];
    case 'table':
      return table(b.rows ?? []);
    case 'image':
      return [`[picture: ${(b.alt_text ?? '').split('. ')[0]}…]`];
    case 'divider':
      return ['───'];
    default:
      return [`[${b.type}]`];
  }
}

/** The readable lines of one message: its blocks, then its attachments' blocks. */
export function slackMessageText(msg: { text?: unknown; blocks?: unknown; attachments?: unknown }): string[] {
  const blocks = [...((msg.blocks as Block[] | undefined) ?? []), ...((msg.attachments as { blocks?: Block[] }[] | undefined) ?? []).flatMap((a) => a.blocks ?? [])];
  return blocks.length ? blocks.flatMap(block) : prose(String(msg.text ?? ''));
}
