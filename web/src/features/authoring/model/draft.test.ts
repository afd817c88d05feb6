import { describe, expect, it } from "vitest";

import { criterionBody, fromDocument, isDirty, languagesOf, lines, toBody } from "./draft";
import { document } from "./sample";

describe("a draft read from the API's document", () => {
  it("is sent back unchanged when nothing was edited", () => {
    expect(toBody(fromDocument(document()))).toEqual(document());
  });

  it("fills what the document leaves out, so every field can be edited", () => {
    const draft = fromDocument({ category: "travel", localizations: { es: { title: "Hola", phases: { a: { name: "A" } } } } });
    expect(draft.prerequisites).toEqual([]);
    expect(draft.phases).toEqual([]);
    expect(draft.localizations.es?.cultural_context).toBe("");
    expect(draft.localizations.es?.phases.a).toEqual({ name: "A", vocabulary: [], phrases: [], concepts: [], tutor_lines: [], cultural_notes: [] });
    expect(Number.isNaN(draft.estimated_minutes)).toBe(true);
  });

  it("ignores a localization in a language the API does not offer", () => {
    const draft = fromDocument({ ...document(), localizations: { ...(document().localizations as object), xx: {} } });
    expect(languagesOf(draft)).toEqual(["en", "es"]);
  });
});

describe("the body sent for a draft", () => {
  it("drops blank lines and trims each line of a list typed one per line", () => {
    expect(lines(["  Check in ", "", "   ", "Pay"])).toEqual(["Check in", "Pay"]);
    const draft = fromDocument(document());
    draft.learning_outcomes = ["Check in", "", " Pay "];
    expect(toBody(draft).learning_outcomes).toEqual(["Check in", "Pay"]);
  });

  it("keeps only the field a goal's kind uses", () => {
    expect(criterionBody({ kind: "asks_question", min: 3, phrase_id: "x" })).toEqual({ kind: "asks_question" });
    expect(criterionBody({ kind: "uses_vocabulary", min: 2, concept: "y" })).toEqual({ kind: "uses_vocabulary", min: 2 });
    expect(criterionBody({ kind: "mentions", concept: "room-type", min: 1 })).toEqual({ kind: "mentions", concept: "room-type" });
  });

  it("turns the concepts back into a map, joining two that were given the same name", () => {
    const draft = fromDocument(document());
    draft.localizations.es!.phases.arrive.concepts = [
      { id: "room", words: ["doble", ""] },
      { id: " room ", words: ["suite"] },
    ];
    expect(toBody(draft).localizations.es.phases.arrive.concepts).toEqual({ room: ["doble", "suite"] });
  });

  it("sends an emptied number as null, for the API to name the field", () => {
    const draft = fromDocument(document());
    draft.estimated_minutes = Number.NaN;
    expect(JSON.parse(JSON.stringify(toBody(draft))).estimated_minutes).toBeNull();
  });
});

describe("unsaved changes", () => {
  it("are none right after loading", () => {
    expect(isDirty(fromDocument(document()), fromDocument(document()))).toBe(false);
  });

  it("are none when only blank lines were typed", () => {
    const saved = fromDocument(document());
    const draft = fromDocument(document());
    draft.learning_outcomes = ["Check in", ""];
    expect(isDirty(saved, draft)).toBe(false);
  });

  it("are found when a text changed, in any language", () => {
    const saved = fromDocument(document());
    const draft = fromDocument(document());
    draft.localizations.en!.phases.pay.vocabulary[0].gloss = "bedroom";
    expect(isDirty(saved, draft)).toBe(true);
  });

  it("are found when phases were reordered, though each phase is unchanged", () => {
    const saved = fromDocument(document());
    const draft = { ...saved, phases: [...saved.phases].reverse() };
    expect(isDirty(saved, draft)).toBe(true);
  });
});
