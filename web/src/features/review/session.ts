// A review session as a state machine: each card shows its front, is revealed, then rated; the
// last rating can be taken back. Pure: the page stores what it answers and acts on its effects.
//
// The API has no undo: a review it has recorded stays recorded. So the last rating is held in
// the browser (queued, but marked held and never sent) until the next rating is made or the
// session ends; Undo drops the held rating, and the card is shown again.
import type { Card, Rating } from "./model";

export type Phase = "front" | "revealed" | "done";

/** One rating the learner made: what the review queue stores and the server is sent. */
export interface Rated {
  id: string;
  card: Card;
  rating: Rating;
  /** When the learner answered, ISO 8601 in UTC. */
  at: string;
  durationMs: number;
  /** When the card had been shown (epoch ms): an undone card keeps its answering time. */
  shownAt: number;
}

export interface Session {
  phase: Phase;
  /** The cards still to review; the first is the one on screen unless the session is done. */
  deck: Card[];
  held: Rated | null;
  reviewed: number;
  recalled: number;
  shownAt: number;
}

/** A rating, and what the queue must do: store ``rated`` (held unless the session ended with
 * it) and release the rating held before it. */
export interface RateEffect {
  session: Session;
  rated: Rated;
  hold: boolean;
  released: Rated | null;
}

/** The longest answering time the API takes. */
export const MAX_DURATION_MS = 3_600_000;

export function begin(cards: Card[], now: number): Session {
  return {
    phase: cards.length ? "front" : "done",
    deck: cards,
    held: null,
    reviewed: 0,
    recalled: 0,
    shownAt: now,
  };
}

export function current(session: Session): Card | null {
  return session.phase === "done" ? null : (session.deck[0] ?? null);
}

export function reveal(session: Session): Session {
  return session.phase === "front" ? { ...session, phase: "revealed" } : session;
}

/** Rates the card on screen; null unless its answer is shown. */
export function rate(session: Session, rating: Rating, id: string, now: number): RateEffect | null {
  const card = current(session);
  if (!card || session.phase !== "revealed") return null;
  const rated: Rated = {
    id,
    card,
    rating,
    at: new Date(now).toISOString(),
    durationMs: Math.min(MAX_DURATION_MS, Math.max(0, Math.round(now - session.shownAt))),
    shownAt: session.shownAt,
  };
  const deck = session.deck.slice(1);
  const ended = deck.length === 0;
  return {
    session: {
      ...session,
      phase: ended ? "done" : "front",
      deck,
      held: ended ? null : rated,
      reviewed: session.reviewed + 1,
      recalled: session.recalled + (rating === "again" ? 0 : 1),
      shownAt: now,
    },
    rated,
    hold: !ended,
    released: session.held,
  };
}

/** Takes the held rating back: its card is on screen again, answer shown, to be rated anew. */
export function undo(session: Session): Session {
  const held = session.held;
  if (!held) return session;
  return {
    ...session,
    phase: "revealed",
    deck: [held.card, ...session.deck],
    held: null,
    reviewed: session.reviewed - 1,
    recalled: session.recalled - (held.rating === "again" ? 0 : 1),
    shownAt: held.shownAt,
  };
}

/** Ends the session: the held rating (if any) is released, to be sent. */
export function end(session: Session): { session: Session; released: Rated | null } {
  return { session: { ...session, phase: "done", deck: [], held: null }, released: session.held };
}

/** More cards for a session that ran out (learning steps that came due while reviewing). */
export function extend(session: Session, cards: Card[], now: number): Session {
  if (session.phase !== "done" || !cards.length) return session;
  return { ...session, phase: "front", deck: cards, shownAt: now };
}

/** The session with ``shown`` carrying the intervals the server gave for it now (``GET
 * …/sessions/{id}/next``, asked while ``shown`` was on screen), fresher than those fetched with
 * the session's cards. They are taken only while that very entry is on screen: a rating moves it
 * on (an undo brings the same entry back, its rating unmade, so they hold again), and a later
 * fetch brings a new entry, whose own intervals know of ratings these may not. A pick of another
 * card changes nothing: the session keeps its own cards and order. */
export function refreshed(session: Session, shown: Card, pick: Card | null): Session {
  if (!pick?.intervals?.length || pick.id !== shown.id || current(session) !== shown) return session;
  return { ...session, deck: [{ ...shown, intervals: pick.intervals }, ...session.deck.slice(1)] };
}

export interface Summary {
  reviewed: number;
  recalled: number;
  /** The share of reviews recalled (not "again"), 0 to 1; null before the first. */
  share: number | null;
}

export function summary(session: Session): Summary {
  return {
    reviewed: session.reviewed,
    recalled: session.recalled,
    share: session.reviewed ? session.recalled / session.reviewed : null,
  };
}
