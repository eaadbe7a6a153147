/**
 * Discord contract: every Reply kind, normal and oversized, rendered every way the adapter sends it,
 * goes through the real discord.js builders (whose validators throw on a violation), stays inside
 * Discord's limits, and nothing is cut without a visible marker.
 */
import { ActionRowBuilder, EmbedBuilder, type APIEmbed, type MessageActionRowComponentBuilder } from 'discord.js';
import { describe, expect, test } from 'vitest';
import type { Reply } from '../../src/index.ts';
import { CONTINUED_NOTE, LIMITS, renderParts, renderReply, SHORTENED_NOTE, toMessageBody, type RenderOptions } from '../../adapters/discord/render/index.ts';
import { validateMessageBody } from '../adapters/discord/fake-discord.ts';
import { normalReplies, oversizedReplies } from './replies.ts';

const WAYS: [string, RenderOptions][] = [
  ['private, with Share in channel', { share: true }],
  ['public (mention, DM, shared, scheduled post)', { share: false }],
];

const embedChars = (e: APIEmbed) =>
  (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

type Body = ReturnType<typeof toMessageBody> & { content?: string };
const buttonsOf = (body: Body) => body.components.flatMap((r) => (r.components as { type: number; custom_id: string; label: string }[]).filter((c) => c.type === 2));
/** Options of the related-topics select menu: their values are actions too. */
const menuOf = (body: Body) =>
  body.components.flatMap((r) => (r.components as { type: number; options?: { value: string; label: string }[] }[]).flatMap((c) => (c.type === 3 ? (c.options ?? []) : [])));

function render(reply: Reply, opts: RenderOptions): Body {
  return renderAll(reply, opts)[0]!;
}

/** Every message of a reply (a long body goes on in continuation messages), each checked through the builders. */
function renderAll(reply: Reply, opts: RenderOptions): Body[] {
  return renderParts(reply, opts).map(checked);
}

function checked(msg: ReturnType<typeof renderReply>): Body {
  const body: Body = toMessageBody(msg);
  // Rebuild from the JSON through the builders' validating setters and toJSON.
  for (const e of body.embeds) {
    const b = new EmbedBuilder();
    if (e.title) b.setTitle(e.title);
    if (e.description) b.setDescription(e.description);
    if (e.fields?.length) b.addFields(e.fields);
    if (e.footer) b.setFooter({ text: e.footer.text });
    if (e.color !== undefined) b.setColor(e.color);
    if (e.image) b.setImage(e.image.url);
    expect(b.toJSON()).toEqual(e);
  }
  for (const row of body.components) expect(ActionRowBuilder.from<MessageActionRowComponentBuilder>(row).toJSON()).toEqual(row);
  return body;
}

function checkLimits(body: Body): void {
  expect(body.allowed_mentions).toEqual({ parse: [] });
  if (body.content !== undefined) expect(body.content.length).toBeLessThanOrEqual(LIMITS.content);
  expect(body.embeds.length).toBeGreaterThanOrEqual(1);
  let total = 0;
  for (const e of body.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
    total += embedChars(e);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  expect(body.components.length).toBeLessThanOrEqual(LIMITS.rows);
  const ids = new Set<string>();
  for (const row of body.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
  }
  for (const b of buttonsOf(body)) {
    expect(b.label.length).toBeGreaterThan(0);
    expect(b.label.length).toBeLessThanOrEqual(LIMITS.label);
    expect(b.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(ids.has(b.custom_id)).toBe(false);
    ids.add(b.custom_id);
  }
  // The same checks the fake Discord API applies before accepting a message.
  expect(validateMessageBody(body)).toBeNull();
}

/** Every action of the reply is a button or named in the footer's "More:" list (or that list is marked as cut). */
function checkActionsAccountedFor(reply: Reply, body: Body, opts: RenderOptions): void {
  const shown = new Set(buttonsOf(body).map((b) => b.custom_id));
  const footer = body.embeds[0]!.footer?.text ?? '';
  const all = [...(reply.quiz?.choices ?? []), ...reply.suggestions, ...reply.related, ...reply.extra];
  const missing = all.filter((a) => !shown.has(a.action));
  if (missing.length) expect(footer).toMatch(/^More: /);
  for (const a of missing) {
    const label = a.label.replace(/\s+/g, ' ').trim();
    if (!footer.includes(label)) expect(footer).toContain('…');
  }
  if (opts.share && reply.share) expect(shown.has(reply.share)).toBe(true);
  if (!opts.share && reply.share) expect(shown.has(reply.share)).toBe(false);
}

describe.each(WAYS)('Discord contract: %s', (_way, opts) => {
  test.each(normalReplies().map((r) => [r.kind, r] as const))('normal %s: within limits, nothing cut', (_kind, reply) => {
    const body = render(reply, opts);
    checkLimits(body);
    const e = body.embeds[0]!;
    expect(e.title).toBe(reply.title);
    for (const p of reply.paragraphs) expect(e.description).toContain(p);
    for (const c of reply.code) expect(JSON.stringify(e.fields)).toContain(JSON.stringify(c.code).slice(1, -1));
    for (const row of reply.table?.rows ?? []) expect(JSON.stringify(e)).toContain(row[0]!);
    expect(JSON.stringify(body)).not.toContain(SHORTENED_NOTE);
    expect(JSON.stringify(body)).not.toContain('…');
    const all = [...(reply.quiz?.choices ?? []), ...reply.suggestions, ...reply.related, ...reply.extra];
    const feedback = reply.feedback ? [reply.feedback.up, reply.feedback.down] : [];
    expect(
      buttonsOf(body)
        .filter((b) => b.custom_id !== reply.share && !feedback.includes(b.custom_id))
        .map((b) => b.custom_id)
        .sort(),
    ).toEqual(all.map((a) => a.action).sort());
    expect(menuOf(body).map((o) => o.value)).toEqual((reply.menu?.options ?? []).map((o) => o.action));
    checkActionsAccountedFor(reply, body, opts);
    // A diagram is one attached PNG shown as the embed's image, its alt text as the description.
    const files = renderReply(reply, opts).files ?? [];
    if (reply.diagram) {
      expect(files.map((f) => [f.name, f.description])).toEqual([[`${reply.diagram.name}.png`, reply.diagram.alt]]);
      expect(e.image).toEqual({ url: `attachment://${reply.diagram.name}.png` });
      expect(body.attachments).toEqual([{ id: 0, filename: `${reply.diagram.name}.png`, description: reply.diagram.alt }]);
    } else expect(files).toEqual([]);
  });

  test.each(oversizedReplies().map((r) => [r.kind, r] as const))('oversized %s: within limits, every cut marked', (_kind, reply) => {
    const all = renderAll(reply, opts);
    for (const b of all) checkLimits(b);
    const body = all[0]!;
    const e = body.embeds[0]!;
    expect(e.title!.endsWith('…')).toBe(true);
    expect(e.footer!.text.endsWith(SHORTENED_NOTE)).toBe(true);
    // The 400,000-character body goes on in at most 10 messages; where it stops, it says so.
    expect(e.footer!.text).toContain(CONTINUED_NOTE);
    expect(all.length).toBe(10);
    const last = all.at(-1)!.embeds.at(-1)!;
    expect(last.description!.endsWith('…')).toBe(true);
    expect(last.footer!.text).toBe(SHORTENED_NOTE);
    for (const b of all.slice(1)) expect(b.components).toEqual([]);
    // The budget is used, not thrown away: the embed is close to Discord's 6000-character cap.
    expect(embedChars(e)).toBeGreaterThan(LIMITS.embedTotal * 0.9);
    // The answer's own text comes first: the description starts where the reply starts.
    expect(e.description!.startsWith(reply.paragraphs[0]!.slice(0, 50))).toBe(true);
    checkActionsAccountedFor(reply, body, opts);
    if (reply.quiz) {
      // Quiz choices are never the buttons that get dropped.
      const ids = new Set(buttonsOf(body).map((b) => b.custom_id));
      for (const c of reply.quiz.choices) expect(ids.has(c.action)).toBe(true);
    }
  });
});

describe('Discord contract: a long body is split, nothing lost', () => {
  // 14 paragraphs of about 1,400 characters and one of 9,000 (longer than an embed's description).
  const sentence = (i: number, j: number) => `Sentence ${j} of paragraph ${i} says something about containers and their volumes.`;
  const paragraphs = Array.from({ length: 15 }, (_, i) => Array.from({ length: i === 7 ? 110 : 17 }, (_, j) => sentence(i, j)).join(' '));
  const base = normalReplies().find((r) => r.kind === 'answer')!;
  const reply: Reply = { ...base, table: undefined, paragraphs };

  test.each(WAYS)('%s: every message within limits, the whole body in order, nothing marked as cut', (_way, opts) => {
    const all = renderAll(reply, opts);
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const b of all) checkLimits(b);
    expect(all[0]!.embeds[0]!.footer!.text).toContain(CONTINUED_NOTE);
    const text = all.flatMap((b) => b.embeds.map((e) => e.description ?? '')).join(' ');
    const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
    expect(norm(text)).toBe(norm(paragraphs.join(' ')));
    expect(JSON.stringify(all)).not.toContain(SHORTENED_NOTE);
    expect(JSON.stringify(all)).not.toContain('…');
    // Buttons stay on the first message, where the answer starts.
    expect(buttonsOf(all[0]!).length).toBeGreaterThan(0);
    for (const b of all.slice(1)) expect(b.components).toEqual([]);
  });
});
