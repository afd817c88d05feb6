// What the learner is told about their reviews' way to the server, and when a failed sync is
// tried again.
import type { Notice } from "./plural";
import type { SyncReport } from "./sync";

export interface SyncStatus {
  /** The browser says it is offline, or the server could not be reached. */
  offline: boolean;
  /** Reviews in the queue, the one held for undo included: all will be sent. */
  queued: number;
  /** The API's message when it refused the last sync. */
  refused: string | null;
  /** The last sync emptied the queue of what it may send. */
  synced: boolean;
  /** What the server said of reviews it would not apply, from the last sync that had any. */
  dropped: string[];
}

export const INITIAL: SyncStatus = { offline: false, queued: 0, refused: null, synced: false, dropped: [] };

/** The status after a sync, given how many reviews the queue holds now (``queued``) and how many
 * of them may be sent (``sendable``: the held one may not). */
export function afterSync(status: SyncStatus, report: SyncReport, queued: number, sendable: number): SyncStatus {
  // Nothing sent, nothing learnt about the connection: only the count changes.
  if (!report.sent && !report.failure) return { ...status, queued, synced: status.synced && sendable === 0 };
  const dropped = report.conflicts.length ? report.conflicts : status.dropped;
  if (report.failure) {
    const { offline, message } = report.failure;
    return { ...status, queued, dropped, offline, refused: offline ? null : message, synced: false };
  }
  const wasBehind = status.offline || status.refused !== null || report.acknowledged > 0;
  return { ...status, queued, dropped, offline: false, refused: null, synced: sendable === 0 && (status.synced || wasBehind) };
}

/** The line to show, or null when there is nothing worth saying. */
export function describe(status: SyncStatus): Notice | null {
  if (status.offline) return status.queued ? { counted: "review.sync.offline", count: status.queued } : { key: "review.sync.offlineEmpty" };
  if (status.refused) return { counted: "review.sync.refused", count: status.queued, params: { message: status.refused } };
  return status.synced ? { key: "review.sync.done" } : null;
}

const FIRST_RETRY_MS = 2000;
const LAST_RETRY_MS = 60_000;

/** How long to wait before sync attempt number ``failures`` + 1: doubling from 2 s up to a minute,
 * so a server that is down is not hammered and one that is back is soon used. */
export function retryDelay(failures: number): number {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1));
}
