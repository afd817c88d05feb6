// The conversation of a run as the page shows it: the turns the API stored, the feedback each
// answered turn brought, the turn on its way, and what the learner is typing. No I/O here.
import type { components } from "../../api/schema";

export type Run = components["schemas"]["RunOut"];
export type TurnResult = components["schemas"]["TurnResultOut"];
export type Mistake = components["schemas"]["MistakeOut"];

/** What the API said about one learner turn when it was answered. */
export interface TurnNote {
  feedback: string[];
  mistakes: Mistake[];
  phaseCompleted: boolean;
}

export type Problem = { kind: "blank" } | { kind: "refused"; message: string };

export interface Transcript {
  run: Run;
  /** Notes by the index of their learner turn in ``run.turns``. Only turns answered on this page
   * have one: a stored run keeps its turns' text, not what was said about each. */
  notes: Record<number, TurnNote>;
  /** The text being sent, while the tutor has not answered. */
  pending: string | null;
  draft: string;
  problem: Problem | null;
}

export type Action =
  | { type: "edit"; draft: string }
  | { type: "send" }
  | { type: "replied"; result: TurnResult }
  | { type: "failed"; message: string };

export interface Entry {
  role: "learner" | "tutor";
  text: string;
  note?: TurnNote;
  pending?: boolean;
}

export function started(run: Run): Transcript {
  return { run, notes: {}, pending: null, draft: "", problem: null };
}

/** The text a send would send: none while a turn is on its way, or when nothing is written. */
export function sendable(state: Transcript): string | null {
  return state.pending === null && state.draft.trim() ? state.draft : null;
}

function lastLearnerTurn(run: Run): number {
  for (let index = run.turns.length - 1; index >= 0; index -= 1) {
    if (run.turns[index].role === "learner") return index;
  }
  return -1;
}

/** Text the learner typed while waiting stays, after the text that failed: nothing is lost. */
function restored(failed: string, typed: string): string {
  return typed.trim() ? `${failed}\n${typed}` : failed;
}

export function transcript(state: Transcript, action: Action): Transcript {
  switch (action.type) {
    case "edit":
      // Writing answers "write something first"; a refused send stays shown with its retry.
      return { ...state, draft: action.draft, problem: state.problem?.kind === "blank" ? null : state.problem };
    case "send":
      if (state.pending !== null) return state;
      if (sendable(state) === null) return { ...state, problem: { kind: "blank" } };
      return { ...state, pending: state.draft, draft: "", problem: null };
    case "replied": {
      const { run, feedback, mistakes, phase_completed } = action.result;
      const note = { feedback, mistakes, phaseCompleted: phase_completed };
      return { ...state, run, notes: { ...state.notes, [lastLearnerTurn(run)]: note }, pending: null, problem: null };
    }
    case "failed":
      if (state.pending === null) return state;
      return {
        ...state,
        draft: restored(state.pending, state.draft),
        pending: null,
        problem: { kind: "refused", message: action.message },
      };
  }
}

/** The turns to show, oldest first, the one on its way last. */
export function entries(state: Transcript): Entry[] {
  const shown: Entry[] = state.run.turns.map((turn, index) => ({
    role: turn.role === "learner" ? "learner" : "tutor",
    text: turn.text,
    note: state.notes[index],
  }));
  if (state.pending !== null) shown.push({ role: "learner", text: state.pending, pending: true });
  return shown;
}

/** Enter sends; Shift+Enter makes a new line; Enter that ends an input-method composition (as
 * when typing Japanese or Chinese) only confirms the characters. */
export function sendsOnKey(key: { key: string; shiftKey: boolean; isComposing: boolean }): boolean {
  return key.key === "Enter" && !key.shiftKey && !key.isComposing;
}
