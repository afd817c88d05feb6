import { describe, expect, it } from "vitest";

import { detailsChange, detailsOf } from "./collection";
import type { Collection } from "./types";

const stored: Collection = {
  id: "c1",
  owner_id: "u1",
  name: "Travel basics",
  description: "",
  category: "",
  difficulty: "beginner",
  visibility: "private",
  learning_path: false,
  item_count: 0,
  total_minutes: 0,
  subscriber_count: 0,
  owned: true,
  subscribed: false,
  created_at: "2026-06-01T00:00:00Z",
  updated_at: "2026-06-01T00:00:00Z",
};

describe("editing a collection's details", () => {
  it("starts from its details, with an empty category as none", () => {
    expect(detailsOf(stored)).toEqual({ name: "Travel basics", description: "", category: null, difficulty: "beginner", learning_path: false });
  });

  it("sends nothing when nothing changed", () => {
    expect(detailsChange(detailsOf(stored), detailsOf(stored))).toEqual({});
  });

  it("sends only the changed fields, the name trimmed", () => {
    const before = detailsOf(stored);
    expect(detailsChange(before, { ...before, name: " Travel first steps ", category: "travel" })).toEqual({ name: "Travel first steps", category: "travel" });
  });

  it("clears a level with null", () => {
    const before = detailsOf(stored);
    expect(detailsChange(before, { ...before, difficulty: null })).toEqual({ difficulty: null });
  });

  it("does not count spaces around an unchanged name as a change", () => {
    const before = detailsOf(stored);
    expect(detailsChange(before, { ...before, name: "Travel basics  " })).toEqual({});
  });
});
