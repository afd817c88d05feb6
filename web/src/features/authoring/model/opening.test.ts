import { beforeAll, describe, expect, it } from "vitest";

import { locale } from "../../../i18n";
import type { Authored } from "../scenarios/api";
import { opening } from "./opening";
import { document } from "./sample";

beforeAll(() => {
  locale.value = "en";
});

const refused = (code: string, message: string) => ({ error: { code, message } });

describe("opening a saved scenario in the editor", () => {
  it("gives the editor the whole scenario the API answered", () => {
    const authored: Authored = {
      summary: { id: "s1", language: "es", languages: ["es", "en"], author: "u1", visibility: "private", title: "En el hotel", description: "", category: "travel", difficulty: "beginner", estimated_minutes: 10 },
      document: document(),
      assessment: { level: "beginner", reasons: ["short phases"] },
    };
    expect(opening(200, { data: authored })).toEqual({ data: { editable: true, authored } });
  });

  it("of a scenario the learner may not change is closed, with the API's message", () => {
    const message = "You can only change your own scenarios: duplicate it to make your own copy.";
    expect(opening(403, { error: refused("permission_denied", message) })).toEqual({ data: { editable: false, message } });
  });

  it("of a scenario that does not exist is closed, with the API's message", () => {
    expect(opening(404, { error: refused("not_found", "no scenario s9") })).toEqual({ data: { editable: false, message: "no scenario s9" } });
  });

  it("that failed otherwise stays an error, to be tried again", () => {
    const error = refused("unavailable", "the scenario service did not answer in time");
    expect(opening(503, { error })).toEqual({ error });
  });
});
