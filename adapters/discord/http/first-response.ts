/** What Discord gets back on the interaction's HTTP request: its first response (reply, defer, modal…). */
export interface FirstResponse {
  contentType: string;
  body: Buffer;
  /** Call once the HTTP response has been written; later calls (follow-ups, edits) wait for it. */
  markWritten(): void;
}

interface Waiting {
  resolve(r: Omit<FirstResponse, 'markWritten'>): Promise<void>;
}

const CALLBACK = /\/interactions\/(\d+)\/[^/]+\/callback(?:\?|$)/;
const CALLBACK_TOKEN = /\/interactions\/\d+\/([^/]+)\/callback(?:\?.*)?$/;
const UPDATE_MESSAGE = 7;
const DEFERRED_MESSAGE = 5;
const DEFERRED_UPDATE = 6;

/**
 * discord.js answers every interaction with POST /interactions/{id}/{token}/callback. For an
 * interaction that came over HTTP, Discord wants that first response as the HTTP reply instead, so
 * this wraps the REST client's `makeRequest`: a callback for an interaction waiting here is handed
 * to the HTTP route (and answered 204 to discord.js, as Discord would) and never leaves the
 * process. Everything else (follow-ups, edits, scheduled posts, gateway interactions) goes out as usual.
 */
export class FirstResponses {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly applicationId: string,
    private readonly send: (url: string, init: RequestInit) => Promise<Response> = fetch,
  ) {}

  /** Wait for the first response to interaction `id`; undefined after `timeoutMs`. */
  expect(id: string, timeoutMs: number): Promise<FirstResponse | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          this.waiting.delete(id);
          let done!: () => void;
          const written = new Promise<void>((w) => {
            done = w;
          });
          resolve({ ...r, markWritten: done });
          // Bounded: if the HTTP reply is never written (the peer left), follow-ups are not held for good.
          return Promise.race([written, new Promise<void>((w) => setTimeout(w, timeoutMs).unref())]);
        },
      });
    });
  }

  /** The `makeRequest` for discord.js's REST options. */
  readonly makeRequest = async (url: string, init: RequestInit): Promise<Response> => {
    const id = CALLBACK.exec(url)?.[1];
    const waiting = id ? this.waiting.get(id) : undefined;
    if (!waiting) return this.send(url, init);
    if (init.body instanceof FormData) return this.withFiles(url, init, init.body, waiting);
    const contentType = new Headers(init.headers).get('content-type') ?? 'application/json';
    await waiting.resolve({ contentType, body: Buffer.from(String(init.body ?? '')) });
    return new Response(null, { status: 204 });
  };

  /**
   * Discord fails an HTTP interaction answered with multipart/form-data, so a first response with
   * files (a diagram) becomes a deferral over HTTP, then an edit of the original response through
   * REST that carries the files (the webhook edit takes multipart).
   */
  private async withFiles(url: string, init: RequestInit, form: FormData, waiting: Waiting): Promise<Response> {
    const { type, data = {} } = JSON.parse(String(form.get('payload_json') ?? '{}')) as { type: number; data?: { flags?: number } };
    // 4 (a message) defers as 5, keeping its flags (ephemeral); 7 (update the clicked message) as 6.
    const deferred = type === UPDATE_MESSAGE ? { type: DEFERRED_UPDATE } : { type: DEFERRED_MESSAGE, data: { flags: data.flags ?? 0 } };
    await waiting.resolve({ contentType: 'application/json', body: Buffer.from(JSON.stringify(deferred)) });
    const edit = new FormData();
    for (const [k, v] of form.entries()) if (k !== 'payload_json') edit.append(k, v);
    edit.append('payload_json', JSON.stringify(data));
    const token = CALLBACK_TOKEN.exec(url)?.[1] ?? '';
    const original = url.replace(CALLBACK_TOKEN, `/webhooks/${this.applicationId}/${token}/messages/@original`);
    const res = await this.send(original, { ...init, method: 'PATCH', body: edit });
    return res.ok ? new Response(null, { status: 204 }) : res;
  }
}
