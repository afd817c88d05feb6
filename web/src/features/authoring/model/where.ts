// A field's path in the scenario's body, said in words ("Spanish › Phase 2 › Key word 1 › Meaning"),
// for the list of problems above the editor.
import { t } from "../../../i18n";
import { isLanguage, languageName } from "../../../i18n/names";
import type { MessageKey } from "../../../i18n/en";
import type { Draft } from "./draft";

const FIELD: Record<string, MessageKey> = {
  category: "authoring.field.category",
  difficulty: "authoring.field.difficulty",
  estimated_minutes: "authoring.field.minutes",
  learner_role: "authoring.field.learnerRole",
  tutor_role: "authoring.field.tutorRole",
  setting: "authoring.field.setting",
  prerequisites: "authoring.field.prerequisites",
  learning_outcomes: "authoring.field.outcomes",
  title: "authoring.field.title",
  description: "authoring.field.description",
  cultural_context: "authoring.field.culturalContext",
  objective: "authoring.field.objective",
  success_criteria: "authoring.goals.title",
  kind: "authoring.goal.kind",
  min: "authoring.goal.min",
  phrase_id: "authoring.goal.phrase",
  concept: "authoring.goal.concept",
  name: "authoring.field.phaseName",
  tutor_lines: "authoring.field.tutorLines",
  cultural_notes: "authoring.field.culturalNotes",
  vocabulary: "authoring.words.title",
  term: "authoring.word.term",
  lemma: "authoring.word.lemma",
  gloss: "authoring.word.gloss",
  phrases: "authoring.phrases.title",
  text: "authoring.phrase.text",
  id: "authoring.phrase.id",
  concepts: "authoring.concepts.title",
  phases: "authoring.phases.title",
  localizations: "authoring.languages.title",
  draft: "authoring.where.whole",
};

const ROW: Record<string, MessageKey> = {
  success_criteria: "authoring.goal.number",
  vocabulary: "authoring.word.number",
  phrases: "authoring.phrase.number",
};

const isNumber = (part: string | undefined): boolean => part !== undefined && /^\d+$/.test(part);

/** ``path`` in words; a part it does not know is shown as it is. */
export function where(path: string, draft: Draft): string {
  const parts = path.split(".");
  const words: string[] = [];
  for (let at = 0; at < parts.length; at += 1) {
    const part = parts[at];
    const next = parts[at + 1];
    if (part === "localizations" && isLanguage(next)) {
      words.push(languageName(next));
      at += 1;
    } else if (part === "phases" && isNumber(next)) {
      words.push(t("authoring.phase.number", { number: Number(next) + 1 }));
      at += 1;
    } else if (part === "phases" && next !== undefined && parts[at - 2] === "localizations") {
      const index = draft.phases.findIndex((phase) => phase.id === next);
      words.push(index >= 0 ? t("authoring.phase.number", { number: index + 1 }) : next);
      at += 1;
    } else if (part in ROW && isNumber(next)) {
      words.push(t(ROW[part], { number: Number(next) + 1 }));
      at += 1;
    } else if (part === "concepts" && next !== undefined) {
      words.push(t("authoring.concept.named", { id: next }));
      at += 1;
    } else {
      words.push(part in FIELD ? t(FIELD[part]) : part);
    }
  }
  return words.join(" › ");
}
