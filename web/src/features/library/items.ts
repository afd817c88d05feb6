// How an item of a collection, a bookmark or a tag is named and where it leads.
import type { ItemSummary } from "./types";

/** The item's title in ``language`` when it has one, else in its first language, else any; null
 * when it has none (a removed item keeps no title). */
export function titleOf(item: Pick<ItemSummary, "titles" | "languages">, language: string): string | null {
  const titles = item.titles ?? {};
  const first = item.languages?.find((code) => titles[code]);
  return titles[language] || (first && titles[first]) || Object.values(titles).find(Boolean) || null;
}

/** The page of a scenario, a document or a collection. */
export function hrefOf(ref: { kind: string; id: string }): string {
  const id = encodeURIComponent(ref.id);
  if (ref.kind === "document") return `/documents/${id}`;
  if (ref.kind === "collection") return `/collections/${id}`;
  return `/scenarios/${id}`;
}

/** The address anyone can open a collection at (if it is public). */
export function shareLink(origin: string, collectionId: string): string {
  return `${origin}/collections/${encodeURIComponent(collectionId)}`;
}
