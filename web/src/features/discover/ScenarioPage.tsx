// /scenarios/:id: what the scenario is, its phases, how to play it, and what learners thought.
import { Link, useParams, useSearch } from "wouter-preact";

import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n";
import { categoryName, difficultyName } from "../../i18n/names";
import { Shown, useLoad } from "../../ui/load";
import { KeepIt } from "../library/widgets";
import "./discover.css";
import { RatingSummary, Reviews } from "./Ratings";
import { viewFromSearch } from "./search";
import { StartPanel } from "./StartPanel";

type Scenario = components["schemas"]["ScenarioOut"];

function Facts({ scenario }: { scenario: Scenario }) {
  const { summary } = scenario;
  const facts: [string, string][] = [
    [t("discover.scenario.category"), categoryName(summary.category)],
    [t("discover.scenario.difficulty"), difficultyName(summary.difficulty)],
    [t("discover.scenario.length"), t("discover.scenario.minutes", { minutes: summary.estimated_minutes })],
    [t("discover.scenario.setting"), scenario.setting],
    [t("discover.scenario.yourRole"), scenario.learner_role],
    [t("discover.scenario.tutorRole"), scenario.tutor_role],
  ];
  return (
    <dl class="discover-facts">
      {facts
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function Phases({ phases }: { phases: Scenario["phases"] }) {
  return (
    <section aria-labelledby="discover-phases">
      <h2 id="discover-phases">{t("discover.scenario.phases")}</h2>
      <ol class="discover-phases">
        {phases.map((phase) => (
          <li key={phase.id}>
            <strong>{phase.name}</strong>
            <p>{t("discover.scenario.objective", { objective: phase.objective })}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Details({ scenario }: { scenario: Scenario }) {
  const { summary } = scenario;
  return (
    <>
      <h1>{summary.title}</h1>
      <p class="discover-description">{summary.description}</p>
      <Facts scenario={scenario} />
      <StartPanel key={summary.id} summary={summary} />
      <KeepIt kind="scenario" id={summary.id} />
      <Phases phases={scenario.phases} />
      <RatingSummary scenarioId={summary.id} />
      <Reviews scenarioId={summary.id} />
    </>
  );
}

export function ScenarioPage() {
  const { id = "" } = useParams<{ id: string }>();
  // The list it was chosen from names the language to show it in.
  const { language } = viewFromSearch(useSearch());
  const [load, reload] = useLoad(
    () => api.GET("/api/v1/scenarios/{scenario_id}", { params: { path: { scenario_id: id }, query: { language: language ?? undefined } } }),
    [id, language],
  );
  return (
    <main class="discover discover-scenario">
      <p>
        <Link href="/discover">{t("discover.scenario.back")}</Link>
      </p>
      <Shown load={load} retry={reload}>
        {(scenario) => <Details scenario={scenario} />}
      </Shown>
    </main>
  );
}
