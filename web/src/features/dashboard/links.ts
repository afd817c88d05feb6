// Where the dashboard sends a learner to work on what it shows: the discover page's search
// (its address carries ?language=&q=&category=&search=1), the review queue, a scenario or a document.
import type { components } from "../../api/schema";

type Effect = components["schemas"]["EffectOut"];

function discoverHref(params: Record<string, string>): string {
  return `/discover?${new URLSearchParams({ ...params, search: "1" }).toString()}`;
}

/** Scenarios in the word's language whose title or description has the word. */
export function wordHref(word: string, language: string): string {
  return discoverHref({ language, q: word });
}

/** Scenarios of a category, in the learner's first target language (discover's default). */
export function categoryHref(category: string): string {
  return discoverHref({ category });
}

export const REVIEW_HREF = "/review";

export function effectHref(effect: Effect): string {
  const id = encodeURIComponent(effect.subject_id);
  return effect.kind === "scenario" ? `/scenarios/${id}` : `/documents/${id}`;
}
