import { describe, expect, it } from "vitest";

import { NO_FILTERS, defaultLanguage, matchesWords, scenarioQuery, searchOf, taggedCards, viewFromSearch, withLanguage } from "./search";

describe("the discover page's address", () => {
  it("reads the language, the filters and whether results were asked for", () => {
    expect(viewFromSearch("language=fr&q=caf%C3%A9&category=restaurant&tag=food&search=1")).toEqual({
      language: "fr",
      filters: { q: "café", category: "restaurant", difficulty: "", tag: "food" },
      searching: true,
    });
  });

  it("ignores a language the API does not know, so the learner's own is used", () => {
    expect(viewFromSearch("language=xx").language).toBeNull();
    expect(viewFromSearch("").searching).toBe(false);
  });

  it("is written without empty filters, and read back the same", () => {
    const view = { language: "es" as const, filters: { ...NO_FILTERS, q: " mercado ", difficulty: "beginner" }, searching: true };
    const written = searchOf(view);
    expect(written).toBe("language=es&q=mercado&difficulty=beginner&search=1");
    expect(viewFromSearch(written).filters).toEqual({ ...NO_FILTERS, q: "mercado", difficulty: "beginner" });
  });

  it("keeps only the language when showing the hub", () => {
    expect(searchOf({ language: "de", filters: { ...NO_FILTERS, q: "bahn" }, searching: false })).toBe("language=de");
  });

  it("lets go of the tag when the language changes, since tags are each language's keywords", () => {
    const view = { language: "es" as const, filters: { ...NO_FILTERS, category: "travel", tag: "comida" }, searching: true };
    expect(withLanguage(view, "it")).toEqual({ language: "it", filters: { ...NO_FILTERS, category: "travel" }, searching: true });
  });
});

describe("the scenario search's query", () => {
  it("sends the filters the API takes, and nothing for an empty or unknown one", () => {
    expect(scenarioQuery("es", { q: "  ", category: "cooking", difficulty: "advanced", tag: "food" }, 40, 20)).toEqual({
      language: "es",
      q: undefined,
      category: undefined,
      difficulty: "advanced",
      limit: 20,
      offset: 40,
    });
  });
});

describe("words matched against a title", () => {
  it("match every word, whatever the case or accents", () => {
    expect(matchesWords("Pedir un Café", "cafe pedir")).toBe(true);
    expect(matchesWords("Pedir un café", "cafe postre")).toBe(false);
    expect(matchesWords("Anything", "  ")).toBe(true);
  });
});

describe("a tag's scenarios", () => {
  const item = (id: string, fields: object) => ({
    ref: { kind: "scenario", id },
    mine: false,
    item: { ref: { kind: "scenario", id }, titles: { es: `Escenario ${id}` }, category: "travel", difficulty: "beginner", languages: ["es"], ...fields },
  });
  const items = [
    item("a", {}),
    item("b", { category: "restaurant" }),
    item("c", { difficulty: "advanced", titles: { es: "En el mercado" } }),
    item("d", { languages: ["fr"], titles: { fr: "Scénario d" } }),
    { ref: { kind: "document", id: "e" }, mine: true, item: null },
  ];

  it("are narrowed by the language, the category, the difficulty and the words", () => {
    expect(taggedCards(items, "es", NO_FILTERS).map((card) => card.id)).toEqual(["a", "b", "c"]);
    expect(taggedCards(items, "es", { ...NO_FILTERS, category: "travel", difficulty: "beginner" }).map((card) => card.id)).toEqual(["a"]);
    expect(taggedCards(items, "es", { ...NO_FILTERS, q: "MERCADO" }).map((card) => card.id)).toEqual(["c"]);
    expect(taggedCards(items, "fr", NO_FILTERS).map((card) => card.id)).toEqual(["d"]);
  });
});

describe("the language the hub opens in", () => {
  it("is the learner's first target language the API knows", () => {
    expect(defaultLanguage({ target_languages: ["xx", "fr", "de"] })).toBe("fr");
  });

  it("is Spanish when the learner named none", () => {
    expect(defaultLanguage({ target_languages: [] })).toBe("es");
    expect(defaultLanguage(null)).toBe("es");
  });
});
