import { describe, expect, it } from "vitest";

import { hrefOf, shareLink, titleOf } from "./items";

describe("an item's title", () => {
  const item = { titles: { es: "Pedir comida", en: "Ordering food" }, languages: ["es", "en"] };

  it("is in the interface language when the item has it", () => {
    expect(titleOf(item, "en")).toBe("Ordering food");
  });

  it("falls back to the item's first language, then to any title", () => {
    expect(titleOf(item, "fr")).toBe("Pedir comida");
    expect(titleOf({ titles: { de: "Essen bestellen" }, languages: [] }, "fr")).toBe("Essen bestellen");
  });

  it("is missing for a removed item, which keeps no title", () => {
    expect(titleOf({ titles: {} }, "en")).toBeNull();
  });
});

describe("where an item leads", () => {
  it("opens a scenario, a document or a collection at its page", () => {
    expect(hrefOf({ kind: "scenario", id: "ordering-food" })).toBe("/scenarios/ordering-food");
    expect(hrefOf({ kind: "document", id: "d1" })).toBe("/documents/d1");
    expect(hrefOf({ kind: "collection", id: "c1" })).toBe("/collections/c1");
  });

  it("shares a collection by its page's full address", () => {
    expect(shareLink("https://parla.example", "c1")).toBe("https://parla.example/collections/c1");
  });
});
