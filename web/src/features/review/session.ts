// A review session as a state machine: each card shows its front, is revealed, then rated; the
// last rating can be taken back. Pure: the page stores what it answers and acts on its effects.
//
// The API has no undo: a review it has recorded stays recorded. So the last rating is held in
// the browser (queued, but marked held and never sent) until the next rating is made or the
// session ends; Undo drops the held rating, and the card is shown again.
import { deckCard, type DeckCard, type Interval, type Rating } from "./model";

export type Phase = "front" | "revealed" | "done";

/** One rating the learner made: what the review queue stores and the server is sent. */
export interface Rated {
  id: string;
  card: DeckCard;
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
  deck: DeckCard[];
  held: Rated | null;
  reviewed: number;
  recalled: number;
  shownAt: number;
  /** How many ratings were made, and at which count each card was last rated: an answer of the
   * server asked for before a card's rating cannot know of it (see ``peeked``). */
  ratings: number;
  lastRated: Record<string, number>;
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

export function begin(cards: DeckCard[], now: number): Session {
  return {
    phase: cards.length ? "front" : "done",
    deck: cards,
    held: null,
    reviewed: 0,
    recalled: 0,
    shownAt: now,
    ratings: 0,
    lastRated: {},
  };
}

export function current(session: Session): DeckCard | null {
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
  const ratings = session.ratings + 1;
  return {
    session: {
      ...session,
      phase: ended ? "done" : "front",
      deck,
      held: ended ? null : rated,
      reviewed: session.reviewed + 1,
      recalled: session.recalled + (rating === "again" ? 0 : 1),
      shownAt: now,
      ratings,
      lastRated: { ...session.lastRated, [card.card.id]: ratings },
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
export function extend(session: Session, cards: DeckCard[], now: number): Session {
  if (session.phase !== "done" || !cards.length) return session;
  return { ...session, phase: "front", deck: cards, shownAt: now };
}

/** What the server picked as the card to show next (``GET …/sessions/{id}/next``), placed in the
 * deck with its intervals: the API gives intervals only for that pick. The pick is ignored when
 * the server cannot yet know the card's latest rating: one still in the queue when it was asked
 * (``unsyncedWhenAsked``, card ids), or made after it was asked (``askedAt``, a rating count). */
export function peeked(
  session: Session,
  pick: { card: DeckCard["card"]; intervals: Interval[] } | null,
  askedAt: number,
  unsyncedWhenAsked: ReadonlySet<string>,
): Session {
  if (!pick || session.phase === "done") return session;
  const id = pick.card.id;
  if (unsyncedWhenAsked.has(id) || (session.lastRated[id] ?? 0) > askedAt) return session;
  const [onScreen, ...rest] = session.deck;
  const picked = deckCard(pick.card, pick.intervals);
  if (onScreen.card.id === id) return { ...session, deck: [{ ...onScreen, intervals: picked.intervals }, ...rest] };
  // Next rather than now: the learner may already be reading the card on screen.
  return { ...session, deck: [onScreen, picked, ...rest.filter((entry) => entry.card.id !== id)] };
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
