import { describe, expect, it } from "vitest";

import { card, intervals, timedCard } from "./fixtures";
import { withIntervals } from "./model";
import { begin, current, end, extend, MAX_DURATION_MS, rate, refreshed, reveal, summary, undo, type Session } from "./session";

const T0 = Date.parse("2025-03-01T10:00:00Z");

function started(...ids: string[]): Session {
  return begin(ids.map((id) => timedCard(id, 60, 600, 86400, 4 * 86400)), T0);
}

function rated(session: Session, rating: "again" | "hard" | "good" | "easy", id: string, at: number) {
  const effect = rate(reveal(session), rating, id, at);
  if (!effect) throw new Error("not rated");
  return effect;
}

describe("a review session", () => {
  it("shows the first card's front, then its answer", () => {
    const session = started("a", "b");
    expect(session.phase).toBe("front");
    expect(current(session)?.id).toBe("a");
    expect(reveal(session).phase).toBe("revealed");
  });

  it("with no cards is done at once", () => {
    expect(started().phase).toBe("done");
    expect(current(started())).toBeNull();
  });

  it("takes no rating before the answer is shown", () => {
    expect(rate(started("a"), "good", "r1", T0)).toBeNull();
  });

  it("moves on to the next card's front after a rating, and holds that rating", () => {
    const effect = rated(started("a", "b"), "good", "r1", T0 + 4000);
    expect(effect.session.phase).toBe("front");
    expect(current(effect.session)?.id).toBe("b");
    expect(effect.hold).toBe(true);
    expect(effect.session.held?.id).toBe("r1");
    expect(effect.released).toBeNull();
    expect(effect.rated).toMatchObject({ rating: "good", at: "2025-03-01T10:00:04.000Z", durationMs: 4000 });
  });

  it("releases the held rating when the next one is made", () => {
    const first = rated(started("a", "b", "c"), "good", "r1", T0 + 1000);
    const second = rated(first.session, "hard", "r2", T0 + 2000);
    expect(second.released?.id).toBe("r1");
    expect(second.session.held?.id).toBe("r2");
  });

  it("times each answer from when its card was shown, up to the hour the API takes", () => {
    const first = rated(started("a", "b"), "good", "r1", T0 + 1000);
    expect(rated(first.session, "good", "r2", T0 + 3500).rated.durationMs).toBe(2500);
    expect(rated(started("a"), "good", "r", T0 + 2 * MAX_DURATION_MS).rated.durationMs).toBe(MAX_DURATION_MS);
  });

  it("ends with the last rating, which is not held, and releases the one before", () => {
    const first = rated(started("a", "b"), "again", "r1", T0);
    const last = rated(first.session, "easy", "r2", T0);
    expect(last.session.phase).toBe("done");
    expect(last.hold).toBe(false);
    expect(last.session.held).toBeNull();
    expect(last.released?.id).toBe("r1");
  });

  it("undoes the held rating: the card is back with its answer shown and its intervals, and the counts go back", () => {
    const first = rated(started("a", "b"), "good", "r1", T0 + 3000);
    const back = undo(first.session);
    expect(current(back)?.id).toBe("a");
    expect(current(back)?.intervals).toHaveLength(4);
    expect(back.phase).toBe("revealed");
    expect(back.held).toBeNull();
    expect(summary(back)).toEqual({ reviewed: 0, recalled: 0, share: null });
    expect(rate(back, "hard", "r2", T0 + 5000)?.rated.durationMs).toBe(5000);
  });

  it("undoes only the last rating", () => {
    const first = rated(started("a", "b", "c"), "good", "r1", T0);
    const second = rated(first.session, "good", "r2", T0);
    const back = undo(second.session);
    expect(current(back)?.id).toBe("b");
    expect(undo(back)).toBe(back);
  });

  it("ended by the learner releases its held rating", () => {
    const first = rated(started("a", "b"), "good", "r1", T0);
    const ended = end(first.session);
    expect(ended.released?.id).toBe("r1");
    expect(ended.session.phase).toBe("done");
    expect(ended.session.held).toBeNull();
  });

  it("counts the reviews and the share recalled (all but again)", () => {
    let session = started("a", "b", "c", "d");
    for (const [n, rating] of (["again", "good", "easy", "hard"] as const).entries()) session = rated(session, rating, `r${n}`, T0).session;
    expect(summary(session)).toEqual({ reviewed: 4, recalled: 3, share: 0.75 });
  });

  it("that ran out goes on with more cards", () => {
    const done = rated(started("a"), "again", "r1", T0).session;
    const more = extend(done, [card("a", "learning")], T0 + 60_000);
    expect(more.phase).toBe("front");
    expect(current(more)?.state).toBe("learning");
    expect(summary(more).reviewed).toBe(1);
  });
});

describe("the server's pick of the next card", () => {
  const pick = (id: string) => withIntervals(card(id), intervals(30, 300, 2 * 86400, 8 * 86400));
  const secondsOf = (session: Session) => current(session)?.intervals?.map((interval) => interval.seconds);

  it("gives the card on screen its fresher intervals", () => {
    const session = started("a", "b");
    expect(secondsOf(refreshed(session, session.deck[0], pick("a")))).toEqual([30, 300, 2 * 86400, 8 * 86400]);
  });

  it("of another card leaves the session's cards and their order alone", () => {
    const session = started("a", "b");
    expect(refreshed(session, session.deck[0], pick("b"))).toBe(session);
    expect(refreshed(session, session.deck[0], pick("z"))).toBe(session);
  });

  it("is not taken once the card asked about has been rated", () => {
    const asked = started("a", "b");
    const after = rated(asked, "good", "r1", T0).session;
    expect(refreshed(after, asked.deck[0], pick("a"))).toBe(after);
  });

  it("is taken when the card asked about is back by undo, its rating unmade", () => {
    const asked = started("a", "b");
    const back = undo(rated(asked, "good", "r1", T0).session);
    expect(secondsOf(refreshed(back, asked.deck[0], pick("a")))).toEqual([30, 300, 2 * 86400, 8 * 86400]);
  });

  it("is not taken for the same card fetched anew since it was asked about", () => {
    const asked = started("a");
    const again = extend(rated(asked, "again", "r1", T0).session, [timedCard("a", 60, 600, 600, 86400)], T0 + 60_000);
    expect(refreshed(again, asked.deck[0], pick("a"))).toBe(again);
  });

  it("is ignored when there is none, it carries no intervals, or the session is done", () => {
    const session = started("a");
    expect(refreshed(session, session.deck[0], null)).toBe(session);
    expect(refreshed(session, session.deck[0], card("a"))).toBe(session);
    const done = end(session).session;
    expect(refreshed(done, session.deck[0], pick("a"))).toBe(done);
  });
});
