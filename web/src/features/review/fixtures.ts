// Cards and intervals for the review feature's tests.
import type { Card, Interval } from "./model";
import type { QueuedReview } from "./queue";

export function card(id: string, state: Card["state"] = "review"): Card {
  return { id, language: "es", front: `front ${id}`, back: `back ${id}`, lemma: id, state, source: { kind: "manual", id: "" }, sources: [], tags: [] };
}

export function intervals(...seconds: number[]): Interval[] {
  const ratings = ["again", "hard", "good", "easy"] as const;
  return seconds.map((s, index) => ({ rating: ratings[index], seconds: s, due: new Date(s * 1000).toISOString() }));
}

/** A card as ``GET /review/due?intervals=true`` gives it: with what each rating would do. */
export function timedCard(id: string, ...seconds: number[]): Card {
  return { ...card(id), intervals: intervals(...seconds) };
}

export function review(id: string, at: string, held = false): QueuedReview {
  return { client_review_id: id, card_id: `card-${id}`, rating: "good", reviewed_at: at, duration_ms: 1200, session_id: null, held };
}
