import { describe, expect, it } from "vitest";

import type { components } from "../../api/schema";
import { everyCard } from "./deck";

type Card = components["schemas"]["CardOut"];

const card = (front: string): Card => ({
  id: front,
  front,
  back: "",
  language: "es",
  lemma: front,
  state: "new",
  source: { kind: "scenario_run", id: "run-1", context: "" },
});

/** A deck of ``fronts`` answered ``size`` cards a page, recording each offset asked for. */
function pages(fronts: string[], size: number) {
  const offsets: number[] = [];
  const page = async (offset: number) => {
    offsets.push(offset);
    return { data: { cards: fronts.slice(offset, offset + size).map(card), has_more: offset + size < fronts.length } };
  };
  return { page, offsets };
}

describe("the cards a run named", () => {
  it("are read page after page until none follow", async () => {
    const deck = pages(["hola", "café", "la cuenta", "el postre", "gracias"], 2);
    const read = await everyCard(deck.page);
    expect(read.data?.map((c) => c.front)).toEqual(["hola", "café", "la cuenta", "el postre", "gracias"]);
    expect(deck.offsets).toEqual([0, 2, 4]);
  });

  it("are none while the deck has none from the run yet", async () => {
    expect(await everyCard(pages([], 2).page)).toEqual({ data: [] });
  });

  it("stop at an empty page even when it says more follow", async () => {
    let calls = 0;
    const read = await everyCard(async () => (calls++, { data: { cards: [], has_more: true } }));
    expect([read.data, calls]).toEqual([[], 1]);
  });

  it("fail as the page that could not be read failed", async () => {
    const refused = { error: { message: "Try again" } };
    let calls = 0;
    const page = async (offset: number) => (calls++, offset === 0 ? { data: { cards: [card("hola")], has_more: true } } : { error: refused });
    expect(await everyCard(page)).toEqual({ error: refused });
    expect(calls).toBe(2);
  });
});
