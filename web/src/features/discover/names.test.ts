import { describe, expect, it } from "vitest";

import { categoryName, defaultLanguage, difficultyName, languageName } from "./names";

describe("what the API names by code", () => {
  it("is said in the interface language", () => {
    expect(categoryName("daily_life", {}, "es")).toBe("Vida cotidiana");
    expect(difficultyName("advanced", "es")).toBe("Avanzado");
    expect(languageName("fr", "en")).toBe("French");
  });

  it("keeps a code the catalogue does not know visible, by the API's name when it gave one", () => {
    expect(categoryName("street_food", { street_food: "Street food" }, "es")).toBe("Street food");
    expect(categoryName("street_food", {}, "es")).toBe("street food");
    expect(difficultyName("expert", "en")).toBe("expert");
    expect(languageName("ko", "en")).toBe("ko");
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
