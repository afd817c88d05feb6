import { describe, expect, it } from "vitest";

import { changes } from "./Profile";

const stored = {
  id: "u1",
  email: "ana@example.com",
  display_name: "Ana",
  roles: ["learner"],
  native_language: "en",
  target_languages: ["es"],
  level: "beginner",
  timezone: "Europe/Madrid",
  leaderboard_opt_in: false,
  created_at: "2026-06-01T00:00:00Z",
};

describe("a profile change", () => {
  it("is empty when nothing differs, so nothing is sent", () => {
    expect(changes(stored, { ...stored })).toEqual({});
  });

  it("carries only the fields that differ", () => {
    expect(changes(stored, { ...stored, timezone: "Asia/Tokyo", leaderboard_opt_in: true })).toEqual({
      timezone: "Asia/Tokyo",
      leaderboard_opt_in: true,
    });
  });

  it("clears the native language with null, and sends the whole list of target languages", () => {
    expect(changes(stored, { ...stored, native_language: null, target_languages: ["es", "it"] })).toEqual({
      native_language: null,
      target_languages: ["es", "it"],
    });
  });
});
