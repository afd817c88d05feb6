import { describe, expect, it } from "vitest";

import { en } from "./en";
import { es } from "./es";
import { t } from "./index";

describe("the message catalogues", () => {
  it("have the same keys in Spanish as in English", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it("use the same placeholders in both languages", () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(names(es[key]), key).toEqual(names(en[key]));
    }
  });

  it("fill placeholders and leave unknown ones visible", () => {
    expect(t("home.level", { level: 3, xp: 240 }, "en")).toBe("Level 3 · 240 XP");
    expect(t("home.streak", { days: 4 }, "es")).toBe("Racha de 4 días");
    expect(t("home.welcome", {}, "en")).toBe("Welcome, {name}");
  });
});
