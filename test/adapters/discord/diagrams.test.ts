/**
 * Diagrams on Discord, through the real discord.js client and the fake Discord: the PNG travels as
 * a multipart attachment and the embed shows it by attachment:// URL, with the alt text as the
 * attachment's description. Without a picture the embed carries the ASCII drawing.
 */
import { fileURLToPath } from 'node:url';
// Bolt loaded in the same process, as with `npm start` running both platforms: discord.js file
// uploads must still work (the adapter gives its REST client the global fetch).
import '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagramPng, ManualClock, type Reply, type Requester } from '../../../src/index.ts';
import { renderReply } from '../../../adapters/discord/render/index.ts';
import { pngSize } from '../../helpers/png.ts';
import { startHarness, waitUntil, type Harness } from './harness.ts';
import { APP_ID, CHANNEL_ID, chatMessage, GUILD_ID, slash, str, USER_ID } from './payloads.ts';

const DIAGRAM_PACK = fileURLToPath(new URL('../../fixtures/diagram-pack', import.meta.url));
const ALT = 'A dashed writable layer for one container on top of two read-only image layers.';
const inGuild: Requester = { platform: 'discord', userId: USER_ID, channelId: CHANNEL_ID, workspaceId: GUILD_ID, direct: false, canManageChannel: false };
const clock = new ManualClock('2027-03-01T09:00:00Z');

let h: Harness;
let png: Buffer;
beforeAll(async () => {
  h = await startHarness({ env: { CONTENT_DIR: DIAGRAM_PACK }, app: { clock, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } } });
  const reply = await h.app.tutor.handle({ type: 'text', text: 'writable layer' }, inGuild);
  png = diagramPng(reply.diagram!);
});
afterAll(async () => {
  await h?.close();
});

/** The attachment a body announces and the file part that carries it must agree. */
function expectPicture(body: any, files: { name: string; filename?: string; contentType?: string; data: Buffer }[]) {
  expect(body.embeds[0].image).toEqual({ url: 'attachment://layers.png' });
  // discord.js lists attachments as { id: "0", description, … }; the poster's REST body as { id: 0, filename, description }.
  expect(body.attachments).toEqual([expect.objectContaining({ description: ALT })]);
  expect(String(body.attachments[0].id)).toBe('0');
  expect(files).toHaveLength(1);
  expect(files[0]).toMatchObject({ name: 'files[0]', filename: 'layers.png' });
  expect(files[0]!.data.equals(png)).toBe(true);
  expect(pngSize(files[0]!.data).width).toBeGreaterThanOrEqual(1200);
}

describe('answers with a diagram', () => {
  it('/tutor explain: the interaction response is multipart with the PNG, shown in the embed', async () => {
    const cb = await h.interact(slash('explain', [str('concept', 'writable layer')]));
    expect(String(cb.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.embeds[0].title).toBe('Writable layer');
    expectPicture(cb.body.data, cb.files);
    // The picture replaces the text version: no "Diagram" field.
    expect(cb.body.data.embeds[0].fields ?? []).toEqual([]);
  });

  it('a mention: the reply message carries the PNG too', async () => {
    const before = h.fake.requests.length;
    h.fake.dispatch('MESSAGE_CREATE', chatMessage('<@100000000000000001> what is the container layer?', { mentionsBot: true }));
    const sent = await waitUntil(
      () => h.fake.requests.slice(before).find((r) => r.method === 'POST' && r.path === `/v10/channels/${CHANNEL_ID}/messages`),
      () => 'the reply to the mention',
    );
    expect(sent.status).toBe(200);
    expectPicture(sent.body, sent.files);
    expect(sent.response.attachments).toHaveLength(1);
  });

  it('an answer without a diagram sends no files', async () => {
    const cb = await h.interact(slash('explain', [str('concept', 'bind mount')]));
    expect(cb.files).toEqual([]);
    expect(cb.body.data.attachments).toBeUndefined();
    expect(cb.body.data.embeds[0].image).toBeUndefined();
  });
});

describe('a scheduled quiz that refers to a diagram', () => {
  it('is posted over REST as multipart with the picture; the summary edit removes it', async () => {
    const now = clock.now().getTime();
    await h.app.store.putSchedule({ platform: 'discord', channelId: CHANNEL_ID, label: 'daily 09:00', cron: '0 9 * * *', zone: 'UTC', nextRunAt: now - 1000, updatedBy: USER_ID, updatedAt: now });
    const before = h.fake.requests.length;
    await h.app.scheduler.tick();
    const post = h.fake.requests.slice(before).find((r) => r.method === 'POST' && r.path === `/v10/channels/${CHANNEL_ID}/messages`)!;
    expect(post.body.embeds[0].title).toBe('Daily quiz: Writable layer');
    expectPicture(post.body, post.files);

    clock.set('2027-03-02T09:30:00Z');
    await h.app.scheduler.tick();
    const patch = h.fake.requests.slice(before).find((r) => r.method === 'PATCH' && r.path === `/v10/channels/${CHANNEL_ID}/messages/${post.response.id}`)!;
    expect(patch.body.embeds[0].title).toBe('Quiz closed: Writable layer');
    expect(patch.body.attachments).toEqual([]);
    expect(patch.files).toEqual([]);
  });
});

describe('a deferred answer', () => {
  let slow: Harness;
  beforeAll(async () => {
    // deferAfterMs 0: always the slow path (defer, then edit @original), as under load.
    slow = await startHarness({ env: { CONTENT_DIR: DIAGRAM_PACK }, timing: { deferAfterMs: 0 } });
  });
  afterAll(async () => {
    await slow?.close();
  });

  it('edits the deferred response with the PNG attached', async () => {
    const i = slash('explain', [str('concept', 'writable layer')]);
    expect((await slow.interact(i)).body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await slow.fake.waitFor((r) => r.method === 'PATCH' && r.path === `/v10/webhooks/${APP_ID}/${i.token}/messages/@original`);
    expect(edit.status).toBe(200);
    expectPicture(edit.body, edit.files);
  });
});

describe('without a picture', () => {
  it('the embed shows the ASCII drawing in a field, and the problem is logged', () => {
    const warnings: unknown[] = [];
    const log = { warn: (o: unknown, msg: string) => warnings.push({ ...(o as object), msg }) } as never;
    const reply: Reply = {
      kind: 'answer',
      title: 'Writable layer',
      paragraphs: ['A thin layer.'],
      code: [],
      related: [],
      suggestions: [],
      extra: [],
      audience: 'requester',
      fallback: 'Writable layer',
      diagram: { name: 'gone', alt: ALT, text: '[ writable ]\n[ image    ]', svgPath: '/nonexistent/gone.svg', key: '0'.repeat(32), viewBoxWidth: 640 },
    };
    const msg = renderReply(reply, { log });
    expect(msg.files).toBeUndefined();
    const embed = msg.embeds[0]!.toJSON();
    expect(embed.image).toBeUndefined();
    expect(embed.fields).toEqual([{ name: 'Diagram', value: '```\n[ writable ]\n[ image    ]\n```' }]);
    expect(warnings).toEqual([expect.objectContaining({ diagram: 'gone', msg: 'diagram picture unavailable; sending it as text' })]);
  });
});
