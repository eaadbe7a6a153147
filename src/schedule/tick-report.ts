/** What one scheduler pass did, for its log line and for tests. */
export interface TickReport {
  /** Posts claimed by this tick (sent or not). */
  claimed: number;
  sent: number;
  failed: number;
  /** Scheduled instants skipped: older than the grace window, or superseded by a later missed one. */
  skipped: number;
  /** Slots another process claimed first. */
  lost: number;
  closed: number;
  abandoned: number;
  /** Unconfirmed claims of processes that are gone, taken over to check and finish. */
  recovered: number;
}

export const emptyReport = (): TickReport => ({ claimed: 0, sent: 0, failed: 0, skipped: 0, lost: 0, closed: 0, abandoned: 0, recovered: 0 });
