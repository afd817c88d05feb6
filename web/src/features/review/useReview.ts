// The review page's behaviour: loading a session, rating through the queue, undo, going on
// offline, and asking for more cards when the loaded ones run out. The rules themselves are in
// session.ts, deck.ts, queue.ts and sync.ts.
import { useEffect, useRef, useState } from "preact/hooks";

import { tokens } from "../../api/client";
import { t } from "../../i18n";
import { nextCard, reviewStats, startSession, type Start } from "./api";
import { nothingDue } from "./deck";
import { queueName } from "./learner";
import type { Card, Rating } from "./model";
import { openOutbox, type Outbox } from "./outbox";
import { tn, type Notice } from "./plural";
import type { QueuedReview } from "./queue";
import * as rules from "./session";
import type { Rated, Session } from "./session";

export type View = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "empty"; notice: Notice } | { kind: "session" };

/** Where focus goes after an action, so a keyboard or screen-reader user follows the card (a new
 * object each time: moving focus to the same place again is a change too). */
export type Focus = { to: "show" | "answer" | "heading" } | null;

export interface Review {
  view: View;
  session: Session | null;
  outbox: Outbox | null;
  refilling: boolean;
  announcement: string;
  problem: string | null;
  focus: Focus;
  reveal(): void;
  rate(rating: Rating): Promise<void>;
  undo(): Promise<void>;
  reload(): void;
}

function queued(rated: Rated, sessionId: string | null, held: boolean): QueuedReview {
  return {
    client_review_id: rated.id,
    card_id: rated.card.id,
    rating: rated.rating,
    reviewed_at: rated.at,
    duration_ms: rated.durationMs,
    session_id: sessionId,
    held,
  };
}

async function unsyncedCards(box: Outbox): Promise<Set<string>> {
  return new Set((await box.queue.all()).map((review) => review.card_id));
}

export function useReview(): Review {
  const [view, setView] = useState<View>({ kind: "loading" });
  const [session, setSession] = useState<Session | null>(null);
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [refilling, setRefilling] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [focus, setFocus] = useState<Focus>(null);
  const [round, setRound] = useState(0);
  const current = useRef<Session | null>(null);
  const sessionId = useRef<string | null>(null);
  const busy = useRef(false);

  function commit(next: Session) {
    current.current = next;
    setSession(next);
  }

  async function begin(box: Outbox, start: Start) {
    sessionId.current = start.sessionId;
    if (!start.cards.length) {
      setView({ kind: "empty", notice: nothingDue(start.heldBack, await reviewStats()) });
    } else {
      commit(rules.begin(start.cards, Date.now()));
      setView({ kind: "session" });
      void peek(box);
    }
    // After "Check again" or "Start another session", whose button is gone: focus goes on.
    if (round > 0) setFocus({ to: start.cards.length ? "show" : "heading" });
  }

  /** Asks the server for the card it would show now: its answer tells whether the server can be
   * reached, and gives fresher intervals when its pick is the card on screen. */
  async function peek(box: Outbox) {
    const id = sessionId.current;
    const shown = current.current && rules.current(current.current);
    if (!id || !shown) return;
    const next = await nextCard(id);
    box.reachable(next.ok || !next.offline);
    if (next.ok && current.current) commit(rules.refreshed(current.current, shown, next.data));
  }

  /** When the loaded cards run out: learning steps may have come due while reviewing. */
  async function refill(box: Outbox) {
    setRefilling(true);
    const cards = await moreCards(box);
    if (cards.length && current.current) {
      commit(rules.extend(current.current, cards, Date.now()));
      setAnnouncement(tn("review.left", cards.length));
    }
    setRefilling(false);
    setFocus({ to: cards.length ? "show" : "heading" });
  }

  /** More cards, asked for only once every review is in: what is due depends on them. */
  async function moreCards(box: Outbox): Promise<Card[]> {
    await box.kick();
    const unsynced = await unsyncedCards(box);
    if (box.status.value.offline || unsynced.size) return [];
    const start = await startSession(unsynced);
    if (!start.ok) return [];
    sessionId.current = start.data.sessionId;
    if (start.data.cards.length) return start.data.cards;
    const next = await nextCard(start.data.sessionId);
    return next.ok && next.data ? [next.data] : [];
  }

  useEffect(() => {
    let live = true;
    let opened: Outbox | null = null;
    current.current = null;
    setSession(null);
    setView({ kind: "loading" });
    (async () => {
      const box = await openOutbox(queueName(tokens.value?.access ?? ""));
      opened = box;
      if (!live) return box.stop();
      setOutbox(box);
      // Holds left by an earlier page (reloaded or closed) belong to sessions that are over.
      await box.queue.releaseAll();
      await box.kick();
      const start = await startSession(await unsyncedCards(box));
      if (!live) return;
      box.reachable(start.ok || !start.offline);
      if (start.ok) await begin(box, start.data);
      else setView({ kind: "failed", message: start.message });
    })().catch(() => live && setView({ kind: "failed", message: t("review.storageFailed") }));
    return () => {
      live = false;
      const box = opened;
      if (!box) return;
      box.stop();
      // Leaving the page ends the session: its held rating is sent.
      const released = current.current && rules.end(current.current).released;
      if (released) void box.queue.release(released.id).then(() => box.kick());
    };
  }, [round]);

  async function rate(rating: Rating) {
    const box = outbox;
    const before = current.current;
    const effect = before && rules.rate(before, rating, crypto.randomUUID(), Date.now());
    if (!box || !effect || busy.current) return;
    busy.current = true;
    try {
      await box.queue.add(queued(effect.rated, sessionId.current, effect.hold));
    } catch {
      busy.current = false;
      setProblem(t("review.storageFailed"));
      return;
    }
    // Only fresher intervals for the rated card can have come in meanwhile: the rating moves past it.
    commit(effect.session);
    // The next card is on screen and may be rated at once: releasing the previous rating for
    // sending concerns that rating alone, so it does not keep the page busy.
    busy.current = false;
    if (effect.released) await box.queue.release(effect.released.id);
    setProblem(null);
    setAnnouncement(tn("review.rated", effect.session.deck.length, { rating: t(`review.rating.${rating}`) }));
    void box.kick();
    if (effect.session.phase === "done") return refill(box);
    setFocus({ to: "show" });
    void peek(box);
  }

  async function undo() {
    const box = outbox;
    const held = current.current?.held;
    if (!box || !held || busy.current) return;
    busy.current = true;
    const taken = await box.queue.takeBack(held.id);
    busy.current = false;
    if (!current.current) return;
    if (taken) {
      commit(rules.undo(current.current));
      setProblem(null);
      setAnnouncement(t("review.undone"));
      setFocus({ to: "answer" });
    } else {
      commit({ ...current.current, held: null });
      setProblem(t("review.undoGone"));
    }
    void box.kick();
  }

  return {
    view,
    session,
    outbox,
    refilling,
    announcement,
    problem,
    focus,
    reveal() {
      if (!current.current || current.current.phase !== "front") return;
      commit(rules.reveal(current.current));
      setFocus({ to: "answer" });
    },
    rate,
    undo,
    reload() {
      setProblem(null);
      setRound((n) => n + 1);
    },
  };
}
