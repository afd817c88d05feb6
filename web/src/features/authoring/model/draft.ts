// A scenario as the editor holds it, and its way to and from the body of PUT /scenarios/{id}.
// The editor keeps what the learner typed as it is (blank lines included, so a text area keeps its
// caret); only the body sent is tidied.
import type { components } from "../../../api/schema";
import { isLanguage, LANGUAGES } from "../../../i18n/names";

type Schemas = components["schemas"];
export type Body = Schemas["ScenarioDraftIn"];
export type Category = Body["category"];
export type Difficulty = Body["difficulty"];
export type Language = NonNullable<Schemas["FromTemplateIn"]["language"]>;
export type Criterion = Schemas["CriterionIn"];
export type CriterionKind = Criterion["kind"];
export type Phase = Schemas["PhaseIn"];
export type Word = Schemas["VocabularyIn"];
export type Phrase = Schemas["PhraseIn"];

export const CRITERION_KINDS: CriterionKind[] = ["uses_vocabulary", "uses_phrase", "mentions", "asks_question"];

/** A concept a "mentions" goal names, with the words that count as mentioning it. A list, not
 * the body's map, so that renaming one while typing never merges it into another. */
export interface Concept {
  id: string;
  words: string[];
}

export interface PhaseText {
  name: string;
  vocabulary: Word[];
  phrases: Phrase[];
  concepts: Concept[];
  tutor_lines: string[];
  cultural_notes: string[];
}

export interface LocalText {
  title: string;
  description: string;
  cultural_context: string;
  /** By phase id; the phases' order is the draft's ``phases``. */
  phases: Record<string, PhaseText>;
}

export interface Draft {
  category: Category;
  difficulty: Difficulty;
  estimated_minutes: number;
  learner_role: string;
  tutor_role: string;
  setting: string;
  prerequisites: string[];
  learning_outcomes: string[];
  phases: Phase[];
  localizations: Partial<Record<Language, LocalText>>;
}

type Loose = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const record = (value: unknown): Loose => (value && typeof value === "object" ? (value as Loose) : {});

function phaseTextOf(raw: unknown): PhaseText {
  const phase = record(raw);
  return {
    name: text(phase.name),
    vocabulary: list<Word>(phase.vocabulary).map((word) => ({ term: text(word.term), lemma: text(word.lemma), gloss: text(word.gloss) })),
    phrases: list<Phrase>(phase.phrases).map((phrase) => ({ id: text(phrase.id), text: text(phrase.text), gloss: text(phrase.gloss) })),
    concepts: Object.entries(record(phase.concepts)).map(([id, words]) => ({ id, words: list<string>(words) })),
    tutor_lines: list<string>(phase.tutor_lines),
    cultural_notes: list<string>(phase.cultural_notes),
  };
}

function localTextOf(raw: unknown): LocalText {
  const local = record(raw);
  const phases = Object.fromEntries(Object.entries(record(local.phases)).map(([id, phase]) => [id, phaseTextOf(phase)]));
  return { title: text(local.title), description: text(local.description), cultural_context: text(local.cultural_context), phases };
}

/** The editor's draft of a document the API sent (a template's, or a saved scenario's). */
export function fromDocument(document: Record<string, unknown>): Draft {
  const localizations: Draft["localizations"] = {};
  for (const [language, local] of Object.entries(record(document.localizations))) {
    if (isLanguage(language)) localizations[language] = localTextOf(local);
  }
  return {
    category: text(document.category) as Category,
    difficulty: text(document.difficulty) as Difficulty,
    estimated_minutes: typeof document.estimated_minutes === "number" ? document.estimated_minutes : Number.NaN,
    learner_role: text(document.learner_role),
    tutor_role: text(document.tutor_role),
    setting: text(document.setting),
    prerequisites: list<string>(document.prerequisites),
    learning_outcomes: list<string>(document.learning_outcomes),
    phases: list<Phase>(document.phases).map((phase) => ({
      id: text(phase.id),
      objective: text(phase.objective),
      success_criteria: list<Criterion>(phase.success_criteria).map((criterion) => ({ ...criterion })),
    })),
    localizations,
  };
}

/** The non-blank lines, trimmed: a list typed one item per line. */
export function lines(items: string[]): string[] {
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

/** Only the field the goal's kind uses: the API reads the others as mistakes. */
export function criterionBody(criterion: Criterion): Criterion {
  switch (criterion.kind) {
    case "uses_vocabulary":
      return { kind: criterion.kind, min: criterion.min ?? null };
    case "uses_phrase":
      return { kind: criterion.kind, phrase_id: criterion.phrase_id ?? "" };
    case "mentions":
      return { kind: criterion.kind, concept: criterion.concept ?? "" };
    default:
      return { kind: criterion.kind };
  }
}

function conceptsBody(concepts: Concept[]): Record<string, string[]> {
  const body: Record<string, string[]> = {};
  for (const concept of concepts) {
    const id = concept.id.trim();
    body[id] = [...(body[id] ?? []), ...lines(concept.words)];
  }
  return body;
}

function phaseTextBody(phase: PhaseText): Body["localizations"][string]["phases"][string] {
  return {
    name: phase.name,
    vocabulary: phase.vocabulary.map((word) => ({ ...word })),
    phrases: phase.phrases.map((phrase) => ({ ...phrase })),
    concepts: conceptsBody(phase.concepts),
    tutor_lines: lines(phase.tutor_lines),
    cultural_notes: lines(phase.cultural_notes),
  };
}

/** The body of PUT /scenarios/{id} for ``draft``. */
export function toBody(draft: Draft): Body {
  const localizations: Body["localizations"] = {};
  for (const [language, local] of Object.entries(draft.localizations) as [Language, LocalText][]) {
    localizations[language] = {
      title: local.title,
      description: local.description,
      cultural_context: local.cultural_context,
      phases: Object.fromEntries(Object.entries(local.phases).map(([id, phase]) => [id, phaseTextBody(phase)])),
    };
  }
  return {
    category: draft.category,
    difficulty: draft.difficulty,
    // An emptied number field is NaN, which JSON sends as null: the API then names the field.
    estimated_minutes: draft.estimated_minutes,
    learner_role: draft.learner_role,
    tutor_role: draft.tutor_role,
    setting: draft.setting,
    prerequisites: lines(draft.prerequisites),
    learning_outcomes: lines(draft.learning_outcomes),
    phases: draft.phases.map((phase) => ({ ...phase, success_criteria: phase.success_criteria.map(criterionBody) })),
    localizations,
  };
}

/** JSON with every object's keys sorted: two bodies that mean the same read the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Loose).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** Whether saving ``draft`` would change the ``saved`` one (blank lines and key order aside). */
export function isDirty(saved: Draft, draft: Draft): boolean {
  return canonical(toBody(saved)) !== canonical(toBody(draft));
}

/** The languages the draft is written in, in the order the pickers list them. */
export function languagesOf(draft: Draft): Language[] {
  return LANGUAGES.filter((language) => draft.localizations[language] !== undefined);
}
