// Playing the scenario: resume an unfinished session of it, or start one in a chosen language.
import { useState } from "preact/hooks";
import { Link, useLocation } from "wouter-preact";

import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n";
import { languageName } from "../../i18n/names";
import { Failure, attempt, useLoad } from "../../ui/load";
import { unfinishedRun } from "./fetchers";
import { playableLanguages, startLanguage } from "./runs";

type Summary = components["schemas"]["ScenarioSummaryOut"];

function Resume({ scenarioId }: { scenarioId: string }) {
  const [load, reload] = useLoad(() => unfinishedRun(scenarioId), [scenarioId]);
  if (load.state === "failed") return <Failure message={load.message} retry={reload} />;
  const run = load.state === "ready" ? load.data.run : null;
  if (!run) return null;
  return (
    <p class="discover-resume">
      {t("discover.play.unfinished", { language: languageName(run.language), done: run.phases_completed, total: run.phases_total })}{" "}
      <Link href={`/play/${run.id}`}>{t("discover.play.resume")}</Link>
    </p>
  );
}

export function StartPanel({ summary }: { summary: Summary }) {
  const [, navigate] = useLocation();
  const languages = playableLanguages(summary);
  const [language, setLanguage] = useState(startLanguage(summary));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start(event: Event) {
    event.preventDefault();
    if (busy || !language) return;
    setBusy(true);
    setError(null);
    const outcome = await attempt(api.POST("/api/v1/runs", { body: { scenario_id: summary.id, language } }));
    setBusy(false);
    if (outcome.ok) navigate(`/play/${outcome.data.id}`);
    else setError(outcome.message);
  }

  return (
    <section aria-labelledby="discover-play" class="discover-play">
      <h2 id="discover-play">{t("discover.play.title")}</h2>
      <Resume scenarioId={summary.id} />
      {language ? (
        <form class="discover-start" onSubmit={start}>
          <label>
            {t("discover.play.language")}
            <select value={language} onChange={(e) => setLanguage(languages.find((code) => code === e.currentTarget.value) ?? language)}>
              {languages.map((code) => (
                <option value={code}>{languageName(code)}</option>
              ))}
            </select>
          </label>
          {/* aria-disabled keeps the focus on the button while the session is created */}
          <button type="submit" aria-disabled={busy}>
            {busy ? t("discover.play.starting") : t("discover.play.start")}
          </button>
        </form>
      ) : (
        <p>{t("discover.play.noLanguage")}</p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <p>
        <Link href={`/scenarios/${encodeURIComponent(summary.id)}/rate`}>{t("discover.play.rate")}</Link>
      </p>
    </section>
  );
}
