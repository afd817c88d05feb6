import { afterEach, describe, expect, it } from "vitest";

import { setLocale } from "../../i18n";
import { achievementWords } from "./achievementWords";

afterEach(() => setLocale("en"));

const firstSteps = { code: "first_steps", title: "First Steps", description: "Complete your first scenario", unlocked_at: null };

describe("the words of an achievement", () => {
  it("are the service's own words in English for a known code", () => {
    expect(achievementWords(firstSteps, "en")).toEqual({ title: "First Steps", description: "Complete your first scenario" });
  });

  it("are Spanish for a known code in the Spanish interface", () => {
    setLocale("es");
    expect(achievementWords(firstSteps)).toEqual({ title: "Primeros pasos", description: "Completa tu primer escenario" });
  });

  it("follow the code, not the API's English, for a known code", () => {
    const reworded = { ...firstSteps, title: "Day One", description: "Finish a scenario" };
    expect(achievementWords(reworded, "es").title).toBe("Primeros pasos");
  });

  it("fall back to the API's words for a code this client does not know yet", () => {
    const fresh = { code: "night_owl", title: "Night Owl", description: "Learn after midnight", unlocked_at: null };
    expect(achievementWords(fresh, "es")).toEqual({ title: "Night Owl", description: "Learn after midnight" });
    expect(achievementWords(fresh, "en")).toEqual({ title: "Night Owl", description: "Learn after midnight" });
  });
});
