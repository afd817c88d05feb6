import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";

import { review } from "./fixtures";
import { openQueue, toReviewIn } from "./queue";

let databases = 0;
function freshName(): string {
  databases += 1;
  return `queue-test-${databases}`;
}

describe("the review queue", () => {
  it("keeps its reviews across a reload", async () => {
    const name = freshName();
    const before = await openQueue(name);
    await before.add(review("r1", "2025-03-01T10:00:00.000Z"));
    before.close();
    const after = await openQueue(name);
    expect((await after.all()).map((item) => item.client_review_id)).toEqual(["r1"]);
  });

  it("offers the reviews that may be sent oldest first, up to a limit, never a held one", async () => {
    const queue = await openQueue(freshName());
    await queue.add(review("late", "2025-03-01T10:05:00.000Z"));
    await queue.add(review("early", "2025-03-01T10:01:00.000Z"));
    await queue.add(review("middle", "2025-03-01T10:03:00.000Z"));
    await queue.add(review("held", "2025-03-01T10:00:00.000Z", true));
    expect((await queue.ready(10)).map((item) => item.client_review_id)).toEqual(["early", "middle", "late"]);
    expect((await queue.ready(2)).map((item) => item.client_review_id)).toEqual(["early", "middle"]);
  });

  it("lets a released review be sent", async () => {
    const queue = await openQueue(freshName());
    await queue.add(review("r1", "2025-03-01T10:00:00.000Z", true));
    await queue.release("r1");
    expect((await queue.ready(10)).map((item) => item.client_review_id)).toEqual(["r1"]);
  });

  it("releases every held review at once", async () => {
    const queue = await openQueue(freshName());
    await queue.add(review("r1", "2025-03-01T10:00:00.000Z", true));
    await queue.add(review("r2", "2025-03-01T10:01:00.000Z", true));
    await queue.releaseAll();
    expect(await queue.ready(10)).toHaveLength(2);
  });

  it("takes back a held review, but not one released", async () => {
    const queue = await openQueue(freshName());
    await queue.add(review("held", "2025-03-01T10:00:00.000Z", true));
    await queue.add(review("released", "2025-03-01T10:01:00.000Z", true));
    await queue.release("released");
    expect(await queue.takeBack("held")).toBe(true);
    expect(await queue.takeBack("released")).toBe(false);
    expect(await queue.takeBack("unknown")).toBe(false);
    expect((await queue.all()).map((item) => item.client_review_id)).toEqual(["released"]);
  });

  it("removes only the reviews named", async () => {
    const queue = await openQueue(freshName());
    await queue.add(review("r1", "2025-03-01T10:00:00.000Z"));
    await queue.add(review("r2", "2025-03-01T10:01:00.000Z"));
    await queue.remove(["r1", "unknown"]);
    expect((await queue.all()).map((item) => item.client_review_id)).toEqual(["r2"]);
  });

  it("sends a review with its own id and time, and without the hold", () => {
    expect(toReviewIn(review("r1", "2025-03-01T10:00:00.000Z", true))).toEqual({
      client_review_id: "r1",
      card_id: "card-r1",
      rating: "good",
      reviewed_at: "2025-03-01T10:00:00.000Z",
      duration_ms: 1200,
      session_id: null,
    });
  });
});
