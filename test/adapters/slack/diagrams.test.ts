/**
 * Diagrams on Slack, through real Bolt and the fake Slack: the PNG is uploaded once per workspace
 * with files.uploadV2 (URL, upload, complete), its file id is remembered in the store, and answers
 * show it in an image block with the alt text. A failed upload still answers, with the ASCII drawing.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { diagramPng, ManualClock, SqliteStore } from '../../../src/index.ts';
import { tempDir } from '../../quiz/helpers.ts';
import { pngSize } from '../../helpers/png.ts';
import { TEAM_ID } from './helpers/fake-slack.ts';
import { fixture, startHarness, useHarness, type Harness } from './helpers/harness.ts';

const DIAGRAM_PACK = fileURLToPath(new URL('../../fixtures/diagram-pack', import.meta.url));
const ALT = 'A dashed writable layer for one container on top of two read-only image layers.';

type Block = { type: string; text?: { text: string }; slack_file?: { id: string }; alt_text?: string };
let seq = 0;
function mention(h: Harness, text: string) {
  const env = fixture<{ event: Record<string, unknown>; event_id: string }>('app-mention.json');
  return h.event({ ...env, event_id: `EvDiagram${++seq}`, event: { ...env.event, text: `<@UBOT0001> ${text}` } });
}
const blocksOf = (h: Harness) => h.fake.of('chat.postMessage').at(-1)!.args.blocks as Block[];

describe('uploads once and shows an image block', () => {
  const h = useHarness({ CONTENT_DIR: DIAGRAM_PACK });

  test('first answer uploads the PNG (URL, bytes, complete) and shows it by file id with the alt text', async () => {
    await mention(h, 'what is the writable layer?');
    const [url] = h.fake.of('files.getUploadURLExternal');
    expect(url!.args).toMatchObject({ filename: 'layers.png', alt_text: ALT });
    expect(h.fake.uploads).toHaveLength(1);
    const upload = h.fake.uploads[0]!;
    // The bytes Slack received are the rendered PNG, at 2x (the SVG is 640 wide).
    const reply = await h.app.tutor.handle({ type: 'text', text: 'writable layer' }, { platform: 'slack', userId: 'U1', channelId: 'C1', direct: false, canManageChannel: false });
    expect(upload.data.equals(diagramPng(reply.diagram!))).toBe(true);
    expect(pngSize(upload.data).width).toBeGreaterThanOrEqual(1280);
    expect(Number(url!.args.length)).toBe(upload.data.length);
    const complete = h.fake.of('files.completeUploadExternal');
    expect(complete).toHaveLength(1);
    expect(JSON.parse(String(complete[0]!.args.files))).toEqual([{ id: upload.fileId, title: 'layers' }]);
    // Not shared into any channel: the image block is what shows it.
    expect(complete[0]!.args.channel_id).toBeUndefined();

    const blocks = blocksOf(h);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Writable layer' } });
    // After the summary (the first answer's reading order), before any button.
    const at = blocks.findIndex((b) => b.type === 'image');
    expect(blocks[at]).toEqual({ type: 'image', slack_file: { id: upload.fileId }, alt_text: ALT });
    expect(blocks[at - 1]!.type).toBe('section');
    expect(blocks.slice(at).some((b) => b.type === 'actions')).toBe(true);
    expect(blocks.slice(0, at).some((b) => b.type === 'actions')).toBe(false);
    // With the picture shown, the ASCII drawing is not repeated.
    expect(JSON.stringify(blocks)).not.toContain('image layer 1 (read-only)  ]');
    expect(await h.app.store.getUpload('slack', TEAM_ID, reply.diagram!.key)).toBe(upload.fileId);
  });

  test('later answers in the workspace reuse the file id without uploading again', async () => {
    await mention(h, 'container layer');
    await mention(h, 'explain writable layer');
    expect(h.fake.of('files.getUploadURLExternal')).toEqual([]);
    expect(h.fake.uploads).toEqual([]);
    const images = h.fake.of('chat.postMessage').map((c) => (c.args.blocks as Block[]).find((b) => b.type === 'image'));
    expect(images).toHaveLength(2);
    expect(images.every((b) => b?.slack_file?.id === 'F0TEST0001')).toBe(true);
  });

  test('an answer without a diagram uploads nothing and has no image block', async () => {
    await mention(h, 'bind mount');
    expect(h.fake.of('files.getUploadURLExternal')).toEqual([]);
    expect(blocksOf(h).some((b) => b.type === 'image')).toBe(false);
  });

  test('Slack refusing the image block: the answer is sent again with the ASCII drawing', async () => {
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'invalid_blocks', errors: ['invalid slack file [json-pointer:/blocks/1/slack_file]'] } });
    await mention(h, 'writable layer');
    const posts = h.fake.of('chat.postMessage');
    expect(posts).toHaveLength(2);
    const retry = posts[1]!.args.blocks as Block[];
    expect(retry.some((b) => b.type === 'image')).toBe(false);
    expect(retry.map((b) => b.text?.text ?? '').join('\n')).toContain('```\n[ writable layer (container) ]  lost on docker rm');
  });
});

describe('a failed upload', () => {
  const h = useHarness({ CONTENT_DIR: DIAGRAM_PACK });

  test('still answers, with the alt text and ASCII drawing, and logs why', async () => {
    h.fake.script('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope', needed: 'files:write' } });
    await mention(h, 'what is the writable layer?');
    const blocks = blocksOf(h);
    expect(blocks.some((b) => b.type === 'image')).toBe(false);
    const text = blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(text).toContain(`_${ALT}_\n\`\`\`\n[ writable layer (container) ]  lost on docker rm\n[ image layer 2 (read-only)  ]`);
    const warning = h.logs.find((l) => l.msg === 'could not upload the diagram to Slack; sending it as text');
    expect(warning).toMatchObject({ code: 'missing_scope', diagram: 'layers' });
    expect(String(warning!.hint)).toContain('files:write');
  });

  test('an upload whose bytes are refused is not remembered; the next answer tries again and succeeds', async () => {
    // Once: the Web API client the answers use does not retry by itself.
    h.fake.script('upload', { status: 500, body: 'upstream error' });
    await mention(h, 'writable layer');
    expect(blocksOf(h).some((b) => b.type === 'image')).toBe(false);
    expect(h.fake.of('files.completeUploadExternal')).toEqual([]);
    expect(h.logs.some((l) => l.msg === 'could not upload the diagram to Slack; sending it as text')).toBe(true);

    await mention(h, 'writable layer');
    expect(h.fake.uploads).toHaveLength(1);
    expect(blocksOf(h).find((b) => b.type === 'image')?.slack_file?.id).toBe(h.fake.uploads[0]!.fileId);
  });
});

describe('a scheduled quiz that refers to a diagram', () => {
  const clock = new ManualClock('2027-03-01T09:00:00Z');
  const h = useHarness({ CONTENT_DIR: DIAGRAM_PACK }, { clock, scheduler: { perChannelIntervalMs: 0, retryBaseMs: 1 } });

  test('is posted with the picture', async () => {
    const now = clock.now().getTime();
    await h.app.store.putSchedule({ platform: 'slack', channelId: 'C0QUIZ', label: 'daily 09:00', cron: '0 9 * * *', zone: 'UTC', nextRunAt: now - 1000, updatedBy: 'U0MANAGER', updatedAt: now });
    await h.app.scheduler.tick();
    const post = h.fake.of('chat.postMessage').at(-1)!;
    expect(post.args.channel).toBe('C0QUIZ');
    const blocks = post.args.blocks as Block[];
    expect(blocks[0]!.text!.text).toBe('Daily quiz: Writable layer');
    expect(blocks.find((b) => b.type === 'image')).toEqual({ type: 'image', slack_file: { id: h.fake.uploads[0]!.fileId }, alt_text: ALT });
    expect(JSON.stringify(blocks)).toContain('which layer is lost when the container is removed?');
  });
});

test('after a restart on the same database, the stored file id is used without uploading again', async () => {
  const tmp = tempDir();
  const store = SqliteStore.open(tmp.dir);
  try {
    const first = await startHarness({ CONTENT_DIR: DIAGRAM_PACK }, { store });
    await mention(first, 'writable layer');
    const id = first.fake.uploads[0]!.fileId;
    await first.close();

    const second = await startHarness({ CONTENT_DIR: DIAGRAM_PACK }, { store });
    try {
      await mention(second, 'writable layer');
      expect(second.fake.uploads).toEqual([]);
      expect(second.fake.of('files.getUploadURLExternal')).toEqual([]);
      expect(blocksOf(second).find((b) => b.type === 'image')?.slack_file?.id).toBe(id);
    } finally {
      await second.close();
    }
  } finally {
    store.close();
    tmp.cleanup();
  }
});
