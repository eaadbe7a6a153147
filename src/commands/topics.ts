import { encodeAction } from '../reply/actions.ts';
import { emptyReply, explainAction } from '../reply/build.ts';
import { commandText } from '../reply/syntax.ts';
import { optionText, type Command } from './types.ts';

const TOPICS_PAGE_SIZE = 10;

export const topics: Command = {
  name: 'topics',
  aliases: ['browse'],
  accepts: (args) => /^\d{0,4}$/.test(args.trim()),
  usage: 'topics [page]',
  description: 'Browse every concept, a page at a time.',
  summary: 'Browse every concept I teach',
  options: [{ name: 'page', type: 'integer', description: 'Page number', min: 1, max: 999 }],
  private: true,
  run(input, { tutor, who }) {
    const args = optionText(input, 'page');
    const all = [...tutor.pack.concepts].sort((a, b) => a.title.localeCompare(b.title));
    const pages = Math.max(1, Math.ceil(all.length / TOPICS_PAGE_SIZE));
    const requested = Number.parseInt(args.trim() || '1', 10);
    const page = Number.isFinite(requested) ? Math.min(Math.max(1, requested), pages) : 1;
    const slice = all.slice((page - 1) * TOPICS_PAGE_SIZE, page * TOPICS_PAGE_SIZE);
    const r = emptyReply('topics', `Topics, page ${page} of ${pages}: ${slice.map((c) => c.title).join(', ')}`);
    r.title = `Topics (page ${page} of ${pages})`;
    r.paragraphs = [
      slice.map((c) => `**${c.title}**: ${c.summary}`).join('\n'),
      `${all.length} topics in all. Pick one below${pages > 1 ? `, or ask for \`${commandText(who.platform, 'topics', String(page < pages ? page + 1 : 1))}\`` : ''}.`,
    ];
    r.related = slice.map(explainAction);
    if (pages > 1) {
      if (page > 1) r.extra.push({ label: '◀ Previous', action: encodeAction({ type: 'topics', page: page - 1 }) });
      if (page < pages) r.extra.push({ label: 'Next ▶', action: encodeAction({ type: 'topics', page: page + 1 }) });
    }
    return r;
  },
};
