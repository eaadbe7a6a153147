import type { Reply, ReplyAction, ReplyTable } from '../../src/index.ts';

export interface ConsoleStyle {
  color: boolean;
  width: number;
}

const plain: ConsoleStyle = { color: false, width: 100 };

/** Buttons become numbered choices; the chat loop maps a typed number back to the action. */
export interface RenderedConsole {
  text: string;
  buttons: ReplyAction[];
}

export function renderConsole(reply: Reply, style: ConsoleStyle = plain): RenderedConsole {
  const out: string[] = [];
  const b = (s: string) => (style.color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (style.color ? `\x1b[2m${s}\x1b[22m` : s);
  if (reply.title) out.push(b(reply.title), '');
  for (const p of reply.paragraphs) out.push(inline(p, style), '');
  if (reply.table) out.push(renderTable(reply.table, style.width), '');
  for (const c of reply.code) {
    if (c.caption) out.push(dim(`# ${c.caption}`));
    out.push(...c.code.split('\n').map((l) => `    ${l}`), '');
  }
  const buttons: ReplyAction[] = [];
  const list = (heading: string, actions: ReplyAction[]) => {
    if (!actions.length) return;
    out.push(heading);
    for (const a of actions) {
      buttons.push(a);
      out.push(`  [${buttons.length}] ${a.label}`);
    }
    out.push('');
  };
  if (reply.quiz) {
    out.push('Answer by typing the letter or number:');
    for (const a of reply.quiz.choices) {
      buttons.push(a);
      out.push(`  ${a.label}`);
    }
    out.push('');
  }
  list('Did you mean:', reply.suggestions);
  list('Related:', reply.related);
  list('More:', reply.extra);
  return { text: out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd(), buttons };
}

/** Terminal text: bold markers become ANSI bold (or vanish), code ticks stay readable. */
function inline(s: string, style: ConsoleStyle): string {
  return s.replace(/\*\*([^*]+)\*\*/g, (_, t: string) => (style.color ? `\x1b[1m${t}\x1b[22m` : t)).replace(/(^|\s)_([^_]+)_(?=\s|$|[.,!?])/g, '$1$2');
}

/** Column-aligned table; long cells wrap inside their column so the table fits `width`. */
export function renderTable(t: ReplyTable, width = 100): string {
  const cols = t.headers.length;
  const natural = t.headers.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  const budget = Math.max(cols * 8, width - (cols - 1) * 3);
  const widths = fitWidths(natural, budget);
  const line = (cells: string[]) => {
    const wrapped = cells.map((c, i) => wrap(c, widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) lines.push(wrapped.map((w, i) => (w[k] ?? '').padEnd(widths[i]!)).join(' | ').trimEnd());
    return lines.join('\n');
  };
  const sep = widths.map((w) => '-'.repeat(w)).join('-+-');
  const rows = [line(t.headers), sep, ...t.rows.map((r) => line(Array.from({ length: cols }, (_, i) => r[i] ?? '')))];
  return (t.caption ? `${t.caption}\n` : '') + rows.join('\n');
}

function fitWidths(natural: number[], budget: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= budget) return natural;
  // Shrink the widest columns first; the first column (row labels) keeps its width when it can.
  const widths = [...natural];
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    let widest = 0;
    widths.forEach((w, i) => {
      if (w > widths[widest]!) widest = i;
    });
    if (widths[widest]! <= 8) break;
    widths[widest]!--;
  }
  return widths;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/)) {
    let w = word;
    while (w.length > width) {
      if (cur) {
        out.push(cur);
        cur = '';
      }
      out.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!cur) cur = w;
    else if (cur.length + 1 + w.length <= width) cur += ` ${w}`;
    else {
      out.push(cur);
      cur = w;
    }
  }
  if (cur) out.push(cur);
  return out.length ? out : [''];
}
