import { afterEach, describe, expect, it } from "vitest";

import { setLocale } from "../../i18n";
import { categoryName, languageName, skillName } from "./names";

afterEach(() => setLocale("en"));

describe("names of codes", () => {
  it("are the reader's words for known skills, categories and languages", () => {
    setLocale("en");
    expect(skillName("comprehension")).toBe("Reading comprehension");
    expect(categoryName("daily_life")).toBe("Daily life");
    setLocale("es");
    expect(skillName("listening")).toBe("Comprensión auditiva");
    expect(languageName("fr")).toBe("Francés");
  });

  it("show a code this client does not know as it came, spaced", () => {
    expect(categoryName("night_life")).toBe("night life");
    expect(skillName("reading")).toBe("reading");
  });
});
