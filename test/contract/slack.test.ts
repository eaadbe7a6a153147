/**
 * Slack contract: every Reply kind, normal and oversized, rendered every way the adapter sends
 * it, stays inside Slack's limits, and nothing is dropped without a "…truncated" marker.
 */
import { describe, expect, test } from 'vitest';
import type { Reply } from '../../src/index.ts';
import type { Block, SlackMessage, TableBlock } from '../../adapters/slack/render/blocks.ts';
import { textSize } from '../../adapters/slack/render/blocks.ts';
import { renderReply, renderTextOnly, renderVariants, type RenderOptions } from '../../adapters/slack/render/index.ts';
import { LIMITS } from '../../adapters/slack/render/limits.ts';
import { markdownToPlain as toPlain } from '../../adapters/shared/markdown.ts';
import { escapeMrkdwn, toMrkdwn } from '../../adapters/slack/render/mrkdwn.ts';
import { normalReplies, oversizedReplies } from './replies.ts';
import { placePing } from '../../adapters/slack/render/ping.ts';
import { section } from '../../adapters/slack/render/blocks.ts';

const WAYS: [string, RenderOptions][] = [
  ['mention / DM', {}],
  ['ephemeral with Share', { share: true }],
  ['shared in channel', { sharedBy: 'U0SHARER' }],
  ['table as monospace', { table: 'text', share: true }],
  ['with an uploaded diagram', { diagramFileId: 'F0TEST0001', share: true }],
];

/** A message's blocks in reading order: its own, or (with a table) those of its one attachment. */
function allBlocks(msg: SlackMessage): (Block | TableBlock)[] {
  return msg.blocks ?? msg.attachments?.[0]?.blocks ?? [];
}
const tableOf = (msg: SlackMessage) => allBlocks(msg).find((b): b is TableBlock => b.type === 'table');
const labelsOf = (msg: SlackMessage) =>
  allBlocks(msg).flatMap((b) => (b.type === 'actions' ? b.elements.flatMap((e) => (e.type === 'button' ? [e.text.text] : e.options.map((o) => o.text.text))) : []));

function checkLimits(msg: SlackMessage, ping?: string): void {
  // Either blocks, or one attachment holding them all (with the table): never both.
  expect(Boolean(msg.blocks && msg.attachments)).toBe(false);
  if (msg.attachments) expect(msg.attachments).toHaveLength(1);
  const blocks = allBlocks(msg).filter((b): b is Block => b.type !== 'table');
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
  expect(msg.text.length).toBeGreaterThan(0);
  expect(msg.text.length).toBeLessThanOrEqual(LIMITS.messageText);
  expect(textSize(blocks)).toBeLessThanOrEqual(LIMITS.blocksText);
  const actionIds = new Set<string>();
  for (const b of blocks as (Block | { type: string })[]) {
    switch (b.type) {
      case 'header': {
        const t = (b as Extract<Block, { type: 'header' }>).text;
        expect(t.type).toBe('plain_text');
        expect(t.text.length).toBeGreaterThan(0);
        expect(t.text.length).toBeLessThanOrEqual(LIMITS.headerText);
        break;
      }
      case 'section': {
        const t = (b as Extract<Block, { type: 'section' }>).text;
        expect(t.text.length).toBeGreaterThan(0);
        expect(t.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
        break;
      }
      case 'context': {
        const els = (b as Extract<Block, { type: 'context' }>).elements;
        expect(els.length).toBeLessThanOrEqual(LIMITS.contextElements);
        for (const e of els) expect(e.text.length).toBeLessThanOrEqual(LIMITS.contextText);
        break;
      }
      case 'actions': {
        const els = (b as Extract<Block, { type: 'actions' }>).elements;
        expect(els.length).toBeGreaterThan(0);
        expect(els.length).toBeLessThanOrEqual(LIMITS.actionsPerBlock);
        for (const e of els) {
          if (e.type === 'static_select') {
            expect(e.options.length).toBeGreaterThan(0);
            expect(e.options.length).toBeLessThanOrEqual(100);
            for (const o of e.options) expect(o.text.text.length).toBeLessThanOrEqual(75);
            for (const o of e.options) expect(o.value.length).toBeLessThanOrEqual(150);
            expect(actionIds.has(e.action_id)).toBe(false);
            actionIds.add(e.action_id);
            continue;
          }
          expect(e.text.text.length).toBeGreaterThan(0);
          expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
          expect(e.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
          expect(e.action_id.length).toBeLessThanOrEqual(LIMITS.actionId);
          expect(actionIds.has(e.action_id)).toBe(false);
          actionIds.add(e.action_id);
        }
        break;
      }
      case 'image': {
        // One picture at most, by Slack file id, with alt text within Slack's 2000 characters.
        const img = b as Extract<Block, { type: 'image' }>;
        expect(img.slack_file.id).toMatch(/^F[A-Z0-9]+$/);
        expect(img.alt_text.trim().length).toBeGreaterThan(0);
        expect(img.alt_text.length).toBeLessThanOrEqual(2000);
        expect(allBlocks(msg).filter((x) => x.type === 'image')).toHaveLength(1);
        break;
      }
      case 'context_actions': {
        const els = (b as Extract<Block, { type: 'context_actions' }>).elements;
        expect(els).toHaveLength(1);
        expect(els[0]!.type).toBe('feedback_buttons');
        break;
      }
      default:
        throw new Error(`unexpected block type ${b.type}`);
    }
  }
  // A table only inside the attachment, at most one.
  expect((msg.blocks ?? []).some((b) => (b as { type: string }).type === 'table')).toBe(false);
  expect(allBlocks(msg).filter((b) => b.type === 'table').length).toBeLessThanOrEqual(1);
  const table = tableOf(msg);
  if (table) {
    expect(table.rows.length).toBeGreaterThan(0);
    expect(table.rows.length).toBeLessThanOrEqual(LIMITS.tableRows);
    expect(table.column_settings.length).toBeLessThanOrEqual(LIMITS.tableCells);
    let size = 0;
    for (const row of table.rows) {
      expect(row.length).toBe(table.rows[0]!.length);
      expect(row.length).toBeLessThanOrEqual(LIMITS.tableCells);
      for (const cell of row) {
        expect(cell.type).toBe('raw_text');
        expect(cell.text.trim().length).toBeGreaterThan(0);
        size += cell.text.length;
      }
    }
    expect(size).toBeLessThanOrEqual(LIMITS.tableText);
  }
  // A schedule's ping leads the notification text and shows once in the blocks, and is the only broadcast.
  const { text, ...rest } = msg;
  const others = JSON.stringify(rest);
  if (ping) {
    expect(text.startsWith(`${ping} `)).toBe(true);
    expect(text.split(ping)).toHaveLength(2);
    expect(others.split(ping)).toHaveLength(2);
  }
  // Nothing a user typed can ping: the only other mention is the adapter's own "Shared by".
  const unping = (s: string) => (ping ? s.replace(ping, '') : s);
  expect(unping(text)).not.toMatch(/<[!@#]/);
  expect(unping(others).replace('<@U0SHARER>', '')).not.toMatch(/<[!@#]/);
}

/** Everything a reader could lose, each with whether it appears in the rendered message. */
function missing(reply: Reply, msg: SlackMessage): string[] {
  const blocks = allBlocks(msg);
  const texts = blocks.flatMap((b) =>
    b.type === 'actions' || b.type === 'table' || b.type === 'context_actions' ? [] : b.type === 'context' ? b.elements.map((e) => e.text) : b.type === 'image' ? [b.alt_text] : [b.text.text],
  );
  const body = [msg.text, ...texts].join('\n');
  const labels = labelsOf(msg);
  const cells = new Set((tableOf(msg)?.rows ?? []).flat().map((c) => c.text));
  const out: string[] = [];
  if (reply.title && !texts.includes(toPlain(reply.title)) && !body.includes(escapeMrkdwn(toPlain(reply.title)))) out.push('title');
  reply.paragraphs.forEach((p, i) => !body.includes(toMrkdwn(p)) && out.push(`paragraph ${i}`));
  reply.code.forEach((c, i) => !body.includes(escapeMrkdwn(c.code)) && out.push(`code ${i}`));
  for (const a of [...reply.related, ...reply.suggestions, ...reply.extra, ...(reply.menu?.options ?? [])]) if (!labels.includes(toPlain(a.label))) out.push(`button ${a.label.slice(0, 20)}`);
  for (const c of reply.quiz?.choices ?? []) if (!labels.includes(toPlain(c.label)) && !body.includes(escapeMrkdwn(toPlain(c.label)))) out.push(`choice ${c.label.slice(0, 20)}`);
  if (reply.diagram) {
    const image = blocks.some((b) => b.type === 'image' && b.slack_file.id && b.alt_text === reply.diagram!.alt);
    if (!image && !body.includes(reply.diagram.text.split('\n')[0]!)) out.push('diagram');
  }
  if (reply.table) {
    for (const cell of [...reply.table.headers, ...reply.table.rows.flat()]) {
      const shown = cell.trim() === '' || cells.has(cell) || body.includes(escapeMrkdwn(cell));
      if (!shown) out.push(`cell ${cell.slice(0, 20)}`);
    }
    if (reply.table.caption && !body.includes(escapeMrkdwn(reply.table.caption))) out.push('caption');
  }
  return out;
}

const marked = (msg: SlackMessage) => JSON.stringify(msg).includes('…truncated');

describe.each(WAYS)('Slack rendering (%s)', (_way, opts) => {
  test.each(normalReplies().map((r) => [r.kind, r] as const))('normal %s: within limits, complete, no truncation note', (_kind, reply) => {
    const msg = renderReply(reply, opts);
    checkLimits(msg);
    expect(missing(reply, msg)).toEqual([]);
    expect(marked(msg)).toBe(false);
  });

  test.each(oversizedReplies().map((r) => [r.kind, r] as const))('oversized %s: within limits, and whatever is missing is marked', (_kind, reply) => {
    const msg = renderReply(reply, opts);
    checkLimits(msg);
    expect(missing(reply, msg).length).toBeGreaterThan(0);
    expect(marked(msg)).toBe(true);
  });
});

describe('the text-only last resort', () => {
  test.each([...normalReplies(), ...oversizedReplies()].map((r, i) => [`${i < normalReplies().length ? 'normal' : 'oversized'} ${r.kind}`, r] as const))('%s', (_name, reply) => {
    const msg = renderTextOnly(reply);
    expect(msg.blocks).toBeUndefined();
    expect(msg.text.length).toBeLessThanOrEqual(LIMITS.messageText);
    expect(msg.text).not.toMatch(/<[!@#]/);
    const lost = reply.paragraphs.some((p) => !msg.text.includes(toMrkdwn(p)));
    if (lost) expect(msg.text).toContain('…truncated');
  });
});

test('the share button appears only when asked for and when the reply can be shared', () => {
  const [answer, , noMatch] = normalReplies();
  const labels = labelsOf;
  expect(labels(renderReply(answer!, { share: true }))).toContain('Share in channel');
  expect(labels(renderReply(answer!, {}))).not.toContain('Share in channel');
  expect(labels(renderReply(noMatch!, { share: true }))).not.toContain('Share in channel');
});

describe('a schedule ping on post (the one mention a message may carry)', () => {
  const PINGS = [
    [{ kind: 'here' as const }, '<!here>'],
    [{ kind: 'role' as const, id: 'S0DEVS' }, '<!subteam^S0DEVS>'],
  ] as const;
  const replies = [...normalReplies(), ...oversizedReplies()];

  test.each(PINGS)('every reply, every variant sent: within limits, %j once in the text and once in the blocks', (ping, mention) => {
    for (const reply of replies) {
      for (const [, opts] of WAYS) {
        for (const msg of renderVariants({ ...reply, ping }, opts)) {
          if (msg.blocks || msg.attachments) checkLimits(msg, mention);
          else {
            expect(msg.text.startsWith(`${mention} `)).toBe(true);
            expect(msg.text.split(mention)).toHaveLength(2);
            expect(msg.text.length).toBeLessThanOrEqual(LIMITS.messageText);
          }
        }
      }
    }
  });

  test('with room, the ping is a section of its own, first; the rest is what it was without the ping', () => {
    const reply = normalReplies()[0]!;
    const plain = renderReply(reply);
    const pinged = renderReply({ ...reply, ping: { kind: 'here' } });
    expect(pinged.blocks![0]).toEqual(section('<!here>'));
    expect(pinged.blocks!.slice(1)).toEqual(plain.blocks);
    expect(pinged.text).toBe(`<!here> ${plain.text}`);
  });

  // The renderer's own text budget keeps today's replies far below 50 blocks (the oversized ones
  // render to about a dozen), so the limit is checked on a message already at it.
  const atLimit = (blocks: Block[]) => {
    const out: Block[] = [];
    while (out.length < LIMITS.blocks) out.push(...blocks.slice(0, LIMITS.blocks - out.length));
    return out;
  };
  const rendered = renderReply(oversizedReplies()[0]!, { table: 'text' }).blocks!;

  test('at 50 blocks the ping joins the first section with room instead of adding a 51st, and nothing is dropped', () => {
    const full = atLimit(rendered);
    const placed = placePing(full, '<!subteam^S0DEVS>')!;
    expect(placed).toHaveLength(LIMITS.blocks);
    // The first section with room for it (the oversized reply's first ones are full).
    const first = full.findIndex((b) => b.type === 'section' && b.text.text.length + '<!subteam^S0DEVS> '.length <= LIMITS.sectionText);
    expect(first).toBeGreaterThan(0);
    expect(placed[first]).toEqual(section(`<!subteam^S0DEVS> ${(full[first] as { text: { text: string } }).text.text}`));
    expect(placed.filter((_, i) => i !== first)).toEqual(full.filter((_, i) => i !== first));
    expect(JSON.stringify(placed).split('<!subteam^S0DEVS>')).toHaveLength(2);
    // One block short of the limit, it still gets its own section.
    expect(placePing(full.slice(1), '<!here>')).toHaveLength(LIMITS.blocks);
  });

  test('at 50 blocks with no section that has room, a context takes it; with neither, the caller re-renders', () => {
    const full = atLimit(rendered.map((b) => (b.type === 'section' ? section('x'.repeat(LIMITS.sectionText)) : b)));
    const placed = placePing(full, '<!here>')!;
    expect(placed).toHaveLength(LIMITS.blocks);
    const ctx = placed.find((b) => b.type === 'context')!;
    expect((ctx as { elements: { text: string }[] }).elements[0]!.text.startsWith('<!here> ')).toBe(true);
    const noRoom = atLimit(rendered.filter((b) => b.type === 'actions'));
    expect(placePing(noRoom, '<!here>')).toBeUndefined();
  });
});
