// The review feature's vocabulary, named after the API's shapes (web/openapi.json).
import type { components } from "../../api/schema";

export type Card = components["schemas"]["CardOut"];
export type Interval = components["schemas"]["IntervalOut"];
export type SessionCounts = components["schemas"]["SessionOut"];
export type ReviewIn = components["schemas"]["ReviewIn"];
export type ReviewResult = components["schemas"]["ReviewResultOut"];
export type ReviewStats = components["schemas"]["ReviewStatsOut"];

export type Rating = ReviewIn["rating"];

/** The ratings in the order the API lists intervals and the keys 1 to 4 choose them. */
export const RATINGS: readonly Rating[] = ["again", "hard", "good", "easy"];

/** A card of the session, with what each rating would do when the API said so for this card. */
export interface DeckCard {
  card: Card;
  intervals: Interval[] | null;
}

export function deckCard(card: Card, intervals: Interval[] | null = null): DeckCard {
  return { card, intervals: intervals && intervals.length ? intervals : null };
}
