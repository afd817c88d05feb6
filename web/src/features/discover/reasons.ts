// Why a scenario is recommended, said in the interface language: the API gives a code and its
// parameters beside an English sentence; a code this client does not know (or one missing what it
// needs) falls back to that sentence.
import type { components } from "../../api/schema";
import { t, type Locale } from "../../i18n";
import { categoryName } from "../../i18n/names";

/** What a recommendation says of why: the English sentence, its code and the code's parameters. */
export type Reasoned = Pick<components["schemas"]["RecommendedOut"], "reason" | "reason_code" | "reason_params">;
type Params = NonNullable<Reasoned["reason_params"]>;

/** "a,b , c" → "a, b, c": the words as a list a person reads. */
export function wordList(words: string): string {
  return words
    .split(",")
    .map((word) => word.trim())
    .filter(Boolean)
    .join(", ");
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The category the reason names, by the catalogue's name for its id; null when it names none. */
function namedCategory(params: Params, apiNames: Record<string, string>, lang?: Locale): string | null {
  if (params.category) return categoryName(params.category, apiNames[params.category] ?? params.category_name, lang);
  return params.category_name || null;
}

function localized(item: Reasoned, apiNames: Record<string, string>, lang?: Locale): string | null {
  const params = item.reason_params ?? {};
  switch (item.reason_code) {
    case "unfinished":
      return t("discover.reason.unfinished", {}, lang);
    case "popular":
      return t("discover.reason.popular", {}, lang);
    case "missed_words": {
      const words = wordList(params.words ?? "");
      return words ? t("discover.reason.missedWords", { words }, lang) : null;
    }
    case "struggled_category":
    case "liked_category": {
      const category = namedCategory(params, apiNames, lang);
      if (!category) return null;
      const key = item.reason_code === "struggled_category" ? "discover.reason.struggledCategory" : "discover.reason.likedCategory";
      return t(key, { category }, lang);
    }
    default:
      // No code, or one added to the API after this client was built.
      return null;
  }
}

/** The line saying why ``item`` is recommended. ``apiNames`` are the API's category names by id. */
export function reasonText(item: Reasoned, apiNames: Record<string, string> = {}, lang?: Locale): string {
  return localized(item, apiNames, lang) ?? sentence(item.reason);
}
