import { describe, expect, it } from "vitest";

import { categoryName, difficultyName, isCategory, isDifficulty, isLanguage, languageName } from "./names";

describe("what the API names by code", () => {
  it("is said in the interface language", () => {
    expect(categoryName("daily_life", undefined, "es")).toBe("Vida cotidiana");
    expect(categoryName("daily_life", undefined, "en")).toBe("Daily life");
    expect(difficultyName("advanced", "es")).toBe("Avanzado");
    expect(languageName("fr", "en")).toBe("French");
    expect(languageName("fr", "es")).toBe("Francés");
  });

  it("names a known category by the catalogue, not by the API's English name", () => {
    expect(categoryName("restaurant", "Restaurant", "es")).toBe("Restaurante");
  });

  it("keeps a code the catalogue does not know visible, by the API's name when it gave one", () => {
    expect(categoryName("street_food", "Street food", "es")).toBe("Street food");
    expect(categoryName("street_food", "", "es")).toBe("street food");
    expect(categoryName("street_food")).toBe("street food");
    expect(difficultyName("expert", "en")).toBe("expert");
    expect(languageName("ko", "en")).toBe("ko");
  });
});

describe("the codes this client knows", () => {
  it("are told from the ones it does not", () => {
    expect(isCategory("hobbies")).toBe(true);
    expect(isCategory("")).toBe(false);
    expect(isDifficulty("beginner")).toBe(true);
    expect(isDifficulty("expert")).toBe(false);
    expect(isLanguage("ja")).toBe(true);
    expect(isLanguage(null)).toBe(false);
  });
});
