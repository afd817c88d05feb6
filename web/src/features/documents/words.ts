// The learner's status of each key word: new (not yet studied), learning, known, or ignored (a
// name or a word they do not want to learn). Selecting a word moves it to the next status.
import type { components, paths } from "../../api/schema";
import { isLanguage } from "../../i18n/names";

export type VocabularyItem = components["schemas"]["parla__gateway__document_schemas__VocabularyItemOut"];
export type WordStatus = VocabularyItem["status"];
type Language = paths["/api/v1/words/{language}/{lemma}"]["put"]["parameters"]["path"]["language"];

/** In the order a word usually goes through them; ignored sits at the end, out of the way. */
export const STATUSES: readonly WordStatus[] = ["new", "learning", "known", "ignored"];

export function nextStatus(status: WordStatus): WordStatus {
  return STATUSES[(STATUSES.indexOf(status) + 1) % STATUSES.length];
}

/** ``vocabulary`` with ``lemma`` given ``status``. */
export function withStatus(vocabulary: readonly VocabularyItem[], lemma: string, status: WordStatus): VocabularyItem[] {
  return vocabulary.map((item) => (item.lemma === lemma ? { ...item, status } : item));
}

/** How many key words have each status. */
export function tally(vocabulary: readonly VocabularyItem[]): Record<WordStatus, number> {
  const counts: Record<WordStatus, number> = { new: 0, learning: 0, known: 0, ignored: 0 };
  for (const item of vocabulary) counts[item.status] += 1;
  return counts;
}

/** The document's language as the words API names it, or null when it is not one of them. */
export function wordLanguage(language: string): Language | null {
  return isLanguage(language) ? language : null;
}
