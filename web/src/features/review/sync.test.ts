import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";

import { review } from "./fixtures";
import type { ReviewIn, ReviewResult } from "./model";
import { openQueue, type ReviewQueue } from "./queue";
import { createSync, MAX_SYNC, type Sent } from "./sync";

let databases = 0;
async function queueOf(...ids: string[]): Promise<ReviewQueue> {
  databases += 1;
  const queue = await openQueue(`sync-test-${databases}`);
  for (const [n, id] of ids.entries()) await queue.add(review(id, new Date(Date.UTC(2025, 2, 1, 10, 0, n)).toISOString()));
  return queue;
}

/** A server like the API's: it records each review id once and answers "duplicate" after. */
function server() {
  const recorded = new Set<string>();
  const requests: string[][] = [];
  let mode: "answer" | "unreachable" | "refuse" | "loseAnswer" = "answer";
  const conflicts = new Set<string>();
  async function send(reviews: ReviewIn[]): Promise<Sent> {
    requests.push(reviews.map((item) => item.client_review_id));
    await Promise.resolve();
    if (mode === "unreachable") throw new TypeError("Failed to fetch");
    if (mode === "refuse") return { ok: false, offline: false, message: "the review service did not answer in time" };
    const results: ReviewResult[] = reviews.map(({ client_review_id: id }) => {
      if (conflicts.has(id)) return { client_review_id: id, status: "conflict", conflict: "this card is not in your deck" };
      const status = recorded.has(id) ? "duplicate" : "applied";
      recorded.add(id);
      return { client_review_id: id, status };
    });
    if (mode === "loseAnswer") throw new TypeError("network connection was lost");
    return { ok: true, results };
  }
  return {
    send,
    requests,
    recorded,
    conflicts,
    set(next: typeof mode) {
      mode = next;
    },
  };
}

async function ids(queue: ReviewQueue): Promise<string[]> {
  return (await queue.all()).map((item) => item.client_review_id);
}

describe("syncing the queue", () => {
  it("sends the queued reviews and removes those the server acknowledged", async () => {
    const queue = await queueOf("r1", "r2");
    const api = server();
    const report = await createSync(queue, api.send).run();
    expect(api.requests).toEqual([["r1", "r2"]]);
    expect(report).toMatchObject({ sent: 2, acknowledged: 2, failure: null });
    expect(await ids(queue)).toEqual([]);
  });

  it("keeps every review when the server cannot be reached, and says it is offline", async () => {
    const queue = await queueOf("r1", "r2");
    const api = server();
    api.set("unreachable");
    const report = await createSync(queue, api.send).run();
    expect(report.failure?.offline).toBe(true);
    expect(await ids(queue)).toEqual(["r1", "r2"]);
  });

  it("keeps every review when the server refuses the batch, with its message", async () => {
    const queue = await queueOf("r1");
    const api = server();
    api.set("refuse");
    const report = await createSync(queue, api.send).run();
    expect(report.failure).toEqual({ offline: false, message: "the review service did not answer in time" });
    expect(await ids(queue)).toEqual(["r1"]);
  });

  it("sends a review again with the same id after a request failed, and the server records it once", async () => {
    const queue = await queueOf("r1");
    const api = server();
    const sync = createSync(queue, api.send);
    api.set("loseAnswer");
    expect((await sync.run()).failure?.offline).toBe(true);
    expect(await ids(queue)).toEqual(["r1"]);
    api.set("answer");
    expect((await sync.run()).acknowledged).toBe(1);
    expect(api.requests).toEqual([["r1"], ["r1"]]);
    expect([...api.recorded]).toEqual(["r1"]);
    expect(await ids(queue)).toEqual([]);
  });

  it("removes only the reviews the server answered for", async () => {
    const queue = await queueOf("r1", "r2");
    const partial = async (reviews: ReviewIn[]): Promise<Sent> => ({
      ok: true,
      results: [{ client_review_id: reviews[0].client_review_id, status: "applied" }, { client_review_id: "not-sent", status: "applied" }],
    });
    const report = await createSync(queue, partial).run();
    expect(report.acknowledged).toBe(1);
    expect(await ids(queue)).toEqual(["r2"]);
  });

  it("drops a review the server will never apply, and reports why", async () => {
    const queue = await queueOf("r1", "r2");
    const api = server();
    api.conflicts.add("r1");
    const report = await createSync(queue, api.send).run();
    expect(report.conflicts).toEqual(["this card is not in your deck"]);
    expect(await ids(queue)).toEqual([]);
  });

  it("never sends a held review", async () => {
    const queue = await queueOf("r1");
    await queue.add(review("held", "2025-03-01T11:00:00.000Z", true));
    const api = server();
    await createSync(queue, api.send).run();
    expect(api.requests).toEqual([["r1"]]);
    expect(await ids(queue)).toEqual(["held"]);
  });

  it("run twice at once never sends a review twice, and sends what was queued meanwhile", async () => {
    const queue = await queueOf("r1", "r2");
    const api = server();
    const sync = createSync(queue, api.send);
    const first = sync.run();
    await queue.add(review("r3", "2025-03-01T11:00:00.000Z"));
    const second = sync.run();
    const third = sync.run();
    await Promise.all([first, second, third]);
    const sent = api.requests.flat();
    expect(sent.sort()).toEqual(["r1", "r2", "r3"]);
    expect(await ids(queue)).toEqual([]);
  });

  it("sends at most the API's limit per request", async () => {
    const many = Array.from({ length: MAX_SYNC + 5 }, (_, n) => `r${n}`);
    const queue = await queueOf(...many);
    const api = server();
    const report = await createSync(queue, api.send).run();
    expect(api.requests.map((request) => request.length)).toEqual([MAX_SYNC, 5]);
    expect(report.acknowledged).toBe(MAX_SYNC + 5);
  });
});
