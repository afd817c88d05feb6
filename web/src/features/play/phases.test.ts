import { describe, expect, it } from "vitest";

import { run, scenario } from "./fixtures";
import { criterionId, phaseView } from "./phases";

describe("the phase a run is in", () => {
  it("is counted from one, out of the run's phases", () => {
    const view = phaseView(run({ current_phase: 1 }), scenario());
    expect([view.number, view.total]).toEqual([2, 2]);
    expect(view.name).toBe("Ordering");
    expect(view.objective).toBe("Order a coffee");
  });

  it("counts the phases completed so far", () => {
    const phases = run().phases.map((phase, index) => ({ ...phase, completed: index === 0 }));
    expect(phaseView(run({ phases, current_phase: 1 }), scenario()).completed).toBe(1);
  });

  it("marks each success criterion met by how the API names it", () => {
    const phases = run().phases.map((phase) => ({ ...phase, criteria_met: phase.phase_id === "greet" ? ["uses_phrase:hola"] : [] }));
    expect(phaseView(run({ phases }), scenario()).criteria).toEqual([
      { description: "Say hello", met: true },
      { description: "Ask a question", met: false },
    ]);
  });

  it("stays on the last phase when the run points past it", () => {
    expect(phaseView(run({ current_phase: 5 }), scenario()).number).toBe(2);
  });

  it("still counts phases the scenario no longer has, without a name", () => {
    const phases = run().phases.map((phase) => ({ ...phase, phase_id: `old-${phase.phase_id}` }));
    const view = phaseView(run({ phases }), scenario());
    expect([view.number, view.total, view.name, view.criteria]).toEqual([1, 2, "", []]);
  });
});

describe("a success criterion's name", () => {
  it("carries what it counts, as the API's criteria_met does", () => {
    expect(criterionId({ kind: "uses_vocabulary", min: 3, description: "" })).toBe("uses_vocabulary:3");
    expect(criterionId({ kind: "uses_phrase", phrase_id: "hola", description: "" })).toBe("uses_phrase:hola");
    expect(criterionId({ kind: "mentions", concept: "price", description: "" })).toBe("mentions:price");
    expect(criterionId({ kind: "asks_question", description: "" })).toBe("asks_question");
  });
});
