/**
 * A small fake of Discord for the real discord.js client: the REST API on node:http and the gateway
 * on a `ws` server, both on 127.0.0.1. Every REST request is recorded; failures (500, 429) can be
 * queued per route; the gateway speaks HELLO / HEARTBEAT_ACK / READY / GUILD_CREATE / RESUMED and
 * lets a test dispatch events, drop the connection, and replay what was missed on RESUME.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants as zc, createDeflate, type Deflate } from 'node:zlib';
import { WebSocketServer, type WebSocket } from 'ws';
import { isMultipart, parseMultipart, type FormPart } from '../../helpers/multipart.ts';
import { APP_ID, BOT_USER, guildCreate, GUILD_ID } from './payloads.ts';

export interface RecordedRequest {
  method: string;
  /** Path without the /api prefix, e.g. /v10/channels/1/messages. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  /** The file parts of a multipart/form-data request (attachments), in order. */
  files: FormPart[];
  status: number;
  /** What the fake answered (JSON), if anything. */
  response?: any;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  times: number;
}

interface GatewayConnection {
  ws: WebSocket;
  path: string;
  query: Record<string, string>;
  deflate?: Deflate;
}

export class FakeDiscord extends EventEmitter {
  readonly requests: RecordedRequest[] = [];
  /** Gateway frames the client sent (IDENTIFY, RESUME, HEARTBEAT…), with the connection's query. */
  readonly gatewayFrames: { op: number; d: any; path: string; query: Record<string, string> }[] = [];
  readonly connections: { path: string; query: Record<string, string> }[] = [];
  private readonly failures: Failure[] = [];
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private current?: GatewayConnection;
  private seq = 0;
  private sessionId = 'session-1';
  private missed: { t: string; d: unknown }[] = [];
  private ids = 900000000000000000n;
  /** False: answer IDENTIFY with nothing, like a gateway that never gets the session ready. */
  sendReady = true;
  /** The shard count GET /gateway/bot recommends, and how many shards may identify at once. */
  gatewayShards = 1;
  maxConcurrency = 1;
  private readonly byNonce = new Map<string, any>();
  /** Messages created per channel (POST /channels/:id/messages), with when they were made. */
  readonly channelMessages = new Map<string, { at: number; msg: any; nonce?: string }[]>();
  port = 0;

  constructor() {
    super();
    this.http = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.http.on('upgrade', (req, socket, head) => this.wss.handleUpgrade(req, socket, head, (ws) => this.onGateway(ws, req)));
  }

  async listen(): Promise<this> {
    await new Promise<void>((r) => this.http.listen(0, '127.0.0.1', r));
    this.port = (this.http.address() as AddressInfo).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  nextId(): string {
    this.ids += 1n;
    return this.ids.toString();
  }

  /** The next `times` requests matching method and path get this response instead. */
  fail(method: string, path: RegExp, status: number, opts: { times?: number; headers?: Record<string, string>; body?: unknown } = {}): void {
    this.failures.push({ method, path, status, times: opts.times ?? 1, ...(opts.headers ? { headers: opts.headers } : {}), ...(opts.body !== undefined ? { body: opts.body } : {}) });
  }

  /** Send a dispatch event; while disconnected it is kept and replayed after a RESUME, like Discord does. */
  dispatch(t: string, d: unknown): void {
    if (!this.current || this.current.ws.readyState !== this.current.ws.OPEN) {
      this.missed.push({ t, d });
      return;
    }
    this.send(this.current, { op: 0, t, s: ++this.seq, d });
  }

  /** Close the gateway connection from the server side (4000 = unknown error: the client resumes). */
  dropGateway(code = 4000): void {
    this.current?.ws.close(code, 'test drop');
    this.current = undefined;
  }

  matching(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(pred: (r: RecordedRequest) => boolean, timeoutMs = 10_000, what = 'request'): Promise<RecordedRequest> {
    const found = this.requests.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('request', on);
        reject(new Error(`timed out waiting for ${what}; saw:\n${this.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join('\n')}`));
      }, timeoutMs);
      const on = (r: RecordedRequest) => {
        if (!pred(r)) return;
        clearTimeout(timer);
        this.off('request', on);
        resolve(r);
      };
      this.on('request', on);
    });
  }

  waitForFrame(op: number, after = 0, timeoutMs = 10_000): Promise<{ op: number; d: any; path: string }> {
    return new Promise((resolve, reject) => {
      const check = () => this.gatewayFrames.slice(after).find((f) => f.op === op);
      const hit = check();
      if (hit) return resolve(hit);
      const timer = setTimeout(() => reject(new Error(`timed out waiting for gateway op ${op}`)), timeoutMs);
      const on = () => {
        const f = check();
        if (!f) return;
        clearTimeout(timer);
        this.off('frame', on);
        resolve(f);
      };
      this.on('frame', on);
    });
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
    this.http.closeAllConnections();
    await new Promise<void>((r) => this.http.close(() => r()));
  }

  // --- gateway -------------------------------------------------------------------------------

  private onGateway(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const conn: GatewayConnection = { ws, path: url.pathname, query: Object.fromEntries(url.searchParams) };
    // discord.js asks for zlib-stream only when zlib-sync is installed; honour it if it does.
    if (conn.query.compress === 'zlib-stream') conn.deflate = createDeflate();
    this.connections.push({ path: conn.path, query: conn.query });
    this.current = conn;
    ws.on('message', (raw) => this.onFrame(conn, JSON.parse(String(raw))));
    this.send(conn, { op: 10, d: { heartbeat_interval: 41_250 } });
  }

  private onFrame(conn: GatewayConnection, frame: { op: number; d: any }): void {
    this.gatewayFrames.push({ ...frame, path: conn.path, query: conn.query });
    switch (frame.op) {
      case 1: // HEARTBEAT
        this.send(conn, { op: 11 });
        break;
      case 2: // IDENTIFY: a new session; nothing to replay
        if (!this.sendReady) break;
        this.missed = [];
        this.sessionId = `session-${this.gatewayFrames.length}`;
        this.send(conn, {
          op: 0,
          t: 'READY',
          s: ++this.seq,
          d: {
            v: 10,
            user: BOT_USER,
            guilds: [{ id: GUILD_ID, unavailable: true }],
            session_id: this.sessionId,
            resume_gateway_url: `${this.gatewayUrl}/resume`,
            shard: frame.d?.shard ?? [0, 1],
            application: { id: APP_ID, flags: 0 },
          },
        });
        this.send(conn, { op: 0, t: 'GUILD_CREATE', s: ++this.seq, d: guildCreate() });
        break;
      case 6: {
        // RESUME: replay what was missed, then RESUMED
        const missed = this.missed;
        this.missed = [];
        for (const e of missed) this.send(conn, { op: 0, t: e.t, s: ++this.seq, d: e.d });
        this.send(conn, { op: 0, t: 'RESUMED', s: ++this.seq, d: {} });
        break;
      }
    }
    this.emit('frame', frame);
  }

  private send(conn: GatewayConnection, payload: unknown): void {
    const json = JSON.stringify(payload);
    if (!conn.deflate) return void conn.ws.send(json);
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => chunks.push(c);
    conn.deflate.on('data', onData);
    conn.deflate.write(json);
    conn.deflate.flush(zc.Z_SYNC_FLUSH, () => {
      conn.deflate!.off('data', onData);
      conn.ws.send(Buffer.concat(chunks));
    });
  }

  // --- REST ----------------------------------------------------------------------------------

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname).replace(/^\/api/, '');
    const method = req.method ?? 'GET';
    const bytes = await new Promise<Buffer>((r) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => r(Buffer.concat(chunks)));
    });
    // Messages with attachments come as multipart/form-data: the JSON in payload_json, files as parts.
    let raw = bytes.toString('utf8');
    let files: FormPart[] = [];
    if (isMultipart(req.headers['content-type'])) {
      const parts = parseMultipart(bytes, req.headers['content-type']!);
      raw = parts.find((p) => p.name === 'payload_json')?.data.toString('utf8') ?? '';
      files = parts.filter((p) => p.filename !== undefined);
    }
    let body: any = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      /* not JSON */
    }
    const record: RecordedRequest = { method, path, query: Object.fromEntries(url.searchParams), headers: req.headers, body, files, status: 0 };
    const reply = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (data !== undefined) record.response = data;
      this.requests.push(record);
      res.writeHead(status, { ...(data === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(data === undefined ? undefined : JSON.stringify(data));
      this.emit('request', record);
    };

    const failure = this.failures.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    if (failure) {
      failure.times--;
      return reply(failure.status, failure.body ?? { message: `${failure.status}: injected`, code: 0 }, failure.headers);
    }
    const invalid = method === 'GET' ? null : (validateMessageBody(body?.data ?? body) ?? validateAttachments(body?.data ?? body, files));
    if (invalid) return reply(400, { message: 'Invalid Form Body', code: 50035, errors: invalid });
    this.route(method, path, body, reply, record.query);
  }

  private route(method: string, path: string, body: any, reply: (status: number, data?: unknown) => void, query: Record<string, string> = {}): void {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/v10/gateway/bot')
      return reply(200, { url: this.gatewayUrl, shards: this.gatewayShards, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.maxConcurrency } });
    if (method === 'GET' && path === '/v10/users/@me') return reply(200, BOT_USER);
    if (method === 'POST' && /^\/v10\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return reply(204);
    // Open a DM: one channel per recipient (its id is the recipient's id with a 9 in front, so tests can find it).
    if (method === 'POST' && path === '/v10/users/@me/channels') return reply(200, { id: `9${String(body?.recipient_id).slice(1)}`, type: 1, recipients: [{ id: body?.recipient_id }] });
    if (method === 'POST' && (m = /^\/v10\/channels\/(\d+)\/typing$/.exec(path))) return reply(204);
    if (method === 'POST' && (m = /^\/v10\/channels\/(\d+)\/messages$/.exec(path))) {
      // enforce_nonce: a repeated nonce returns the message created the first time.
      const key = body?.enforce_nonce && body?.nonce ? `${m[1]}:${body.nonce}` : undefined;
      const existing = key ? this.byNonce.get(key) : undefined;
      if (existing) return reply(200, existing);
      const msg = this.message(m[1]!, body);
      if (key) this.byNonce.set(key, msg);
      const list = this.channelMessages.get(m[1]!) ?? [];
      list.push({ at: Date.now(), msg, ...(body?.nonce ? { nonce: String(body.nonce) } : {}) });
      this.channelMessages.set(m[1]!, list);
      return reply(200, body?.nonce ? { ...msg, nonce: body.nonce } : msg);
    }
    if (method === 'GET' && (m = /^\/v10\/channels\/(\d+)\/messages$/.exec(path))) {
      // `after` is a snowflake: its top bits are milliseconds since the Discord epoch. The history
      // leaves nonces out (they come back on create and over the gateway only).
      const after = query.after ? Number(BigInt(query.after) >> 22n) + 1420070400000 : 0;
      const limit = Number(query.limit ?? 50);
      const list = (this.channelMessages.get(m[1]!) ?? []).filter((x) => x.at > after).slice(0, limit);
      return reply(
        200,
        list.map((x) => x.msg),
      );
    }
    if (method === 'PATCH' && (m = /^\/v10\/channels\/(\d+)\/messages\/(\d+)$/.exec(path))) return reply(200, { ...this.message(m[1]!, body), id: m[2] });
    if (method === 'PATCH' && /^\/v10\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return reply(200, this.message('0', body, true));
    if (method === 'POST' && /^\/v10\/webhooks\/\d+\/[^/]+$/.test(path)) return reply(200, this.message('0', body, true));
    if (method === 'DELETE' && /^\/v10\/webhooks\/\d+\/[^/]+\/messages\/(@original|\d+)$/.test(path)) return reply(204);
    if (method === 'PUT' && /^\/v10\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      return reply(
        200,
        (body as any[]).map((c) => ({ ...c, id: this.nextId(), application_id: APP_ID, version: this.nextId() })),
      );
    }
    reply(404, { message: '404: Not Found', code: 0 });
  }

  private message(channelId: string, body: any, fromWebhook = false): Record<string, unknown> {
    return {
      id: this.nextId(),
      type: body?.message_reference ? 19 : 0,
      channel_id: channelId,
      author: BOT_USER,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: (body?.attachments ?? []).map((a: any) => ({
        id: this.nextId(),
        filename: a.filename,
        description: a.description,
        url: `https://cdn.example.invalid/attachments/${channelId}/${a.filename}?ex=signed`,
      })),
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: body?.flags ?? 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      ...(fromWebhook ? { webhook_id: APP_ID, application_id: APP_ID } : {}),
    };
  }
}

/**
 * Files must match the body: each `attachments[n]` names a `files[n]` part, and an embed's
 * attachment://name must be one of the files sent (Discord would show nothing otherwise).
 */
function validateAttachments(body: any, files: FormPart[]): Record<string, string> | null {
  if (!body || typeof body !== 'object') return null;
  const errors: Record<string, string> = {};
  const listed: any[] = body.attachments ?? [];
  for (const a of listed) {
    const part = files.find((f) => f.name === `files[${a.id}]`);
    if (!part && !(a.id !== undefined && /^\d{15,}$/.test(String(a.id)))) errors[`attachments.${a.id}`] = 'ATTACHMENT_NOT_FOUND';
    if (typeof a.description === 'string' && a.description.length > 1024) errors[`attachments.${a.id}.description`] = 'BASE_TYPE_MAX_LENGTH';
  }
  const names = new Set(files.map((f) => f.filename));
  for (const e of body.embeds ?? []) {
    const url: string | undefined = e.image?.url;
    if (url?.startsWith('attachment://') && !names.has(url.slice('attachment://'.length))) errors['embeds.image.url'] = 'ATTACHMENT_NOT_FOUND';
  }
  return Object.keys(errors).length ? errors : null;
}

/** The checks Discord applies to a message body that matter here; a violation gets a 400 like the real API. */
export function validateMessageBody(body: any): Record<string, string> | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const errors: Record<string, string> = {};
  if (typeof body.content === 'string' && body.content.length > 2000) errors.content = 'BASE_TYPE_MAX_LENGTH';
  const embeds: any[] = body.embeds ?? [];
  let total = 0;
  for (const e of embeds) {
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
    if ((e.title ?? '').length > 256) errors.title = 'BASE_TYPE_MAX_LENGTH';
    if ((e.description ?? '').length > 4096) errors.description = 'BASE_TYPE_MAX_LENGTH';
    if ((e.footer?.text ?? '').length > 2048) errors.footer = 'BASE_TYPE_MAX_LENGTH';
    for (const f of e.fields ?? []) {
      total += (f.name ?? '').length + (f.value ?? '').length;
      // Discord trims names and values, so whitespace alone counts as empty.
      if (!String(f.name ?? '').trim()) errors['fields.name'] = 'BASE_TYPE_REQUIRED';
      else if (f.name.length > 256) errors['fields.name'] = 'BASE_TYPE_MAX_LENGTH';
      if (!String(f.value ?? '').trim()) errors['fields.value'] = 'BASE_TYPE_REQUIRED';
      else if (f.value.length > 1024) errors['fields.value'] = 'BASE_TYPE_MAX_LENGTH';
    }
    if ((e.fields ?? []).length > 25) errors.fields = 'BASE_TYPE_MAX_LENGTH';
  }
  if (total > 6000) errors.embeds = 'MAX_EMBED_SIZE_EXCEEDED';
  const rows: any[] = body.components ?? [];
  if (rows.length > 5) errors.components = 'BASE_TYPE_MAX_LENGTH';
  const ids: string[] = rows.flatMap((r) => (r.components ?? []).map((c: any) => c.custom_id).filter(Boolean));
  if (new Set(ids).size !== ids.length) errors.custom_id = 'COMPONENT_CUSTOM_ID_DUPLICATED';
  if (ids.some((id) => id.length > 100)) errors.custom_id = 'BASE_TYPE_MAX_LENGTH';
  if (rows.some((r) => (r.components ?? []).some((c: any) => typeof c.label === 'string' && c.label.length > 80))) errors.label = 'BASE_TYPE_MAX_LENGTH';
  if (rows.some((r) => (r.components ?? []).length > 5)) errors.row = 'BASE_TYPE_MAX_LENGTH';
  if (body.choices && body.choices.length > 25) errors.choices = 'BASE_TYPE_MAX_LENGTH';
  return Object.keys(errors).length ? errors : null;
}
