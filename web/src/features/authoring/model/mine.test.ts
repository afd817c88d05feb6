import { describe, expect, it } from "vitest";

import { isPublished, mergeListings, type Listing } from "./mine";

const listing = (id: string, language: string): Listing => ({
  id,
  language,
  languages: ["en", "es"],
  author: "u1",
  visibility: "private",
  title: `${id} (${language})`,
  description: "",
  category: "travel",
  difficulty: "beginner",
  estimated_minutes: 10,
});

describe("the learner's own scenarios", () => {
  it("show each scenario once, though the catalogue lists it once per language", () => {
    const merged = mergeListings([], [listing("a", "en"), listing("a", "es"), listing("b", "es")]);
    expect(merged.map((item) => item.title)).toEqual(["a (en)", "b (es)"]);
  });

  it("keep what an earlier page showed when the next one repeats a scenario", () => {
    const first = mergeListings([], [listing("a", "en")]);
    expect(mergeListings(first, [listing("a", "es"), listing("c", "en")]).map((item) => item.id)).toEqual(["a", "c"]);
  });

  it("tell published ones from private drafts", () => {
    expect(isPublished({ visibility: "public" })).toBe(true);
    expect(isPublished({ visibility: "private" })).toBe(false);
  });
});
