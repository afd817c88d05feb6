import { describe, expect, it } from "vitest";

import { nextStatus, tally, withStatus, wordLanguage, type VocabularyItem } from "./words";

const item = (lemma: string, status: VocabularyItem["status"]): VocabularyItem => ({
  lemma,
  surface: lemma,
  count: 1,
  band: 2,
  score: 1,
  sentence: `Una ${lemma}.`,
  status,
});

describe("a word's status", () => {
  it("goes from new to learning to known to ignored, then back to new", () => {
    expect(nextStatus("new")).toBe("learning");
    expect(nextStatus("learning")).toBe("known");
    expect(nextStatus("known")).toBe("ignored");
    expect(nextStatus("ignored")).toBe("new");
  });

  it("changes for that word alone", () => {
    const vocabulary = [item("casa", "new"), item("perro", "known")];
    expect(withStatus(vocabulary, "casa", "learning")).toEqual([item("casa", "learning"), item("perro", "known")]);
    expect(vocabulary[0].status).toBe("new");
  });

  it("is counted for the legend, every status shown even when none has it", () => {
    expect(tally([item("casa", "new"), item("perro", "known"), item("mesa", "new")])).toEqual({ new: 2, learning: 0, known: 1, ignored: 0 });
  });
});

describe("a document's language for the words API", () => {
  it("is one of the languages Parla teaches", () => {
    expect(wordLanguage("es")).toBe("es");
  });

  it("is missing while the document is not analysed or in another language", () => {
    expect(wordLanguage("")).toBeNull();
    expect(wordLanguage("nl")).toBeNull();
  });
});
