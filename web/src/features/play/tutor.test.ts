import { describe, expect, it } from "vitest";

import { choice, type Preference } from "./tutor";

const persona = { type: "friendly_conversational", name: "Sofía", description: "", version: "1", is_default: true, traits: [], best_for: [] };

function preference(fields: Partial<Preference> = {}): Preference {
  return { persona, is_default: false, learner_level: "intermediate", subject: "travel", ...fields };
}

describe("choosing a tutor persona", () => {
  it("sends the persona with the learner's level and subject, which the API would otherwise reset", () => {
    expect(choice("strict_grammar", preference())).toEqual({
      persona_type: "strict_grammar",
      learner_level: "intermediate",
      subject: "travel",
    });
  });

  it("leaves a level the API does not take to its default", () => {
    expect(choice("strict_grammar", preference({ learner_level: "" }))).toEqual({ persona_type: "strict_grammar", subject: "travel" });
  });
});
