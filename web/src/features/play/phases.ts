// Where the learner is in a run: which phase, what it asks of them, and what they have done of
// it. No I/O here.
import type { components } from "../../api/schema";
import type { Run } from "./transcript";

export type Scenario = components["schemas"]["ScenarioOut"];
type Criterion = components["schemas"]["CriterionOut"];

export interface CriterionView {
  description: string;
  met: boolean;
}

export interface PhaseView {
  /** 1-based, for "Phase 2 of 4". */
  number: number;
  total: number;
  completed: number;
  /** Empty when the scenario no longer has the run's phase (its author changed it since). */
  name: string;
  objective: string;
  criteria: CriterionView[];
}

/** How the API names a criterion in a phase's ``criteria_met``. */
export function criterionId(criterion: Criterion): string {
  switch (criterion.kind) {
    case "uses_vocabulary":
      return `uses_vocabulary:${criterion.min ?? 0}`;
    case "uses_phrase":
      return `uses_phrase:${criterion.phrase_id ?? ""}`;
    case "mentions":
      return `mentions:${criterion.concept ?? ""}`;
    default:
      return criterion.kind;
  }
}

/** The run's current phase. The run's own phases count (they are the ones it was started with);
 * the scenario gives their names and objectives, matched by id. */
export function phaseView(run: Run, scenario: Scenario): PhaseView {
  const total = run.phases.length;
  const index = Math.min(Math.max(run.current_phase, 0), Math.max(total - 1, 0));
  const progress = run.phases[index];
  const phase = scenario.phases.find((candidate) => candidate.id === progress?.phase_id);
  const met = new Set(progress?.criteria_met ?? []);
  return {
    number: total === 0 ? 0 : index + 1,
    total,
    completed: run.phases.filter((p) => p.completed).length,
    name: phase?.name ?? "",
    objective: phase?.objective ?? "",
    criteria: (phase?.success_criteria ?? []).map((c) => ({ description: c.description, met: met.has(criterionId(c)) })),
  };
}
