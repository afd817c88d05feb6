// Which due cards a session holds, and what to say when there are none.
import type { Card, ReviewStats, SessionCounts } from "./model";
import type { Notice } from "./plural";

/** The most due cards fetched up front, each with its intervals: the session goes on from them,
 * intervals shown, when the connection drops. */
export const BATCH = 200;

/** The due cards (most overdue first) a session may show today: ``GET /review/due`` ignores the
 * daily limits that ``POST /review/sessions`` counts in, so each kind of card is cut to its count. */
export function withinLimits(cards: Card[], counts: Pick<SessionCounts, "new_available" | "review_due" | "learning_due">): Card[] {
  const left = { new: counts.new_available, review: counts.review_due, learning: counts.learning_due };
  return cards.filter((card) => {
    const kind = card.state === "new" ? "new" : card.state === "review" ? "review" : "learning";
    if (left[kind] <= 0) return false;
    left[kind] -= 1;
    return true;
  });
}

/** ``cards`` without those in ``left`` (card ids): cards rated in this browser whose reviews have
 * not reached the server yet, which it still lists as due. */
export function withoutCards(cards: Card[], left: ReadonlySet<string>): Card[] {
  return cards.filter((card) => !left.has(card.id));
}

/** Why nothing is due, and when the next cards are, as the API tells it: cards held back by the
 * daily limits, else the soonest of today, tomorrow, the week (the API counts cards per day; it
 * gives no time for the next one). */
export function nothingDue(totalDue: number, stats: ReviewStats | null): Notice {
  if (totalDue > 0) return { counted: "review.empty.limited", count: totalDue };
  if (!stats) return { key: "review.empty.unknown" };
  if (stats.due_today > 0) return { counted: "review.empty.laterToday", count: stats.due_today };
  if (stats.due_tomorrow > 0) return { counted: "review.empty.tomorrow", count: stats.due_tomorrow };
  if (stats.due_this_week > 0) return { counted: "review.empty.thisWeek", count: stats.due_this_week };
  return { key: "review.empty.notThisWeek" };
}
