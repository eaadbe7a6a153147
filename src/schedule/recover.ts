import type { ChannelPoster } from '../adapter-api/poster.ts';
import type { Platform } from '../adapter-api/request.ts';
import type { Logger } from '../log.ts';
import type { PostRecord, PostStore } from '../store/types.ts';
import { claimerIsGone } from './claimer.ts';
import { where } from './deliver-post.ts';

export interface RecoverDeps {
  store: PostStore;
  posters: ReadonlyMap<Platform, ChannelPoster>;
  logger: Logger;
  instanceId: string;
  /** A claim not renewed for this long is recovered even when its claimer may still run. */
  staleClaimMs: number;
  batch: number;
}

/**
 * Claims other processes made and never confirmed: when the claimer is gone (or its lease ran
 * out), take the claim over and hand it to `finish` (which checks the platform before sending);
 * on a platform that cannot be asked, mark it abandoned instead (it may have been sent: never
 * risk a double post). Returns how many were recovered and abandoned.
 */
export async function recoverClaims(d: RecoverDeps, now: number, finish: (post: PostRecord) => void): Promise<{ recovered: number; abandoned: number }> {
  const out = { recovered: 0, abandoned: 0 };
  for (const p of await d.store.unconfirmedClaims(d.instanceId, d.batch)) {
    const gone = claimerIsGone(p.claimedBy);
    if (!gone && p.claimedAt >= now - d.staleClaimMs) continue;
    const poster = d.posters.get(p.platform);
    if (!poster) continue; // that platform is not connected here; wait for a process that has it
    if (!poster.findPost) {
      if (await d.store.abandonClaim(p.id, p.claimedBy)) {
        out.abandoned++;
        d.logger.warn({ ...where(p), claimedBy: p.claimedBy }, 'quiz post claimed but never confirmed; this platform cannot be asked whether it arrived, so it is not re-sent');
      }
      continue;
    }
    if (!(await d.store.takeOverClaim(p, d.instanceId, now))) continue;
    out.recovered++;
    d.logger.warn({ ...where(p), claimedBy: p.claimedBy, claimerGone: gone }, 'recovering an unconfirmed quiz post: checking whether it reached the channel');
    finish({ ...p, claimedBy: d.instanceId, claimedAt: now });
  }
  return out;
}
