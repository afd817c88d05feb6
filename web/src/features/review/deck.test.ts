import { describe, expect, it } from "vitest";

import { nothingDue, withinLimits, withoutCards } from "./deck";
import { card } from "./fixtures";
import type { ReviewStats } from "./model";
import { noticeText } from "./plural";

function stats(due_today: number, due_tomorrow: number, due_this_week: number): ReviewStats {
  return { due_today, due_tomorrow, due_this_week, reviews_per_day: [], mature_reviews: 0, desired_retention: 0.9, stability: [], calibration: [] };
}

describe("the cards a session holds", () => {
  it("keep the due order and stay within today's limits for each kind of card", () => {
    const due = [card("n1", "new"), card("r1"), card("l1", "learning"), card("n2", "new"), card("r2"), card("x1", "relearning")];
    const kept = withinLimits(due, { new_available: 1, review_due: 1, learning_due: 5 });
    expect(kept.map((entry) => entry.id)).toEqual(["n1", "r1", "l1", "x1"]);
  });

  it("leave out cards whose reviews have not reached the server", () => {
    expect(withoutCards([card("a"), card("b")], new Set(["a"])).map((entry) => entry.id)).toEqual(["b"]);
  });
});

describe("when nothing is due", () => {
  it("says cards wait behind today's limits before anything else", () => {
    expect(noticeText(nothingDue(3, stats(5, 1, 9)), "en")).toBe("You have reached today's limits: 3 due cards wait for tomorrow.");
  });

  it("says when the next cards are due: later today, else tomorrow, else this week", () => {
    expect(noticeText(nothingDue(0, stats(2, 1, 9)), "en")).toBe("2 more cards are due later today.");
    expect(noticeText(nothingDue(0, stats(0, 1, 9)), "en")).toBe("1 card is due tomorrow.");
    expect(noticeText(nothingDue(0, stats(0, 0, 4)), "es")).toBe("En los próximos 7 días te tocan 4 tarjetas.");
    expect(noticeText(nothingDue(0, stats(0, 0, 0)), "en")).toBe("No cards are due in the next 7 days.");
  });

  it("without the numbers, says to come back later", () => {
    expect(noticeText(nothingDue(0, null), "en")).toBe("Come back later for your next cards.");
  });
});
