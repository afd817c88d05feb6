// The check before playing the saved scenario: how many key words it has in a language, and how
// many of them are among the learner's review cards, due or new today.
import { useState } from "preact/hooks";

import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import { t } from "../../../i18n";
import { languageName } from "../../../i18n/names";
import { attempt, Failure } from "../../../ui/load";
import { Section } from "./fields";

type Finding = components["schemas"]["PreflightOut"];
type Check = { state: "idle" } | { state: "running" } | { state: "failed"; message: string } | { state: "done"; finding: Finding };

interface Props {
  scenarioId: string;
  /** The languages of the saved scenario: the check reads what is saved. */
  languages: string[];
  dirty: boolean;
}

/** What the check found, and what to do about it when something is missing. */
function Findings({ finding }: { finding: Finding }) {
  const { session } = finding;
  const language = languageName(finding.language);
  return (
    <div class="authoring-findings">
      <ul>
        <li>{t("authoring.preflight.words", { count: finding.words, language })}</li>
        <li>{t("authoring.preflight.cards", { count: session.cards ?? 0 })}</li>
        <li>{t("authoring.preflight.due", { review: session.review_due, learning: session.learning_due, fresh: session.new_available })}</li>
      </ul>
      {finding.words === 0 && <p class="authoring-fix">{t("authoring.preflight.fixWords", { language })}</p>}
      {finding.words > 0 && (session.cards ?? 0) === 0 && <p class="authoring-hint">{t("authoring.preflight.noCards")}</p>}
    </div>
  );
}

export function Preflight({ scenarioId, languages, dirty }: Props) {
  const [language, setLanguage] = useState(languages[0] ?? "");
  const [check, setCheck] = useState<Check>({ state: "idle" });
  const chosen = languages.includes(language) ? language : (languages[0] ?? "");

  async function run() {
    setCheck({ state: "running" });
    const query = { language: chosen as NonNullable<components["schemas"]["FromTemplateIn"]["language"]> };
    const outcome = await attempt(api.GET("/api/v1/scenarios/{scenario_id}/preflight", { params: { path: { scenario_id: scenarioId }, query } }));
    setCheck(outcome.ok ? { state: "done", finding: outcome.data } : { state: "failed", message: outcome.message });
  }

  return (
    <Section heading={t("authoring.preflight.title")} level={2}>
      <p class="authoring-hint">{t("authoring.preflight.hint")}</p>
      <div class="authoring-inline-form">
        <label>
          {t("authoring.preflight.language")}
          <select value={chosen} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {languages.map((code) => (
              <option value={code}>{languageName(code)}</option>
            ))}
          </select>
        </label>
        <button type="button" disabled={dirty || check.state === "running"} onClick={run}>
          {t("authoring.preflight.run")}
        </button>
      </div>
      {dirty && <p class="authoring-hint">{t("authoring.saveFirst")}</p>}
      <div role="status">
        {check.state === "running" && <p class="authoring-hint">{t("authoring.preflight.running")}</p>}
        {check.state === "done" && <Findings finding={check.finding} />}
      </div>
      {check.state === "failed" && <Failure message={check.message} retry={run} />}
    </Section>
  );
}
