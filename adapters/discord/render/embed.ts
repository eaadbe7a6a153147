import { choicesNeedList } from '../../shared/choices.ts';
import { escapeFences } from '../../shared/text.ts';
import { EmbedBuilder } from 'discord.js';
import { renderPingMentions, type Reply, type ReplyAction, type ReplyCode } from '../../../src/index.ts';
import { LIMITS, SHORTENED_NOTE, clip, truncate } from './limits.ts';
import { renderTable } from './table.ts';
import { CONTINUED_NOTE, takeHead } from './split.ts';

const COLORS: Record<Reply['kind'], number> = {
  answer: 0x2b7bb9,
  comparison: 0x2b7bb9,
  'no-match': 0xf0b232,
  help: 0x5865f2,
  topics: 0x5865f2,
  'quiz-question': 0x9b59b6,
  'quiz-feedback': 0x9b59b6,
  'quiz-summary': 0x9b59b6,
  leaderboard: 0xf1c40f,
  stats: 0x1abc9c,
  notice: 0x95a5a6,
  error: 0xe74c3c,
};

const DEFAULT_TITLES: Record<Reply['kind'], string> = {
  answer: 'Answer',
  comparison: 'Comparison',
  'no-match': 'No match',
  help: 'Help',
  topics: 'Topics',
  'quiz-question': 'Quiz',
  'quiz-feedback': 'Quiz',
  'quiz-summary': 'Quiz results',
  leaderboard: 'Leaderboard',
  stats: 'Your stats',
  notice: 'Notice',
  error: 'Error',
};

/** Room kept for the footer when sharing out the 6000-character embed budget. */
const OVERFLOW_FOOTER_MAX = 500;
/** How much of the budget the description leaves for fields (table rows, examples) when it is long. */
const FIELD_SHARE = 2000;
/** A field is shortened to fit rather than dropped when at least this much of its value still fits. */
const MIN_SHRUNK_VALUE = 120;

interface FieldCandidate {
  name: string;
  /** The value at most `max` characters long, cut with a visible marker. */
  value(max: number): { text: string; cut: boolean };
}

/**
 * One embed: title, paragraphs as the description, the table and code examples as fields, and a
 * footer naming buttons that did not fit plus a note whenever anything was shortened. `rest` is the
 * body that did not fit, for continuation messages (see split.ts).
 */
export function buildEmbed(reply: Reply, overflow: readonly ReplyAction[], labelsCut: boolean): { embed: EmbedBuilder; rest: string } {
  let cut = labelsCut;
  // An empty title (a one-line small-talk answer) means none; a missing one gets the kind's name.
  const title = truncate(reply.title === '' ? '' : reply.title?.trim() || DEFAULT_TITLES[reply.kind], LIMITS.title);
  cut ||= title.cut;

  const moreText = overflow.length ? truncate(`More: ${overflow.map((a) => a.label.replace(/\s+/g, ' ').trim()).join(', ')}`, OVERFLOW_FOOTER_MAX) : undefined;
  const footerReserve = (moreText?.text.length ?? 0) + SHORTENED_NOTE.length + CONTINUED_NOTE.length + 2;
  let budget = LIMITS.embedTotal - title.text.length - footerReserve;

  const fields: FieldCandidate[] = reply.code.map(codeField);
  const wanted = fields.reduce((n, f) => n + f.name.length + Math.min(LIMITS.fieldValue, f.value(LIMITS.fieldValue).text.length), 0);
  const room = Math.min(LIMITS.description, budget - Math.min(wanted, FIELD_SHARE));
  const text = [...reply.paragraphs.map(discordPingMentions), ...quizChoiceLines(reply)].join('\n\n').trim();
  // A body longer than the room goes on in continuation messages, split at paragraphs; the table
  // then keeps up to half the room, right after the first part.
  const long = text.length > room;
  // The table follows the summary, as one aligned block; it gets what room the prose leaves.
  const table = reply.table ? renderTable(reply.table, long ? Math.floor(room / 2) : Math.max(0, room - text.length - 2)) : undefined;
  cut ||= table?.cut ?? false;
  const { head, rest } = long ? takeHead(text, room - (table ? table.text.length + 2 : 0)) : { head: text, rest: '' };
  const tableFits = table && table.text.length <= room - head.length - 2;
  const description = { text: [head, tableFits ? table.text : ''].filter(Boolean).join('\n\n'), cut: false };
  if (table && !tableFits) cut = true;
  budget -= description.text.length;

  const embed = new EmbedBuilder().setColor(COLORS[reply.kind]);
  if (title.text) embed.setTitle(title.text);
  if (description.text) embed.setDescription(description.text);

  let placed = 0;
  for (const f of fields) {
    if (placed >= LIMITS.fields) break;
    const room = Math.min(LIMITS.fieldValue, budget - f.name.length);
    const full = f.value(LIMITS.fieldValue);
    const value = full.text.length <= room ? full : room >= MIN_SHRUNK_VALUE ? f.value(room) : undefined;
    if (!value) break;
    embed.addFields({ name: f.name, value: value.text });
    cut ||= value.cut;
    budget -= f.name.length + value.text.length;
    placed++;
  }

  if (placed < fields.length || moreText?.cut) cut = true;
  const footer = [moreText?.text, rest ? CONTINUED_NOTE : undefined, cut ? SHORTENED_NOTE : undefined].filter(Boolean).join('\n');
  if (footer) embed.setFooter({ text: footer });
  return { embed, rest };
}

/** A code example as a field: the caption as its name, the code fenced (and cut on a line boundary). */
function codeField(c: ReplyCode): FieldCandidate {
  const lang = (c.language ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9+#-]/g, '')
    .slice(0, 20);
  const code = escapeFences(c.code).replace(/\s+$/, '');
  const open = `\`\`\`${lang}\n`;
  const close = '\n```';
  return {
    // `||` after clip: a whitespace-only caption clips to '', and Discord rejects an empty field name.
    name: clip(c.caption ?? '', LIMITS.fieldName) || 'Example',
    value(max) {
      const room = max - open.length - close.length;
      if (code.length <= room) return { text: `${open}${code}${close}`, cut: false };
      const marker = '\n…';
      let body = code.slice(0, Math.max(0, room - marker.length));
      const nl = body.lastIndexOf('\n');
      if (nl > body.length * 0.5) body = body.slice(0, nl);
      return { text: `${open}${body}${marker}${close}`, cut: true };
    },
  };
}

/** Buttons hold at most 80 characters; when a choice is longer, the full choices go in the text (the shared long-choice rule). */
function quizChoiceLines(reply: Reply): string[] {
  const choices = reply.quiz?.choices ?? [];
  if (!choicesNeedList(choices, LIMITS.label)) return [];
  return [choices.map((c) => c.label).join('\n')];
}

/** The core's ping tokens as Discord writes them (an embed's text never pings). */
function discordPingMentions(p: string): string {
  return renderPingMentions(p, (ping) => (ping.kind === 'here' ? '@here' : `<@&${ping.id}>`));
}
