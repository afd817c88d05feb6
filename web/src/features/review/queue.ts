// The ratings not yet recorded by the server, kept in IndexedDB so that neither a lost connection
// nor a reload loses one. Each keeps the id the browser gave it: sending it again changes
// nothing on the server, so a rating is re-sent until the server answers for it.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

import type { Rating, ReviewIn } from "./model";

export interface QueuedReview {
  client_review_id: string;
  card_id: string;
  rating: Rating;
  /** When the learner answered, ISO 8601 in UTC: reviews are applied in that order. */
  reviewed_at: string;
  duration_ms: number;
  session_id: string | null;
  /** Held for undo (see session.ts): kept, but not sent until released. */
  held: boolean;
}

interface QueueSchema extends DBSchema {
  reviews: { key: string; value: QueuedReview };
}

const STORE = "reviews";

export interface ReviewQueue {
  add(review: QueuedReview): Promise<void>;
  /** Lets a held review be sent. */
  release(id: string): Promise<void>;
  /** Releases every held review: the sessions that held them are over (the page was left or
   * reloaded). */
  releaseAll(): Promise<void>;
  /** Drops a held review; false when it is no longer held (released, perhaps already sent), in
   * which case it cannot be taken back. */
  takeBack(id: string): Promise<boolean>;
  /** The reviews that may be sent, oldest first, at most ``limit``. */
  ready(limit: number): Promise<QueuedReview[]>;
  all(): Promise<QueuedReview[]>;
  remove(ids: string[]): Promise<void>;
  close(): void;
}

/** The queue in database ``name`` (one per learner: a shared browser must not send one
 * learner's reviews with another's account). */
export async function openQueue(name: string): Promise<ReviewQueue> {
  const db = await openDB<QueueSchema>(name, 1, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: "client_review_id" });
    },
  });
  return queueOn(db);
}

function byTime(a: QueuedReview, b: QueuedReview): number {
  return a.reviewed_at.localeCompare(b.reviewed_at);
}

function queueOn(db: IDBPDatabase<QueueSchema>): ReviewQueue {
  async function unhold(id: string): Promise<void> {
    const tx = db.transaction(STORE, "readwrite");
    const review = await tx.store.get(id);
    if (review?.held) await tx.store.put({ ...review, held: false });
    await tx.done;
  }

  return {
    async add(review) {
      await db.put(STORE, review);
    },
    release: unhold,
    async releaseAll() {
      const tx = db.transaction(STORE, "readwrite");
      for (const review of await tx.store.getAll()) {
        if (review.held) await tx.store.put({ ...review, held: false });
      }
      await tx.done;
    },
    async takeBack(id) {
      const tx = db.transaction(STORE, "readwrite");
      const review = await tx.store.get(id);
      const held = review?.held === true;
      if (held) await tx.store.delete(id);
      await tx.done;
      return held;
    },
    async ready(limit) {
      const reviews = await db.getAll(STORE);
      return reviews.filter((review) => !review.held).sort(byTime).slice(0, limit);
    },
    async all() {
      return (await db.getAll(STORE)).sort(byTime);
    },
    async remove(ids) {
      const tx = db.transaction(STORE, "readwrite");
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
    close() {
      db.close();
    },
  };
}

/** What the API is sent for a queued review. */
export function toReviewIn(review: QueuedReview): ReviewIn {
  return {
    client_review_id: review.client_review_id,
    card_id: review.card_id,
    rating: review.rating,
    reviewed_at: review.reviewed_at,
    duration_ms: review.duration_ms,
    session_id: review.session_id,
  };
}
