// The API words each achievement in English; the reader sees it in their own language by its
// code. A code this client does not know yet still shows, in the API's own words.
import type { components } from "../../api/schema";
import { locale, t, type Locale } from "../../i18n";
import { en, type MessageKey } from "../../i18n/en";

type Achievement = components["schemas"]["AchievementOut"];

export interface AchievementWords {
  title: string;
  description: string;
}

function catalogued(key: string, fallback: string, lang: Locale): string {
  return Object.prototype.hasOwnProperty.call(en, key) ? t(key as MessageKey, {}, lang) : fallback;
}

/** The achievement's title and description in ``lang`` (the interface language by default). */
export function achievementWords(achievement: Achievement, lang: Locale = locale.value): AchievementWords {
  const prefix = `dashboard.achievement.${achievement.code}`;
  return {
    title: catalogued(`${prefix}.title`, achievement.title, lang),
    description: catalogued(`${prefix}.description`, achievement.description, lang),
  };
}
