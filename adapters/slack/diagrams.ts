import type { webApi } from '@slack/bolt';
import { diagramPng, type Clock, type Logger, type ReplyDiagram, type UploadStore } from '../../src/index.ts';
import { classify } from './errors.ts';

type Client = webApi.WebClient;

/** What deliver() needs: the Slack file id to show a diagram with, or undefined for the text fallback. */
export type DiagramFiles = (d: ReplyDiagram) => Promise<string | undefined>;

/**
 * Diagram PNGs are uploaded once per workspace with files.uploadV2 (not shared to any channel) and
 * shown by file id in an image block. The id is kept in the store, keyed by workspace and the PNG's
 * content hash, so a restart does not upload again and a changed diagram is uploaded afresh.
 * Failures are logged and give undefined: the answer then goes out with the ASCII fallback.
 */
export class SlackDiagrams {
  private readonly known = new Map<string, string>();
  private readonly pending = new Map<string, Promise<string | undefined>>();
  /** The workspace behind each client (one client per workspace token in OAuth mode). */
  private readonly teams = new WeakMap<Client, Promise<string>>();

  constructor(
    private readonly store: UploadStore,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Bound to the client that will post the message (same token, same workspace). */
  forClient(client: Client): DiagramFiles {
    return (d) => this.fileId(client, d);
  }

  async fileId(client: Client, d: ReplyDiagram): Promise<string | undefined> {
    let team: string;
    try {
      team = await this.teamId(client);
    } catch (err) {
      this.log.warn({ code: classify(err).code, diagram: d.name }, 'could not identify the Slack workspace; sending the diagram as text');
      return undefined;
    }
    const key = `${team}:${d.key}`;
    const hit = this.known.get(key);
    if (hit) return hit;
    let work = this.pending.get(key);
    if (!work) {
      // One upload at a time per diagram: answers arriving together wait for the same one.
      work = this.storedOrUpload(client, team, d).finally(() => this.pending.delete(key));
      this.pending.set(key, work);
    }
    return work;
  }

  private async storedOrUpload(client: Client, team: string, d: ReplyDiagram): Promise<string | undefined> {
    const key = `${team}:${d.key}`;
    try {
      const stored = await this.store.getUpload('slack', team, d.key);
      if (stored) {
        this.known.set(key, stored);
        return stored;
      }
    } catch (err) {
      this.log.warn({ err: (err as Error).message, diagram: d.name }, 'could not read stored diagram uploads; uploading again');
    }
    let png: Buffer;
    try {
      png = diagramPng(d);
    } catch (err) {
      this.log.error({ err: (err as Error).message, diagram: d.name }, 'diagram picture unavailable; sending it as text');
      return undefined;
    }
    try {
      const res = (await client.filesUploadV2({ file: png, filename: `${d.name}.png`, title: d.name, alt_text: d.alt })) as unknown as UploadResult;
      const id = uploadedId(res);
      if (!id) throw Object.assign(new Error('files.uploadV2 returned no file id'), { code: 'no_file_id' });
      this.known.set(key, id);
      await this.store
        .putUpload('slack', team, d.key, id, this.clock.now().getTime())
        .catch((err: unknown) => this.log.warn({ err: (err as Error).message }, 'could not remember the uploaded diagram; it will be uploaded again after a restart'));
      this.log.info({ diagram: d.name, fileId: id, bytes: png.length }, 'uploaded diagram to Slack');
      return id;
    } catch (err) {
      const f = classify(err);
      this.log.warn(
        { code: f.code, diagram: d.name, hint: f.code === 'missing_scope' ? 'add the files:write scope (adapters/slack/manifest.json) and reinstall the app' : undefined },
        'could not upload the diagram to Slack; sending it as text',
      );
      return undefined;
    }
  }

  private teamId(client: Client): Promise<string> {
    let team = this.teams.get(client);
    if (!team) {
      team = client.auth.test().then((r) => {
        if (!r.team_id) throw new Error('auth.test returned no team_id');
        return r.team_id;
      });
      this.teams.set(client, team);
      // A failed look-up is tried again next time.
      team.catch(() => this.teams.delete(client));
    }
    return team;
  }
}

interface UploadResult {
  files?: { files?: { id?: string }[] }[];
}

function uploadedId(res: UploadResult): string | undefined {
  return res.files?.[0]?.files?.[0]?.id;
}
