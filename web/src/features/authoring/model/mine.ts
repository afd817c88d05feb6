// The learner's own scenarios as the list shows them. The catalogue lists a scenario once per
// language it is written in; the list shows it once, in the language it was found in first.
import type { components } from "../../../api/schema";

export type Listing = components["schemas"]["ScenarioSummaryOut"];

/** ``more`` added to ``known``: each scenario once, in the order first seen. */
export function mergeListings(known: Listing[], more: Listing[]): Listing[] {
  const seen = new Set(known.map((listing) => listing.id));
  const merged = [...known];
  for (const listing of more) {
    if (seen.has(listing.id)) continue;
    seen.add(listing.id);
    merged.push(listing);
  }
  return merged;
}

/** Whether a scenario is shared with every learner (published) rather than kept private. */
export const isPublished = (listing: Pick<Listing, "visibility">): boolean => listing.visibility === "public";
