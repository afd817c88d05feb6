import { describe, expect, it } from "vitest";

import { fromDocument, toBody } from "./draft";
import { addLanguage, removeLanguage } from "./languages";
import { addPhase, changePhaseText, freshId, MAX_PHASES, movePhase, removePhase } from "./phases";
import { addPhrase, withKind } from "./rows";
import { document } from "./sample";

const ids = (draft: ReturnType<typeof fromDocument>) => draft.phases.map((phase) => phase.id);

describe("adding a phase", () => {
  it("puts an empty phase at the end, under a new id, in every language", () => {
    const draft = addPhase(fromDocument(document()));
    expect(ids(draft)).toEqual(["arrive", "pay", "phase"]);
    expect(draft.phases[2]).toEqual({ id: "phase", objective: "", success_criteria: [{ kind: "asks_question" }] });
    expect(Object.keys(draft.localizations.es!.phases)).toContain("phase");
    expect(Object.keys(draft.localizations.en!.phases)).toContain("phase");
  });

  it("never reuses an id", () => {
    expect(ids(addPhase(addPhase(fromDocument(document()))))).toEqual(["arrive", "pay", "phase", "phase-2"]);
    expect(freshId("phrase", ["phrase", "phrase-2"])).toBe("phrase-3");
  });

  it("stops at the most phases a scenario may have", () => {
    let draft = fromDocument(document());
    for (let round = 0; round < 10; round += 1) draft = addPhase(draft);
    expect(draft.phases).toHaveLength(MAX_PHASES);
  });
});

describe("removing a phase", () => {
  it("removes it from the order and from every language", () => {
    const draft = removePhase(fromDocument(document()), 0);
    expect(ids(draft)).toEqual(["pay"]);
    expect(Object.keys(draft.localizations.es!.phases)).toEqual(["pay"]);
    expect(Object.keys(draft.localizations.en!.phases)).toEqual(["pay"]);
  });

  it("keeps the last one: a scenario has at least one phase", () => {
    const one = removePhase(fromDocument(document()), 1);
    expect(removePhase(one, 0)).toBe(one);
  });
});

describe("moving a phase", () => {
  it("swaps it with its neighbour, leaving every language's text as it was", () => {
    const before = fromDocument(document());
    const after = movePhase(before, 1, -1);
    expect(ids(after)).toEqual(["pay", "arrive"]);
    expect(after.localizations).toBe(before.localizations);
  });

  it("does nothing past either end", () => {
    const draft = fromDocument(document());
    expect(movePhase(draft, 0, -1)).toBe(draft);
    expect(movePhase(draft, 1, 1)).toBe(draft);
  });
});

describe("the languages of a draft", () => {
  it("gain one as a copy of another, to translate, independent of it", () => {
    const draft = addLanguage(fromDocument(document()), "fr", "es");
    expect(toBody(draft).localizations.fr).toEqual(toBody(draft).localizations.es);
    const changed = changePhaseText(draft, "fr", "arrive", (text) => ({ ...text, name: "Arriver" }));
    expect(changed.localizations.es!.phases.arrive.name).toBe("Llegar");
  });

  it("lose one, but never the last", () => {
    const draft = removeLanguage(fromDocument(document()), "en");
    expect(Object.keys(draft.localizations)).toEqual(["es"]);
    expect(removeLanguage(draft, "es")).toBe(draft);
  });
});

describe("a phase's rows", () => {
  it("get a new phrase under an id the phase does not use yet", () => {
    const text = fromDocument(document()).localizations.es!.phases.arrive;
    expect(addPhrase(addPhrase(text)).phrases.map((phrase) => phrase.id)).toEqual(["have-booking", "phrase", "phrase-2"]);
  });

  it("fill a goal whose kind changed with what the phase offers", () => {
    const text = fromDocument(document()).localizations.es!.phases.arrive;
    expect(withKind({ kind: "asks_question" }, "uses_phrase", text)).toEqual({ kind: "uses_phrase", phrase_id: "have-booking" });
    expect(withKind({ kind: "asks_question" }, "mentions", text)).toEqual({ kind: "mentions", concept: "room-type" });
    expect(withKind({ kind: "uses_phrase", phrase_id: "x" }, "uses_vocabulary", text)).toEqual({ kind: "uses_vocabulary", min: 1 });
    expect(withKind({ kind: "uses_vocabulary", min: 3 }, "asks_question", text)).toEqual({ kind: "asks_question" });
  });
});
