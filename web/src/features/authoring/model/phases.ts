// Changing a draft's phases: each phase is one step of the conversation, written once (its
// objective and goals) and once more in every language (its words, phrases and tutor lines).
import type { Draft, LocalText, Phase, PhaseText } from "./draft";

export const MAX_PHASES = 6;

/** The first of ``stem``, ``stem-2``, ``stem-3``… not in ``taken``. */
export function freshId(stem: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(stem)) return stem;
  let number = 2;
  while (used.has(`${stem}-${number}`)) number += 1;
  return `${stem}-${number}`;
}

/** What a new phase starts with in one language: one empty row of each list the API needs. */
export function blankPhaseText(): PhaseText {
  return {
    name: "",
    vocabulary: [{ term: "", lemma: "", gloss: "" }],
    phrases: [{ id: "phrase", text: "", gloss: "" }],
    concepts: [],
    tutor_lines: [""],
    cultural_notes: [],
  };
}

function eachLocal(draft: Draft, change: (local: LocalText) => LocalText): Draft["localizations"] {
  return Object.fromEntries(Object.entries(draft.localizations).map(([language, local]) => [language, change(local as LocalText)]));
}

/** The draft with a new, empty phase at the end (in every language), unless it has the most. */
export function addPhase(draft: Draft): Draft {
  if (draft.phases.length >= MAX_PHASES) return draft;
  const id = freshId("phase", draft.phases.map((phase) => phase.id));
  // "Ask a question" is the one goal that needs nothing else filled in.
  const phase: Phase = { id, objective: "", success_criteria: [{ kind: "asks_question" }] };
  return {
    ...draft,
    phases: [...draft.phases, phase],
    localizations: eachLocal(draft, (local) => ({ ...local, phases: { ...local.phases, [id]: blankPhaseText() } })),
  };
}

/** The draft without its phase at ``index`` (in every language); a scenario keeps at least one. */
export function removePhase(draft: Draft, index: number): Draft {
  const gone = draft.phases[index];
  if (!gone || draft.phases.length <= 1) return draft;
  return {
    ...draft,
    phases: draft.phases.filter((_, at) => at !== index),
    localizations: eachLocal(draft, (local) => {
      const { [gone.id]: _dropped, ...phases } = local.phases;
      return { ...local, phases };
    }),
  };
}

/** The draft with its phase at ``index`` moved ``by`` places (-1 earlier, +1 later), if it can. */
export function movePhase(draft: Draft, index: number, by: -1 | 1): Draft {
  const target = index + by;
  if (index < 0 || index >= draft.phases.length || target < 0 || target >= draft.phases.length) return draft;
  const phases = [...draft.phases];
  [phases[index], phases[target]] = [phases[target], phases[index]];
  return { ...draft, phases };
}

/** The draft with ``change`` made to its phase at ``index``. */
export function changePhase(draft: Draft, index: number, change: (phase: Phase) => Phase): Draft {
  return { ...draft, phases: draft.phases.map((phase, at) => (at === index ? change(phase) : phase)) };
}

/** The draft with ``change`` made to the phase ``phaseId`` as written in ``language``. */
export function changePhaseText(draft: Draft, language: keyof Draft["localizations"], phaseId: string, change: (text: PhaseText) => PhaseText): Draft {
  const local = draft.localizations[language];
  if (!local) return draft;
  const current = local.phases[phaseId] ?? blankPhaseText();
  return {
    ...draft,
    localizations: { ...draft.localizations, [language]: { ...local, phases: { ...local.phases, [phaseId]: change(current) } } },
  };
}
