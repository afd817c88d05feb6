// What the API sends as codes (scenario categories, difficulties, languages), listed once and said
// in the interface language. A code this client does not know yet (one the API adds later) is
// still shown, by the API's name when it gave one, rather than hidden.
import type { components } from "../api/schema";
import { t, type Locale } from "./index";

type Schemas = components["schemas"];
export type Category = NonNullable<Schemas["CollectionIn"]["category"]>;
export type Difficulty = NonNullable<Schemas["CollectionIn"]["difficulty"]>;
export type Language = NonNullable<Schemas["ProfileUpdate"]["native_language"]>;

export const CATEGORIES: readonly Category[] = [
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
];
export const DIFFICULTIES: readonly Difficulty[] = ["beginner", "intermediate", "advanced"];
export const LANGUAGES: readonly Language[] = ["en", "es", "fr", "de", "it", "pt", "zh", "ja"];

export function isCategory(id: unknown): id is Category {
  return CATEGORIES.includes(id as Category);
}

export function isDifficulty(value: unknown): value is Difficulty {
  return DIFFICULTIES.includes(value as Difficulty);
}

export function isLanguage(code: unknown): code is Language {
  return LANGUAGES.includes(code as Language);
}

/** A category's name: the catalogue's for a known id, else ``fallback`` (the API's name, which is
 * English only), else the id with spaces for its underscores. */
export function categoryName(id: string, fallback?: string, lang?: Locale): string {
  if (isCategory(id)) return t(`category.${id}`, {}, lang);
  return fallback || id.replace(/_/g, " ");
}

/** A difficulty's name; an unknown one as it came. */
export function difficultyName(value: string, lang?: Locale): string {
  return isDifficulty(value) ? t(`level.${value}`, {}, lang) : value;
}

/** A language's name; an unknown one by its code. */
export function languageName(code: string, lang?: Locale): string {
  return isLanguage(code) ? t(`language.${code}`, {}, lang) : code;
}
