import { beforeAll, describe, expect, it } from "vitest";

import { locale } from "../../../i18n";

import { fromDocument } from "./draft";
import { bodyPath, fieldId, fieldPaths, languageOfPath, nearestField, refusalOf } from "./fieldErrors";
import { document } from "./sample";
import { where } from "./where";

const draft = fromDocument(document());

beforeAll(() => {
  locale.value = "en";
});
const refused = (details: Record<string, string>, message = "the scenario is not valid") => ({ error: { code: "invalid_argument", message, details } });

describe("a field path the API reports", () => {
  it("loses what only its validator adds: a goal's kind, a bad key's marker, wrappers", () => {
    expect(bodyPath("phases.0.success_criteria.1.uses_vocabulary.min")).toBe("phases.0.success_criteria.1.min");
    expect(bodyPath("localizations.es.phases.Bad Id.[key]")).toBe("localizations.es.phases.Bad Id");
    expect(bodyPath("body.setting.function-after[_plain(), str]")).toBe("setting");
  });

  it("is shown on itself, or on the nearest list or section holding it", () => {
    const shown = new Set(fieldPaths(draft));
    expect(nearestField("localizations.es.phases.arrive.vocabulary.0.term", shown)).toBe("localizations.es.phases.arrive.vocabulary.0.term");
    expect(nearestField("prerequisites.3", shown)).toBe("prerequisites");
    expect(nearestField("localizations.es.phases.arrive.concepts.room-type.1", shown)).toBe("localizations.es.phases.arrive.concepts.room-type");
    expect(nearestField("phases.7.objective", shown)).toBe("phases");
    expect(nearestField("draft", shown)).toBeNull();
  });
});

describe("a refused save", () => {
  it("puts each message next to the field it names", () => {
    const refusal = refusalOf(
      refused({
        "localizations.en.title": "String should have at least 3 characters",
        "phases.1.success_criteria.0.uses_vocabulary.min": "Input should be greater than or equal to 1",
      }),
      fieldPaths(draft),
      "fallback",
    );
    expect(refusal.message).toBe("the scenario is not valid");
    expect(refusal.byField).toEqual({
      "localizations.en.title": "String should have at least 3 characters",
      "phases.1.success_criteria.0.min": "Input should be greater than or equal to 1",
    });
    expect(refusal.unplaced).toEqual([]);
  });

  it("joins two messages that land on the same field", () => {
    const refusal = refusalOf(refused({ "learning_outcomes.0": "too long.", "learning_outcomes.2": "must be plain text." }), fieldPaths(draft), "fallback");
    expect(refusal.byField).toEqual({ learning_outcomes: "too long. must be plain text." });
  });

  it("keeps a message naming no field it shows, with the API's path", () => {
    const refusal = refusalOf(refused({ draft: "too large" }), fieldPaths(draft), "fallback");
    expect(refusal.unplaced).toEqual([{ path: "draft", message: "too large" }]);
  });

  it("says the fallback when the body has no message, as when a proxy answered", () => {
    expect(refusalOf("<html>Bad gateway</html>", fieldPaths(draft), "Something went wrong.")).toEqual({ message: "Something went wrong.", byField: {}, unplaced: [] });
  });

  it("places a short form's fields too", () => {
    const refusal = refusalOf(refused({ limit_usd: "Input should be a valid number" }, "the request is not valid"), ["limit_usd", "period"], "fallback");
    expect(refusal.byField).toEqual({ limit_usd: "Input should be a valid number" });
  });
});

describe("a field's place", () => {
  it("gives each field an element id of its own", () => {
    expect(fieldId("localizations.es.phases.arrive.name")).toBe("authoring-localizations__es__phases__arrive__name");
    expect(fieldId("a.b c")).toBe("authoring-a__b_c");
  });

  it("tells the language a field is written in", () => {
    expect(languageOfPath("localizations.fr.title")).toBe("fr");
    expect(languageOfPath("phases.0.objective")).toBeNull();
  });

  it("is said in words for the list of problems", () => {
    expect(where("localizations.es.phases.pay.vocabulary.0.gloss", draft)).toBe("Spanish › Phase 2 › Key word 1 › Meaning");
    expect(where("phases.0.success_criteria.1.min", draft)).toBe("Phase 1 › Goal 2 › At least how many key words");
    expect(where("localizations.en.phases.arrive.concepts.room-type", draft)).toBe("English › Phase 1 › Concept “room-type”");
    expect(where("estimated_minutes", draft)).toBe("Minutes it takes");
    expect(where("mystery.field", draft)).toBe("mystery › field");
  });
});
