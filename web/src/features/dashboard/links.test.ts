import { describe, expect, it } from "vitest";

import { categoryHref, effectHref, wordHref } from "./links";

describe("links from the dashboard", () => {
  it("search discover for a missed word in its language", () => {
    expect(wordHref("la cuenta", "es")).toBe("/discover?language=es&q=la+cuenta&search=1");
  });

  it("search discover for a weak category", () => {
    expect(categoryHref("daily_life")).toBe("/discover?category=daily_life&search=1");
  });

  it("open the scenario or the document that helped", () => {
    expect(effectHref({ kind: "scenario", subject_id: "ordering food", skill: "conversation" })).toBe("/scenarios/ordering%20food");
    expect(effectHref({ kind: "content", subject_id: "d1", skill: "comprehension" })).toBe("/documents/d1");
  });
});
