// Changing the rows of a phase (words, phrases, concepts, goals): small, pure list edits.
import type { Criterion, CriterionKind, PhaseText } from "./draft";
import { freshId } from "./phases";

/** ``items`` with the one at ``index`` replaced by ``item``. */
export function replaced<T>(items: T[], index: number, item: T): T[] {
  return items.map((current, at) => (at === index ? item : current));
}

/** ``items`` without the one at ``index``. */
export function removed<T>(items: T[], index: number): T[] {
  return items.filter((_, at) => at !== index);
}

/** A text area's value as its lines, and back: one list item per line. */
export const splitLines = (value: string): string[] => value.split("\n");
export const joinLines = (items: string[]): string => items.join("\n");

/** The phase with one more, empty phrase, under an id no other phrase of it has. */
export function addPhrase(text: PhaseText): PhaseText {
  const id = freshId("phrase", text.phrases.map((phrase) => phrase.id));
  return { ...text, phrases: [...text.phrases, { id, text: "", gloss: "" }] };
}

/** The phase with one more, empty concept, under an id no other concept of it has. */
export function addConcept(text: PhaseText): PhaseText {
  const id = freshId("concept", text.concepts.map((concept) => concept.id));
  return { ...text, concepts: [...text.concepts, { id, words: [] }] };
}

/** The goal as ``kind``, filled with what the phase offers: its first phrase for "use a phrase",
 * its first concept for "mention", one key word for "use key words". */
export function withKind(criterion: Criterion, kind: CriterionKind, text: PhaseText | undefined): Criterion {
  switch (kind) {
    case "uses_vocabulary":
      return { kind, min: criterion.min ?? 1 };
    case "uses_phrase":
      return { kind, phrase_id: criterion.phrase_id ?? text?.phrases[0]?.id ?? "" };
    case "mentions":
      return { kind, concept: criterion.concept ?? text?.concepts[0]?.id ?? "" };
    default:
      return { kind };
  }
}
