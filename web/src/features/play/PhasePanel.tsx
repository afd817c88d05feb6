// Where the learner is in the run: "Phase 2 of 4", what the phase asks, and what is done of it.
import { t } from "../../i18n";
import { phaseView, type Scenario } from "./phases";
import type { Run } from "./transcript";

export function PhasePanel({ run, scenario }: { run: Run; scenario: Scenario }) {
  const phase = phaseView(run, scenario);
  return (
    <section class="play-phase" aria-labelledby="play-phase-title">
      <h2 id="play-phase-title">
        {t("play.phase", { number: phase.number, total: phase.total })}
        {phase.name && `: ${phase.name}`}
      </h2>
      <progress max={phase.total} value={phase.completed} aria-hidden="true" />
      <p class="play-done">{t("play.phase.done", { done: phase.completed, total: phase.total })}</p>
      {phase.objective && (
        <p>
          <strong>{t("play.objective")}</strong> {phase.objective}
        </p>
      )}
      {phase.criteria.length > 0 && (
        <>
          <h3>{t("play.criteria")}</h3>
          <ul class="play-criteria">
            {phase.criteria.map((criterion) => (
              <li class={criterion.met ? "play-met" : undefined}>
                <span aria-hidden="true">{criterion.met ? "✓" : "○"}</span> {criterion.description}
                <span class="play-sr">{criterion.met ? t("play.criterion.met") : t("play.criterion.open")}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
