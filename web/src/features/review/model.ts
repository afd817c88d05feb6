// The review feature's vocabulary, named after the API's shapes (web/openapi.json).
import type { components } from "../../api/schema";

/** A card; fetched with ``intervals=true``, it carries what each rating would do with it. */
export type Card = components["schemas"]["CardOut"];
export type Interval = components["schemas"]["IntervalOut"];
export type SessionCounts = components["schemas"]["SessionOut"];
export type ReviewIn = components["schemas"]["ReviewIn"];
export type ReviewResult = components["schemas"]["ReviewResultOut"];
export type ReviewStats = components["schemas"]["ReviewStatsOut"];

export type Rating = ReviewIn["rating"];

/** The ratings in the order the API lists intervals and the keys 1 to 4 choose them. */
export const RATINGS: readonly Rating[] = ["again", "hard", "good", "easy"];

/** ``card`` carrying ``intervals``, which ``GET …/sessions/{id}/next`` gives beside its card rather
 * than in it. */
export function withIntervals(card: Card, intervals: Interval[]): Card {
  return intervals.length ? { ...card, intervals } : card;
}
