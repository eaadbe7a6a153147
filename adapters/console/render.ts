import { columnWidths, monospaceRow, monospaceRule, type Reply, type ReplyAction, type ReplyTable } from '../../src/index.ts';

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
  if (reply.quiz && reply.quiz.answered !== undefined) {
    // Answered: the choices are shown for reference and cannot be pressed again.
    out.push(...reply.quiz.choices.map((a, i) => `  ${i === reply.quiz!.answered ? '>' : ' '} ${a.label}`), '');
  } else if (reply.quiz) {
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
  if (reply.menu) list(`${reply.menu.placeholder}:`, reply.menu.options);
  if (reply.feedback) list('Was this helpful?', [{ label: '👍 yes', action: reply.feedback.up }, { label: '👎 no', action: reply.feedback.down }]);
  return { text: out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd(), buttons };
}

/** Terminal text: bold markers become ANSI bold (or vanish), code ticks stay readable. */
function inline(s: string, style: ConsoleStyle): string {
  return s.replace(/\*\*([^*]+)\*\*/g, (_, t: string) => (style.color ? `\x1b[1m${t}\x1b[22m` : t)).replace(/(^|\s)_([^_]+)_(?=\s|$|[.,!?])/g, '$1$2');
}

/** Column-aligned table; long cells wrap inside their column so the table fits `width`. */
export function renderTable(t: ReplyTable, width = 100): string {
  const cols = t.headers.length;
  const rows = t.rows.map((r) => Array.from({ length: cols }, (_, i) => r[i] ?? ''));
  const widths = columnWidths(t.headers, rows, width);
  const lines = [monospaceRow(t.headers, widths), monospaceRule(widths), ...rows.map((r) => monospaceRow(r, widths))];
  return (t.caption ? `${t.caption}\n` : '') + lines.join('\n');
}
