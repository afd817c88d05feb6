// Sending queued reviews with POST /api/v1/reviews/sync, built for offline batches: up to 1,000
// reviews, applied in the order they happened, a result for each, and idempotent by the client's
// review id. A review leaves the queue only once the server has answered for it, so a request
// that failed on the way (even one the server applied before the answer was lost) is sent again
// with the same id, and the server answers "duplicate" instead of recording it twice.
import type { ReviewIn, ReviewResult } from "./model";
import { toReviewIn, type ReviewQueue } from "./queue";

/** The most reviews the API takes in one sync. */
export const MAX_SYNC = 1000;

/** What a sync request answered: the server's results, or why there are none. ``offline`` when
 * the server could not be reached at all. */
export type Sent = { ok: true; results: ReviewResult[] } | { ok: false; offline: boolean; message: string };

export interface SyncReport {
  /** Reviews sent (in requests that may have failed): none means the server was not asked. */
  sent: number;
  /** Reviews the server answered for, now out of the queue. */
  acknowledged: number;
  /** For each review the server refused to apply ("conflict"), what it said. They leave the
   * queue too: sending them again would be refused again. */
  conflicts: string[];
  failure: { offline: boolean; message: string } | null;
}

export interface Sync {
  /** Sends what the queue holds (not held), in batches, until it is empty or a request fails. */
  run(): Promise<SyncReport>;
}

/** Runs never overlap: a run asked for while one is under way starts after it, on the queue as it
 * is then, so no review is ever in two requests at once. Calls made while one is waiting share it. */
export function createSync(queue: ReviewQueue, send: (reviews: ReviewIn[]) => Promise<Sent>): Sync {
  let running: Promise<SyncReport> | null = null;
  let waiting: Promise<SyncReport> | null = null;

  async function drain(): Promise<SyncReport> {
    const report: SyncReport = { sent: 0, acknowledged: 0, conflicts: [], failure: null };
    for (;;) {
      const batch = await queue.ready(MAX_SYNC);
      if (!batch.length) return report;
      report.sent += batch.length;
      const answer = await sendSafely(send, batch.map(toReviewIn));
      if (!answer.ok) return { ...report, failure: { offline: answer.offline, message: answer.message } };
      const sent = new Set(batch.map((review) => review.client_review_id));
      const answered = answer.results.filter((result) => sent.has(result.client_review_id));
      await queue.remove(answered.map((result) => result.client_review_id));
      report.acknowledged += answered.length;
      report.conflicts.push(...answered.filter((result) => result.status === "conflict").map((result) => result.conflict ?? ""));
      // A batch the server did not fully answer for would be sent again at once: leave it to the next run.
      if (answered.length < batch.length) return report;
    }
  }

  function start(): Promise<SyncReport> {
    running = drain().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    run() {
      if (!running) return start();
      waiting ??= running.then(
        () => ((waiting = null), start()),
        () => ((waiting = null), start()),
      );
      return waiting;
    },
  };
}

async function sendSafely(send: (reviews: ReviewIn[]) => Promise<Sent>, reviews: ReviewIn[]): Promise<Sent> {
  try {
    return await send(reviews);
  } catch (error) {
    return { ok: false, offline: true, message: error instanceof Error ? error.message : String(error) };
  }
}
