// One shape for a scenario in any list: the hub's lists, the search results and the tagged items
// each answer their own, and a card shows them all alike.
import type { components } from "../../api/schema";
import { locale, t, type Locale } from "../../i18n";
import type { Reasoned } from "./reasons";

type Discovered = components["schemas"]["DiscoveredOut"];
type Recommended = components["schemas"]["RecommendedOut"];
type Summary = components["schemas"]["ScenarioSummaryOut"];
type Tagged = components["schemas"]["TaggedItemOut"];

export interface Rating {
  mean: number;
  count: number;
}

export interface Card {
  id: string;
  title: string;
  category: string;
  difficulty: string;
  /** Only where the list carries it (the hub's lists): a search result shows none, rather than
   * asking for each result's ratings on its own. */
  rating?: Rating;
  /** Only a recommendation has one. */
  why?: Reasoned;
}

export function fromDiscovered(found: Discovered, why?: Reasoned): Card {
  const card: Card = {
    id: found.scenario_id,
    title: found.title,
    category: found.category,
    difficulty: found.difficulty,
    rating: { mean: found.mean_rating ?? 0, count: found.ratings ?? 0 },
  };
  return why ? { ...card, why } : card;
}

export function fromRecommended(recommended: Recommended): Card {
  const { scenario, ...why } = recommended;
  return fromDiscovered(scenario, why);
}

export function fromSummary(summary: Summary): Card {
  return { id: summary.id, title: summary.title, category: summary.category, difficulty: summary.difficulty };
}

/** A tagged public scenario as a card, titled in ``language`` when it has that title; null for
 * what is not a scenario one can open. */
export function fromTagged(tagged: Tagged, language: string): Card | null {
  const item = tagged.item;
  if (tagged.ref.kind !== "scenario" || !item || item.removed || tagged.removed) return null;
  const titles = item.titles ?? {};
  const title = titles[language] ?? Object.values(titles)[0];
  if (!title) return null;
  return { id: tagged.ref.id, title, category: item.category ?? "", difficulty: item.difficulty ?? "" };
}

function decimal(value: number, lang: Locale = locale.value): string {
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** "Rated 4.3 out of 5 (12 ratings)", or that nobody rated it yet. */
export function ratingText(rating: Rating, lang?: Locale): string {
  if (rating.count <= 0) return t("discover.rating.none", {}, lang);
  const key = rating.count === 1 ? "discover.rating.one" : "discover.rating.many";
  return t(key, { mean: decimal(rating.mean, lang), count: rating.count }, lang);
}

/** A mean out of 5, one decimal, in the interface language's way of writing numbers. */
export function outOfFive(mean: number, lang?: Locale): string {
  return t("discover.outOfFive", { mean: decimal(mean, lang) }, lang);
}

/** The scenario's page, in the language the list was for. */
export function scenarioHref(id: string, language: string): string {
  return `/scenarios/${encodeURIComponent(id)}?language=${encodeURIComponent(language)}`;
}
