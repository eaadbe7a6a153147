import {
  columnWidths,
  displayWidth,
  monospaceRow,
  monospaceRule,
  renderMentions,
  renderPingMentions,
  renderTimes,
  utcInstant,
  wrapWords,
  type Reply,
  type ReplyAction,
  type ReplyTable,
} from '../../src/index.ts';
import { plainLine } from '../shared/markdown.ts';
import { consoleDiagram } from './diagram.ts';

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

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const DIM = ['\x1b[2m', '\x1b[22m'] as const;
const CODE = ['\x1b[36m', '\x1b[39m'] as const;

export function renderConsole(reply: Reply, style: ConsoleStyle = plain): RenderedConsole {
  const width = Math.max(20, style.width);
  const out: string[] = [];
  const paint = (codes: readonly [string, string], s: string) => (style.color ? `${codes[0]}${s}${codes[1]}` : s);
  if (reply.title) out.push(paint(BOLD, reply.title), '');
  // A terminal has no mentions: a person is their id.
  for (const p of reply.paragraphs)
    out.push(
      paragraph(
        renderTimes(
          renderPingMentions(
            renderMentions(p, (id) => id),
            (ping) => (ping.kind === 'here' ? '@here' : `@${ping.id}`),
          ),
          utcInstant,
        ),
        width,
        style,
      ),
      '',
    );
  if (reply.diagram) out.push(...consoleDiagram(reply.diagram), '');
  if (reply.table) out.push(renderTable(reply.table, width), '');
  for (const c of reply.code) {
    if (c.caption) out.push(paint(DIM, `# ${c.caption}`));
    out.push(...c.code.split('\n').map((l) => paint(CODE, `    ${l}`)), '');
  }
  const buttons: ReplyAction[] = [];
  const list = (heading: string, actions: ReplyAction[]) => {
    if (!actions.length) return;
    out.push(heading);
    for (const a of actions) {
      buttons.push(a);
      out.push(`  [${buttons.length}] ${plainLine(a.label, { strayBacktick: '' })}`);
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
  // Help's suggestions are places to start, not guesses at a question (as on Slack).
  list(reply.kind === 'help' ? 'Start with:' : 'Did you mean:', reply.suggestions);
  list('Related:', reply.related);
  list('More:', reply.extra);
  if (reply.menu) list(`${reply.menu.placeholder}:`, reply.menu.options);
  if (reply.feedback)
    list('Was this helpful?', [
      { label: '👍 yes', action: reply.feedback.up },
      { label: '👎 no', action: reply.feedback.down },
    ]);
  if (reply.form) out.push(`${reply.form.label.replace(/\s*\(answer:.*\)$/, '')} Type it below (or press Enter to skip):`);
  return {
    text: out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd(),
    buttons,
  };
}

/**
 * A paragraph wrapped to the terminal width (its own line breaks kept), with the markdown subset
 * as terminal styles: **bold** bold, `code` in colour (or left in backticks without colour),
 * _italic_ markers dropped.
 */
function paragraph(s: string, width: number, style: ConsoleStyle): string {
  return s
    .split('\n')
    .map((line) => {
      const indent = /^(\s*(?:[-*•]|\d+[.)])\s+)/.exec(line)?.[1] ?? '';
      const text = line.slice(indent.length).replace(/(^|\s)_([^_]+)_(?=\s|$|[.,!?])/g, '$1$2');
      // Wrap the visible text, then style: escape codes must not count toward the width.
      const visible = text.replace(/\*\*([^*]+)\*\*/g, '\u0001$1\u0002').replace(/`([^`\n]+)`/g, (_, c: string) => `\u0003${style.color ? c : `\`${c}\``}\u0004`);
      const lines = wrapWords(visible, Math.max(10, width - displayWidth(indent)), (w) => displayWidth(w.replace(/[\u0001-\u0004]/g, '')));
      return restyle(lines.map((l, i) => (i === 0 ? indent : ' '.repeat(displayWidth(indent))) + l).join('\n'), style);
    })
    .join('\n');
}

/** Turn the wrap-safe markers into ANSI styles (re-opened on every line so a wrapped span keeps its style). */
function restyle(text: string, style: ConsoleStyle): string {
  let bold = false;
  let code = false;
  return text
    .split('\n')
    .map((line) => {
      let out = (bold && style.color ? BOLD[0] : '') + (code && style.color ? CODE[0] : '');
      for (const ch of line) {
        if (ch === '\u0001') {
          bold = true;
          out += style.color ? BOLD[0] : '';
        } else if (ch === '\u0002') {
          bold = false;
          out += style.color ? BOLD[1] : '';
        } else if (ch === '\u0003') {
          code = true;
          out += style.color ? CODE[0] : '';
        } else if (ch === '\u0004') {
          code = false;
          out += style.color ? CODE[1] : '';
        } else out += ch;
      }
      return out + (bold && style.color ? BOLD[1] : '') + (code && style.color ? CODE[1] : '');
    })
    .join('\n');
}

/** Column-aligned table; long cells wrap inside their column so the table fits `width`. Emoji and CJK count as two columns. */
export function renderTable(t: ReplyTable, width = 100): string {
  const cols = t.headers.length;
  const rows = t.rows.map((r) => Array.from({ length: cols }, (_, i) => r[i] ?? ''));
  const widths = columnWidths(t.headers, rows, width);
  const lines = [monospaceRow(t.headers, widths), monospaceRule(widths), ...rows.map((r) => monospaceRow(r, widths))];
  return (t.caption ? `${t.caption}\n` : '') + lines.join('\n');
}
