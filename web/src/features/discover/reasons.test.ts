import { describe, expect, it } from "vitest";

import { reasonText, wordList, type Reasoned } from "./reasons";

const english = "because you struggled with restaurant scenarios";

describe("a recommendation's reason", () => {
  it("is said from its code in the interface language", () => {
    expect(reasonText({ reason: "because you started it and have not finished it yet", reason_code: "unfinished" }, {}, "es")).toBe(
      "Porque lo empezaste y aún no lo has terminado",
    );
    expect(reasonText({ reason: "popular with learners of this language", reason_code: "popular" }, {}, "en")).toBe(
      "Popular with learners of this language",
    );
  });

  it("names the category by its id, in the interface language, not by the API's English name", () => {
    const item: Reasoned = { reason: english, reason_code: "struggled_category", reason_params: { category: "restaurant", category_name: "Restaurant" } };
    expect(reasonText(item, {}, "es")).toBe("Porque te costaron los escenarios de la categoría Restaurante");
    expect(reasonText({ ...item, reason_code: "liked_category" }, {}, "en")).toBe("Because you liked Restaurant scenarios");
  });

  it("names a category the catalogue does not know by the name the categories list gives", () => {
    const item: Reasoned = { reason: "because you liked cooking scenarios", reason_code: "liked_category", reason_params: { category: "cooking" } };
    expect(reasonText(item, { cooking: "Cooking" }, "en")).toBe("Because you liked Cooking scenarios");
    expect(reasonText(item, {}, "en")).toBe("Because you liked cooking scenarios");
  });

  it("lists the missed words, spaced as a person writes them", () => {
    const item: Reasoned = { reason: "because it practises words you missed (la cuenta, el postre)", reason_code: "missed_words", reason_params: { words: "la cuenta,el postre" } };
    expect(reasonText(item, {}, "en")).toBe("Because it practises words you missed: la cuenta, el postre");
    expect(reasonText(item, {}, "es")).toBe("Porque practica palabras que fallaste: la cuenta, el postre");
  });

  it("falls back to the API's sentence for a code this client does not know", () => {
    // As a newer API would answer: a code added after this client's types were made.
    const newer: Reasoned = JSON.parse('{"reason": "because your friends played it", "reason_code": "friends"}');
    expect(reasonText(newer, {}, "es")).toBe("Because your friends played it");
  });

  it("falls back to the API's sentence when there is no code, or the code lacks what it needs", () => {
    expect(reasonText({ reason: english }, {}, "es")).toBe("Because you struggled with restaurant scenarios");
    expect(reasonText({ reason: english, reason_code: null }, {}, "es")).toBe("Because you struggled with restaurant scenarios");
    expect(reasonText({ reason: english, reason_code: "struggled_category", reason_params: {} }, {}, "es")).toBe(
      "Because you struggled with restaurant scenarios",
    );
    expect(reasonText({ reason: "because it practises words you missed", reason_code: "missed_words", reason_params: { words: " , " } }, {}, "en")).toBe(
      "Because it practises words you missed",
    );
  });
});

describe("a list of words", () => {
  it("drops empty entries and stray spaces", () => {
    expect(wordList(" hola ,, adiós ,")).toBe("hola, adiós");
  });
});
