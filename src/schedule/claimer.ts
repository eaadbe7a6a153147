import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Who holds a post claim. A process names itself `<host>:<pid>:<random>`, so that another process
 * on the same machine can tell at once that the claimer is gone (its pid no longer exists) and
 * recover the claim after a crash without waiting for the lease to run out.
 */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** True only when `claimedBy` names a process on this machine that no longer runs. */
export function claimerIsGone(claimedBy: string): boolean {
  const m = /^(.*):(\d+):[0-9a-f]{8}$/.exec(claimedBy);
  if (!m || m[1] !== hostname()) return false;
  const pid = Number(m[2]);
  if (pid === process.pid) return false; // our own pid: an earlier scheduler in this process; the lease decides
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
