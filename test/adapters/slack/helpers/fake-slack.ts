/**
 * A small fake of Slack's Web API and of response_url endpoints, on 127.0.0.1. It records every
 * call and answers like Slack does; tests can script the next answers of a method (errors, 429s)
 * or hold them back until released.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMultipart, parseMultipart } from '../../../helpers/multipart.ts';

export interface ApiCall {
  method: string;
  /** Form fields with JSON-valued ones (blocks, attachments) parsed. */
  args: Record<string, unknown>;
  token: string | undefined;
  /** What the fake answered (default answers only). */
  result?: Record<string, unknown>;
}

export interface ResponseUrlCall {
  id: string;
  body: Record<string, unknown>;
}

/** Bytes sent to an upload_url handed out by files.getUploadURLExternal. */
export interface FileUpload {
  fileId: string;
  /** The file's bytes (the file part of a multipart body, or the raw body). */
  data: Buffer;
  filename?: string;
  contentType?: string;
}

export interface Scripted {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Hold the answer until this promise settles. */
  hold?: Promise<unknown>;
  /** Do what the method does (post the message) first, then answer as scripted: "maybe sent". */
  commit?: boolean;
}

/** The signing secret the tests' Slack app uses (requests to the bot are signed with it). */
export const SIGNING_SECRET = 'TestSigningSecret0123456789abcd';
export const BOT_USER_ID = 'UBOT0001';
const BOT_ID = 'BBOT0001';
export const TEAM_ID = 'T0001TEST';

/** A workspace the fake knows, and the bot token it answers for. */
export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  /** Set for an org-wide install: the token is the enterprise's, for all its workspaces. */
  enterpriseId?: string;
}

/** The app's OAuth credentials the fake accepts at oauth.v2.access. */
export const CLIENT_ID = '1111.2222';
export const CLIENT_SECRET = 'TestClientSecret0123456789abcd';

export class FakeSlack {
  readonly calls: ApiCall[] = [];
  /** Bot tokens the fake accepts, each for its workspace (the single-workspace tests' token first). */
  readonly workspaces = new Map<string, FakeWorkspace>([['xoxb-test-token', { teamId: TEAM_ID, teamName: 'Example', botToken: 'xoxb-test-token', botUserId: BOT_USER_ID }]]);
  /** OAuth codes handed out by the authorize page: code -> the workspace installing. */
  readonly codes = new Map<string, FakeWorkspace>();
  readonly responses: ResponseUrlCall[] = [];
  /** Every upload POSTed to an upload_url, in order. */
  readonly uploads: FileUpload[] = [];
  /** Files announced by files.getUploadURLExternal, by id: what completeUploadExternal may complete. */
  private readonly announced = new Map<string, { filename: string; length: number; altText?: string }>();
  private fileSeq = 0;
  /** users.info answers, by user id. */
  readonly users = new Map<string, { is_admin?: boolean; is_owner?: boolean; tz?: string }>();
  /** users.conversations answers: the channel ids each user is a member of. */
  readonly memberships = new Map<string, string[]>();
  /** Messages posted per channel (chat.postMessage), oldest first: what conversations.history reads. */
  readonly history = new Map<string, { ts: string; text: unknown; metadata?: unknown; bot_id: string }[]>();
  /** chat.postMessage and conversations.history for these channels never answer (and post nothing). */
  readonly hanging = new Set<string>();
  /** chat.postMessage answers after a random delay up to this many ms (the message is posted after it). */
  latencyMs = 0;
  private readonly scripts = new Map<string, Scripted[]>();
  private server?: Server;
  private base = '';
  private ts = 0;

  async start(): Promise<void> {
    // A client killed mid-request leaves a half-read body: that request simply never happened.
    this.server = createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The SLACK_API_URL to configure. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A response_url that records what is posted to it under `id`. */
  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  /** The next calls of `method` (or of the response_url `respond:<id>`) get these answers, in order. */
  script(method: string, ...answers: Scripted[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...answers]);
  }

  /** Calls of one method, in order. Optionally without auth.test noise. */
  of(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls that post or change messages (everything but auth.test and users.info). */
  get posts(): ApiCall[] {
    return this.calls.filter((c) => c.method.startsWith('chat.'));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const path = new URL(req.url ?? '/', this.base).pathname;
    if (path.startsWith('/upload/')) return this.upload(path.slice('/upload/'.length), bytes, req.headers['content-type'], res);
    if (path.startsWith('/respond/')) {
      const id = path.slice('/respond/'.length);
      this.responses.push({ id, body: JSON.parse(raw) as Record<string, unknown> });
      return this.answer(res, this.next(`respond:${id}`) ?? { body: 'ok' });
    }
    const method = path.replace(/^\/api\//, '');
    const args = parseArgs(raw, req.headers['content-type']);
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || (args.token as string | undefined);
    const call: ApiCall = { method, args, token };
    this.calls.push(call);
    if (this.hanging.has(String(args.channel)) && (method === 'chat.postMessage' || method === 'conversations.history')) return; // never answers
    const scripted = this.next(method);
    if (scripted?.commit) this.default(method, args);
    if (scripted) return this.answer(res, scripted);
    if (this.latencyMs > 0 && method === 'chat.postMessage') await new Promise((r) => setTimeout(r, Math.random() * this.latencyMs));
    if (method === 'oauth.v2.access') return this.answer(res, { body: this.access(args, req.headers.authorization) });
    const workspace = token ? this.workspaces.get(token) : undefined;
    if (!workspace) return this.answer(res, { body: { ok: false, error: 'invalid_auth' } });
    const result = (method === 'auth.test' ? this.authTest(workspace) : this.default(method, args)) as Record<string, unknown>;
    Object.defineProperty(call, 'result', { value: result, enumerable: false });
    return this.answer(res, { body: result });
  }

  /** A workspace that can install the app: the code its OAuth redirect carries will be exchanged for `botToken`. */
  addWorkspace(w: FakeWorkspace, code: string): void {
    this.codes.set(code, w);
  }

  /** Revoke a workspace's token (after an uninstall, Slack refuses it). */
  revoke(botToken: string): void {
    this.workspaces.delete(botToken);
  }

  private authTest(w: FakeWorkspace): Record<string, unknown> {
    return {
      ok: true,
      url: `https://${w.teamName.toLowerCase()}.slack.com/`,
      team: w.teamName,
      user: 'tutor',
      team_id: w.teamId,
      user_id: w.botUserId,
      bot_id: BOT_ID,
      is_enterprise_install: w.enterpriseId !== undefined,
      ...(w.enterpriseId ? { enterprise_id: w.enterpriseId } : {}),
    };
  }

  /** oauth.v2.access: the app's credentials (form fields or basic auth) and a code handed out once. */
  private access(args: Record<string, unknown>, authorization: string | undefined): Record<string, unknown> {
    const basic = authorization?.startsWith('Basic ') ? Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':') : [];
    const [id, secret] = [args.client_id ?? basic[0], args.client_secret ?? basic[1]];
    if (id !== CLIENT_ID || secret !== CLIENT_SECRET) return { ok: false, error: 'invalid_client_id' };
    const w = this.codes.get(String(args.code));
    if (!w) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(args.code));
    this.workspaces.set(w.botToken, w);
    return {
      ok: true,
      access_token: w.botToken,
      token_type: 'bot',
      scope: 'app_mentions:read,chat:write,commands',
      bot_user_id: w.botUserId,
      app_id: 'A0TEST',
      team: w.enterpriseId ? null : { id: w.teamId, name: w.teamName },
      enterprise: w.enterpriseId ? { id: w.enterpriseId, name: w.teamName } : null,
      is_enterprise_install: w.enterpriseId !== undefined,
      authed_user: { id: 'UINSTALLER' },
    };
  }

  /** The upload step of files.uploadV2: Slack answers 200 "OK - <length>" when the bytes arrived. */
  private async upload(fileId: string, bytes: Buffer, contentType: string | undefined, res: ServerResponse): Promise<void> {
    const scripted = this.next(`upload:${fileId}`) ?? this.next('upload');
    if (scripted) return this.answer(res, scripted);
    if (!this.announced.has(fileId)) return this.answer(res, { status: 404, body: 'unknown upload' });
    const part = isMultipart(contentType) ? parseMultipart(bytes, contentType!).find((p) => p.data.length > 0) : undefined;
    const data = part ? part.data : bytes;
    this.uploads.push({ fileId, data, ...(part?.filename ? { filename: part.filename } : {}), ...(part?.contentType ? { contentType: part.contentType } : {}) });
    return this.answer(res, { body: `OK - ${data.length}` });
  }

  private next(key: string): Scripted | undefined {
    const queue = this.scripts.get(key);
    return queue?.shift();
  }

  private async answer(res: ServerResponse, s: Scripted): Promise<void> {
    if (s.hold) await s.hold;
    const body = typeof s.body === 'string' ? s.body : JSON.stringify(s.body ?? { ok: true });
    res.writeHead(s.status ?? 200, { 'content-type': typeof s.body === 'string' ? 'text/plain' : 'application/json', ...(s.headers ?? {}) });
    res.end(body);
  }

  private default(method: string, args: Record<string, unknown>): unknown {
    switch (method) {
      case 'chat.postMessage': {
        // Like Slack's: seconds since the epoch, then a sequence number that keeps every ts unique.
        const ts = `${Math.floor(Date.now() / 1000)}.${String(++this.ts).padStart(6, '0')}`;
        const channel = String(args.channel);
        const list = this.history.get(channel) ?? [];
        list.push({ ts, text: args.text, bot_id: BOT_ID, ...(args.metadata ? { metadata: args.metadata } : {}) });
        this.history.set(channel, list);
        return { ok: true, channel: args.channel, ts, message: { type: 'message', text: args.text, bot_id: BOT_ID, ts } };
      }
      case 'conversations.history': {
        // Newest first; `oldest` (inclusive here); metadata only with include_all_metadata; cursor = offset.
        const oldest = Number(args.oldest ?? 0);
        const all = (this.history.get(String(args.channel)) ?? []).filter((m) => Number(m.ts) >= oldest).reverse();
        const offset = Number(args.cursor ?? 0);
        const limit = Number(args.limit ?? 100);
        const page = all.slice(offset, offset + limit).map(({ metadata, ...m }) => ({ type: 'message', ...m, ...(String(args.include_all_metadata) === 'true' && metadata ? { metadata } : {}) }));
        const more = offset + limit < all.length;
        return { ok: true, messages: page, has_more: more, response_metadata: { next_cursor: more ? String(offset + limit) : '' } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(++this.ts).padStart(6, '0')}` };
      case 'files.getUploadURLExternal': {
        const length = Number(args.length);
        if (!args.filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
        const id = `F0TEST${String(++this.fileSeq).padStart(4, '0')}`;
        this.announced.set(id, { filename: String(args.filename), length, ...(args.alt_text ? { altText: String(args.alt_text) } : {}) });
        return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as { id: string; title?: string }[];
        const done = files.map((f) => ({ f, announced: this.announced.get(f.id), sent: this.uploads.find((u) => u.fileId === f.id) }));
        // Like Slack: a file must have been announced and its bytes received (all of them) to complete.
        if (done.some((d) => !d.announced || !d.sent || d.sent.data.length !== d.announced.length)) return { ok: false, error: 'invalid_arguments' };
        return { ok: true, files: done.map(({ f, announced }) => ({ id: f.id, name: announced!.filename, title: f.title ?? announced!.filename, mimetype: 'image/png' })) };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'users.info': {
        const id = String(args.user);
        return { ok: true, user: { id, team_id: TEAM_ID, name: id.toLowerCase(), is_admin: false, is_owner: false, is_primary_owner: false, ...(this.users.get(id) ?? {}) } };
      }
      case 'users.conversations':
        return { ok: true, channels: (this.memberships.get(String(args.user)) ?? []).map((id) => ({ id, is_member: true })), response_metadata: { next_cursor: '' } };
      default:
        if (method.startsWith('views.')) return { ok: true, view: { id: 'V0001', type: 'modal' } };
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = (k === 'blocks' || k === 'attachments' || k === 'metadata') && /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}
