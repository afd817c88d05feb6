// The names the authoring pages give to what the API sends as codes.
import { t } from "../../../i18n";
import { LANGUAGES, type Category, type Language } from "../model/draft";

const CATEGORIES: Category[] = ["travel", "restaurant", "shopping", "business", "healthcare", "social", "emergency", "education", "daily_life", "hobbies"];

/** A category's name in the interface's language; the API's own name for one it does not know. */
export function categoryName(id: string, fallback?: string): string {
  return (CATEGORIES as string[]).includes(id) ? t(`authoring.category.${id as Category}`) : (fallback ?? id);
}

/** A language's name in the interface's language; its code for one it does not know. */
export function languageName(code: string): string {
  return (LANGUAGES as string[]).includes(code) ? t(`language.${code as Language}`) : code;
}

/** A difficulty's name in the interface's language. */
export function levelName(level: string): string {
  return level === "beginner" || level === "intermediate" || level === "advanced" ? t(`level.${level}`) : level;
}
