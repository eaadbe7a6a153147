import type { Logger } from '../log.ts';
import type { InstallationStore } from '../store/installation-types.ts';
import type { Clock } from '../time/clock.ts';

/** How long a workspace's learning data is kept after it removed the app (a reinstall within it keeps everything). */
const WORKSPACE_RETENTION_MS = 30 * 24 * 3_600_000;
/** How often the sweep looks for workspaces past retention. */
const SWEEP_EVERY_MS = 3_600_000;

/**
 * Deletes the data of workspaces that removed the app more than WORKSPACE_RETENTION_MS ago.
 * Any process may run it: each deletion is one transaction, and a second one finds nothing left.
 */
export class RetentionSweep {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly store: InstallationStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly retainMs = WORKSPACE_RETENTION_MS,
  ) {}

  /** Delete what is past retention now; the workspaces deleted. */
  async sweep(): Promise<string[]> {
    const due = await this.store.removalsBefore(this.clock.now().getTime() - this.retainMs);
    const done: string[] = [];
    for (const r of due) {
      const counts = await this.store.deleteWorkspaceData(r.platform, r.workspaceId);
      this.logger.info({ platform: r.platform, workspaceId: r.workspaceId, removedAt: new Date(r.removedAt).toISOString(), ...counts }, 'deleted the data of a workspace that removed the app');
      done.push(r.workspaceId);
    }
    return done;
  }

  start(): void {
    if (this.timer) return;
    const run = () => void this.sweep().catch((err: unknown) => this.logger.warn({ err: (err as Error).message }, 'workspace retention sweep failed; trying again later'));
    run();
    this.timer = setInterval(run, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
