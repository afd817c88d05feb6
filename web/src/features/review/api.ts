// The review API calls the page makes, each answering in the feature's terms.
import { api } from "../../api/client";
import { t } from "../../i18n";
import { problem } from "../../pages/problem";
import type { Answer } from "../../ui/load";
import { BATCH, withinLimits, withoutCards } from "./deck";
import { withIntervals, type Card, type ReviewIn, type ReviewStats } from "./model";
import type { Sent } from "./sync";

/** An API call's answer, or why there is none: ``offline`` when the server could not be reached
 * (the session then goes on from its cards), else the API's message. */
export type Result<T> = { ok: true; data: T } | { ok: false; offline: boolean; message: string };

async function call<T>(request: Promise<Answer<T>>): Promise<Result<T>> {
  try {
    const { data, error } = await request;
    if (error !== undefined || data === undefined) return { ok: false, offline: false, message: problem(error) };
    return { ok: true, data };
  } catch {
    return { ok: false, offline: true, message: t("error.network") };
  }
}

export async function sendReviews(reviews: ReviewIn[]): Promise<Sent> {
  const answer = await call(api.POST("/api/v1/reviews/sync", { body: { reviews } }));
  return answer.ok ? { ok: true, results: answer.data.results } : answer;
}

export interface Start {
  sessionId: string;
  cards: Card[];
  /** Due cards the session leaves out (today's limits reached), for the empty state. */
  heldBack: number;
}

/** Starts a session and fetches its due cards up front, each with its intervals (so they show
 * offline too), within today's limits and without the cards whose reviews are still waiting in
 * ``unsynced`` (card ids). */
export async function startSession(unsynced: ReadonlySet<string>): Promise<Result<Start>> {
  const [session, due] = await Promise.all([
    call(api.POST("/api/v1/review/sessions", { body: {} })),
    call(api.GET("/api/v1/review/due", { params: { query: { limit: BATCH, intervals: true } } })),
  ]);
  if (!session.ok) return session;
  if (!due.ok) return due;
  const fresh = withoutCards(due.data.cards, unsynced);
  const cards = withinLimits(fresh, session.data);
  const heldBack = Math.max(0, due.data.total_due - (due.data.cards.length - fresh.length) - cards.length);
  return { ok: true, data: { sessionId: session.data.id, cards, heldBack } };
}

/** The card the server would show next, carrying what each rating would do with it now; null
 * when it has none for today. */
export async function nextCard(sessionId: string): Promise<Result<Card | null>> {
  const answer = await call(api.GET("/api/v1/review/sessions/{session_id}/next", { params: { path: { session_id: sessionId } } }));
  if (!answer.ok) return answer;
  const { card, intervals } = answer.data;
  return { ok: true, data: card ? withIntervals(card, intervals ?? []) : null };
}

export async function reviewStats(): Promise<ReviewStats | null> {
  const answer = await call(api.GET("/api/v1/review/stats"));
  return answer.ok ? answer.data : null;
}
