import { describe, expect, it } from "vitest";

import type { Outcome } from "../../ui/load";
import { optimisticQueue } from "./optimistic";

/** A save that answers only when the test says so. */
function pending<T>() {
  let answer: (outcome: Outcome<T>) => void = () => undefined;
  const promise = new Promise<Outcome<T>>((resolve) => (answer = resolve));
  return { save: () => promise, answer };
}

function watch(initial: string[]) {
  const shown: string[][] = [];
  const refusals: string[] = [];
  const queue = optimisticQueue(initial, (value) => shown.push(value), (message) => refusals.push(message));
  return { queue, shown, refusals, last: () => shown[shown.length - 1] };
}

describe("an optimistic change", () => {
  it("tells whoever made it, and whoever made the changes dropped after it, that it was refused", async () => {
    const { queue } = watch(["a"]);
    const told: string[] = [];
    queue.apply({ next: ["1"], save: async () => ({ ok: false, message: "no" }), refused: () => told.push("first") });
    queue.apply({ next: ["2"], save: async () => ({ ok: true, data: ["2"] }), refused: () => told.push("second") });
    await queue.settled();
    expect(told).toEqual(["first", "second"]);
  });

  it("is shown at once, before the server answers", () => {
    const { queue, last } = watch(["a", "b"]);
    queue.apply({ next: ["b", "a"], save: pending<string[]>().save });
    expect(last()).toEqual(["b", "a"]);
    expect(queue.busy).toBe(true);
  });

  it("is replaced by the server's answer once saved, which becomes the confirmed value", async () => {
    const { queue, last } = watch(["a", "b"]);
    queue.apply({ next: ["b", "a"], save: async () => ({ ok: true, data: ["b", "a", "server"] }) });
    await queue.settled();
    expect(last()).toEqual(["b", "a", "server"]);
    expect(queue.confirmed).toEqual(["b", "a", "server"]);
    expect(queue.busy).toBe(false);
  });

  it("tells whoever made it once it is saved, with the server's answer", async () => {
    const { queue } = watch(["a"]);
    const told: string[][] = [];
    queue.apply({ next: ["a"], save: async () => ({ ok: true, data: ["renamed"] }), saved: (value) => told.push(value) });
    await queue.settled();
    expect(told).toEqual([["renamed"]]);
  });

  it("is rolled back to the confirmed value when refused, with the server's message", async () => {
    const { queue, last, refusals } = watch(["a", "b"]);
    queue.apply({ next: ["b", "a"], save: async () => ({ ok: false, message: "The collection changed meanwhile" }) });
    await queue.settled();
    expect(last()).toEqual(["a", "b"]);
    expect(refusals).toEqual(["The collection changed meanwhile"]);
  });

  it("is saved only after the one before it was answered, so the server sees them in order", async () => {
    const { queue } = watch(["a"]);
    const first = pending<string[]>();
    const sent: string[] = [];
    queue.apply({ next: ["1"], save: () => (sent.push("1"), first.save()) });
    queue.apply({ next: ["2"], save: async () => (sent.push("2"), { ok: true, data: ["2"] }) });
    await Promise.resolve();
    expect(sent).toEqual(["1"]);
    first.answer({ ok: true, data: ["1"] });
    await queue.settled();
    expect(sent).toEqual(["1", "2"]);
    expect(queue.confirmed).toEqual(["2"]);
  });

  it("sends only the latest of a quick run of changes with the same key", async () => {
    const { queue, last } = watch(["a"]);
    const first = pending<string[]>();
    const sent: string[] = [];
    const save = (value: string) => async () => (sent.push(value), { ok: true as const, data: [value] });
    queue.apply({ next: ["1"], save: () => (sent.push("1"), first.save()), key: "order" });
    queue.apply({ next: ["2"], save: save("2"), key: "order" });
    queue.apply({ next: ["3"], save: save("3"), key: "order" });
    expect(last()).toEqual(["3"]);
    first.answer({ ok: true, data: ["1"] });
    await queue.settled();
    expect(sent).toEqual(["1", "3"]);
    expect(last()).toEqual(["3"]);
  });

  it("keeps the newer change on screen while an older one is answered", async () => {
    const { queue, last } = watch(["a"]);
    const first = pending<string[]>();
    const second = pending<string[]>();
    queue.apply({ next: ["1"], save: first.save });
    queue.apply({ next: ["2"], save: second.save });
    first.answer({ ok: true, data: ["1"] });
    await Promise.resolve();
    await Promise.resolve();
    expect(last()).toEqual(["2"]);
    second.answer({ ok: true, data: ["2"] });
    await queue.settled();
  });

  it("drops the changes queued after a refused one and rolls back to the last confirmed value", async () => {
    const { queue, last, refusals } = watch(["a"]);
    const first = pending<string[]>();
    let laterSent = false;
    queue.apply({ next: ["1"], save: first.save });
    queue.apply({ next: ["2"], save: async () => ((laterSent = true), { ok: true, data: ["2"] }) });
    first.answer({ ok: false, message: "refused" });
    await queue.settled();
    expect(laterSent).toBe(false);
    expect(last()).toEqual(["a"]);
    expect(refusals).toEqual(["refused"]);
  });
});
