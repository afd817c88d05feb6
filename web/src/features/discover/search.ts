// What the discover page shows is kept in its address (?language=…&q=…&search=1), so going back
// from a scenario finds the same search, and a search can be shared as a link.
import type { components } from "../../api/schema";
import { fromTagged, type Card } from "./cards";
import { isCategory, isDifficulty, isLanguage, type Language } from "../../i18n/names";

type Tagged = components["schemas"]["TaggedItemOut"];

export interface Filters {
  /** Words in the title or description. */
  q: string;
  category: string;
  difficulty: string;
  tag: string;
}

export interface View {
  /** Null until the learner picks one: the page then uses their first target language. */
  language: Language | null;
  filters: Filters;
  /** Whether the learner asked for search results rather than the hub's lists. */
  searching: boolean;
}

export const NO_FILTERS: Filters = { q: "", category: "", difficulty: "", tag: "" };
const FILTER_NAMES = ["q", "category", "difficulty", "tag"] as const;

export function viewFromSearch(search: string): View {
  const params = new URLSearchParams(search);
  const language = params.get("language");
  const filters = { ...NO_FILTERS };
  for (const name of FILTER_NAMES) filters[name] = (params.get(name) ?? "").trim();
  return { language: isLanguage(language) ? language : null, filters, searching: params.get("search") === "1" };
}

/** The address's query for ``view``, without empty filters. */
export function searchOf(view: View): string {
  const params = new URLSearchParams();
  if (view.language) params.set("language", view.language);
  if (view.searching) {
    for (const name of FILTER_NAMES) if (view.filters[name].trim()) params.set(name, view.filters[name].trim());
    params.set("search", "1");
  }
  return params.toString();
}

/** The learner's first target language the API knows, else Spanish (as the API itself defaults). */
export function defaultLanguage(me: { target_languages: string[] } | null | undefined): Language {
  return me?.target_languages.find(isLanguage) ?? "es";
}

/** Another language: the tags are each language's keywords, so a chosen tag is let go. */
export function withLanguage(view: View, language: Language): View {
  return { ...view, language, filters: { ...view.filters, tag: "" } };
}

/** GET /api/v1/scenarios's query for the filters (which it takes all but the tag of). */
export function scenarioQuery(language: Language, filters: Filters, offset: number, limit: number) {
  return {
    language,
    q: filters.q.trim() || undefined,
    category: isCategory(filters.category) ? filters.category : undefined,
    difficulty: isDifficulty(filters.difficulty) ? filters.difficulty : undefined,
    limit,
    offset,
  };
}

/** Lower case and without accents, so "cafe" finds "Café". */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** Whether every word of ``q`` is in ``title`` (an empty ``q`` matches everything). */
export function matchesWords(title: string, q: string): boolean {
  const haystack = folded(title);
  return folded(q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The tagged public scenarios that meet the other filters. The tag's list cannot be filtered by
 * the API, so this narrows each page; its items carry no description, so words match the title. */
export function taggedCards(items: Tagged[], language: Language, filters: Filters): Card[] {
  return items.flatMap((tagged) => {
    const item = tagged.item;
    const card = fromTagged(tagged, language);
    if (!card || !item) return [];
    if (!(item.languages ?? []).includes(language)) return [];
    if (filters.category && card.category !== filters.category) return [];
    if (filters.difficulty && card.difficulty !== filters.difficulty) return [];
    return matchesWords(card.title, filters.q) ? [card] : [];
  });
}
