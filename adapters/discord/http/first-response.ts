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

/**
 * discord.js answers every interaction with POST /interactions/{id}/{token}/callback. For an
 * interaction that came over HTTP, Discord wants that first response as the HTTP reply instead, so
 * this wraps the REST client's `makeRequest`: a callback for an interaction waiting here is handed
 * to the HTTP route (and answered 204 to discord.js, as Discord would) and never leaves the
 * process. Everything else (follow-ups, edits, scheduled posts, gateway interactions) goes out as usual.
 */
export class FirstResponses {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly send: typeof fetch = fetch) {}

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
    // A Response reads a string or FormData body the way fetch would send it (multipart boundary included).
    const asSent = new Response(init.body ?? null);
    const headers = new Headers(init.headers);
    const contentType = typeof init.body === 'string' ? (headers.get('content-type') ?? 'application/json') : (asSent.headers.get('content-type') ?? 'application/octet-stream');
    const body = Buffer.from(await asSent.arrayBuffer());
    await waiting.resolve({ contentType, body });
    return new Response(null, { status: 204 });
  };
}
