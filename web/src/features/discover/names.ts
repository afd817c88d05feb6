// What the API names by code (languages, categories, difficulties), said in the interface
// language: the API's category names are English only, so the catalogue names the categories it
// knows and the API's name stands in for any other.
import type { components } from "../../api/schema";
import { CATALOGUES, t, type Locale } from "../../i18n";
import type { MessageKey } from "../../i18n/en";

export type Language = NonNullable<components["schemas"]["StartRunRequest"]["language"]>;
export const LANGUAGES: readonly Language[] = ["en", "es", "fr", "de", "it", "pt", "zh", "ja"];

export const CATEGORIES = [
  "travel",
  "restaurant",
  "shopping",
  "business",
  "healthcare",
  "social",
  "emergency",
  "education",
  "daily_life",
  "hobbies",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const DIFFICULTIES = ["beginner", "intermediate", "advanced"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export function isLanguage(code: unknown): code is Language {
  return LANGUAGES.includes(code as Language);
}

export function isCategory(id: unknown): id is Category {
  return CATEGORIES.includes(id as Category);
}

export function isDifficulty(value: unknown): value is Difficulty {
  return DIFFICULTIES.includes(value as Difficulty);
}

/** The catalogue's key when it has one: a code the API adds later still shows, by its own name. */
function known(key: string): MessageKey | null {
  return key in CATALOGUES.en ? (key as MessageKey) : null;
}

/** A category's name: the catalogue's, else the one the API gave (``apiNames``), else its id. */
export function categoryName(id: string, apiNames: Record<string, string> = {}, lang?: Locale): string {
  const key = known(`discover.category.${id}`);
  if (key) return t(key, {}, lang);
  return apiNames[id] || id.replace(/_/g, " ");
}

export function difficultyName(difficulty: string, lang?: Locale): string {
  const key = known(`level.${difficulty}`);
  return key ? t(key, {}, lang) : difficulty;
}

export function languageName(code: string, lang?: Locale): string {
  const key = known(`language.${code}`);
  return key ? t(key, {}, lang) : code;
}

/** The learner's first target language the API knows, else Spanish (as the API itself defaults). */
export function defaultLanguage(me: { target_languages: string[] } | null | undefined): Language {
  return me?.target_languages.find(isLanguage) ?? "es";
}
