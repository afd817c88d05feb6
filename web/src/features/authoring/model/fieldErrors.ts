// The API's refusal of a request, field by field: its error body names each wrong field by its
// path in the body ("phases.0.objective", "localizations.es.phases.greet.vocabulary.1.term"), and
// a form shows each message next to the field it names, or next to the nearest list holding it.
import { CRITERION_KINDS, languagesOf, type Draft } from "./draft";

export interface Refusal {
  /** What the API said as a whole: what was wrong and what to do. */
  message: string;
  /** Each wrong field's message, by the path of the editor field that shows it. */
  byField: Record<string, string>;
  /** Messages naming no field the editor shows, with the path the API gave. */
  unplaced: { path: string; message: string }[];
}

/** The path of a field in the body without what only the validator adds: a goal's kind (the
 * service tells goals apart by it), "[key]" for a bad map key, "function-…" wrappers, "body". */
export function bodyPath(reported: string): string {
  const dropped = new Set<string>([...CRITERION_KINDS, "[key]", "body"]);
  return reported
    .split(".")
    .filter((part) => part !== "" && !dropped.has(part) && !part.startsWith("function-"))
    .join(".");
}

/** The path of every field and list the editor shows for ``draft``, in every language. */
export function fieldPaths(draft: Draft): string[] {
  const paths = ["category", "difficulty", "estimated_minutes", "learner_role", "tutor_role", "setting"];
  paths.push("prerequisites", "learning_outcomes", "phases", "localizations");
  draft.phases.forEach((phase, index) => {
    const at = `phases.${index}`;
    paths.push(at, `${at}.objective`, `${at}.success_criteria`);
    phase.success_criteria.forEach((_, number) => {
      const goal = `${at}.success_criteria.${number}`;
      paths.push(goal, `${goal}.kind`, `${goal}.min`, `${goal}.phrase_id`, `${goal}.concept`);
    });
  });
  for (const language of languagesOf(draft)) {
    const local = `localizations.${language}`;
    paths.push(local, `${local}.title`, `${local}.description`, `${local}.cultural_context`, `${local}.phases`);
    for (const [phaseId, text] of Object.entries(draft.localizations[language]?.phases ?? {})) {
      const at = `${local}.phases.${phaseId}`;
      paths.push(at, `${at}.name`, `${at}.tutor_lines`, `${at}.cultural_notes`, `${at}.vocabulary`, `${at}.phrases`, `${at}.concepts`);
      text.vocabulary.forEach((_, row) => paths.push(`${at}.vocabulary.${row}.term`, `${at}.vocabulary.${row}.lemma`, `${at}.vocabulary.${row}.gloss`));
      text.phrases.forEach((_, row) => paths.push(`${at}.phrases.${row}.id`, `${at}.phrases.${row}.text`, `${at}.phrases.${row}.gloss`));
      text.concepts.forEach((concept) => paths.push(`${at}.concepts.${concept.id}`));
    }
  }
  return paths;
}

/** The shown field nearest ``path``: itself, or the closest field or list that holds it. */
export function nearestField(path: string, shown: Set<string>): string | null {
  const parts = path.split(".");
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join(".");
    if (shown.has(candidate)) return candidate;
  }
  return null;
}

/** The API's error body as a message, and each named field's message placed on the ``shown``
 * field nearest it; ``fallback`` when the body says nothing a person can read. */
export function refusalOf(body: unknown, shownPaths: string[], fallback: string): Refusal {
  const error = (body as { error?: { message?: unknown; details?: unknown } } | undefined)?.error;
  const message = typeof error?.message === "string" && error.message ? error.message : fallback;
  const details = error?.details && typeof error.details === "object" ? (error.details as Record<string, unknown>) : {};
  const shown = new Set(shownPaths);
  const refusal: Refusal = { message, byField: {}, unplaced: [] };
  for (const [reported, why] of Object.entries(details)) {
    const path = bodyPath(reported);
    const text = String(why);
    const field = nearestField(path, shown);
    if (field === null) refusal.unplaced.push({ path: reported, message: text });
    else refusal.byField[field] = refusal.byField[field] ? `${refusal.byField[field]} ${text}` : text;
  }
  return refusal;
}

/** An element id for the field at ``path``: dots become "__", anything else odd becomes "_". */
export function fieldId(path: string): string {
  return `authoring-${path.replace(/\./g, "__").replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/** The language a field path belongs to ("localizations.fr…" → "fr"), if any. */
export function languageOfPath(path: string): string | null {
  const [head, language] = path.split(".");
  return head === "localizations" && language ? language : null;
}
