import { describe, expect, it } from "vitest";

import { itemKey, moveDown, moveItem, moveUp, orderOf, renumber } from "./order";
import type { CollectionItem } from "./types";

const letters = ["a", "b", "c", "d"];

function entry(id: string, position: number, kind = "scenario"): CollectionItem {
  return { position, item: { ref: { kind, id }, titles: { en: id.toUpperCase() } } };
}

describe("moving an item", () => {
  it("takes it out of its place and puts it at the target index", () => {
    expect(moveItem(letters, 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(letters, 3, 1)).toEqual(["a", "d", "b", "c"]);
  });

  it("clamps a target beyond either end to that end", () => {
    expect(moveItem(letters, 1, 99)).toEqual(["a", "c", "d", "b"]);
    expect(moveItem(letters, 2, -5)).toEqual(["c", "a", "b", "d"]);
  });

  it("answers the very same list when nothing moves, so no save is needed", () => {
    expect(moveItem(letters, 2, 2)).toBe(letters);
    expect(moveItem(letters, 7, 0)).toBe(letters);
  });

  it("never changes the list it was given", () => {
    moveItem(letters, 0, 3);
    expect(letters).toEqual(["a", "b", "c", "d"]);
  });

  it("moves up and down by one, and not past the ends", () => {
    expect(moveUp(letters, 2)).toEqual(["a", "c", "b", "d"]);
    expect(moveDown(letters, 1)).toEqual(["a", "c", "b", "d"]);
    expect(moveUp(letters, 0)).toBe(letters);
    expect(moveDown(letters, 3)).toBe(letters);
  });
});

describe("the order sent to the API", () => {
  it("lists every item by kind and id in the shown order", () => {
    const items = [entry("b", 1), entry("doc-1", 0, "document")];
    expect(orderOf(items)).toEqual([
      { kind: "scenario", id: "b" },
      { kind: "document", id: "doc-1" },
    ]);
  });

  it("renumbers positions from 0 after a move, as the API would", () => {
    const moved = moveItem([entry("a", 0), entry("b", 1), entry("c", 2)], 2, 0);
    expect(renumber(moved).map((e) => [e.item.ref.id, e.position])).toEqual([
      ["c", 0],
      ["a", 1],
      ["b", 2],
    ]);
  });

  it("keys an item by its kind and id, so a scenario and a document with the same id differ", () => {
    expect(itemKey(entry("x", 0).item)).not.toBe(itemKey(entry("x", 0, "document").item));
  });
});
