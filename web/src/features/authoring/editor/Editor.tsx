// The editor of one scenario: the draft being changed beside the saved one, saving it whole (PUT),
// and the API's refusal shown field by field.
import { useState } from "preact/hooks";

import { api } from "../../../api/client";
import { t } from "../../../i18n";
import { difficultyName } from "../../../i18n/names";
import { fromDocument, isDirty, languagesOf, toBody, type Draft, type Language } from "../model/draft";
import { fieldPaths, refusalOf, type Refusal } from "../model/fieldErrors";
import { isPublished } from "../model/mine";
import type { Authored } from "../scenarios/api";
import { Actions } from "./Actions";
import { Errors } from "./fields";
import { LanguageFields } from "./LanguageFields";
import { Phases } from "./Phases";
import { Preflight } from "./Preflight";
import { Problems } from "./Problems";
import { ScenarioFields } from "./ScenarioFields";
import { useLeaveGuard } from "./useLeaveGuard";

/** The language to edit first: the one the scenario is listed in, when it is written in it. */
function firstLanguage(authored: Authored, draft: Draft): Language {
  const written = languagesOf(draft);
  return written.find((code) => code === authored.summary.language) ?? written[0] ?? "es";
}

function Standing({ authored }: { authored: Authored }) {
  const { summary, assessment } = authored;
  return (
    <p class="authoring-standing">
      <span class="authoring-badge">{isPublished(summary) ? t("authoring.visibility.public") : t("authoring.visibility.private")}</span>{" "}
      {t("authoring.assessment", { level: difficultyName(assessment.level), reasons: assessment.reasons.join("; ") })}
    </p>
  );
}

export function Editor({ initial }: { initial: Authored }) {
  const [authored, setAuthored] = useState(initial);
  const [saved, setSaved] = useState(() => fromDocument(initial.document));
  const [draft, setDraft] = useState(saved);
  const [language, setLanguage] = useState(() => firstLanguage(initial, saved));
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const dirty = isDirty(saved, draft);
  useLeaveGuard(dirty);

  const shown = draft.localizations[language] ? language : (languagesOf(draft)[0] ?? language);
  const title = draft.localizations[shown]?.title || authored.summary.title;

  function change(next: Draft) {
    setDraft(next);
    setJustSaved(false);
  }

  function reshape(next: Draft) {
    change(next);
    setRefusal(null); // its messages name phases by their old places
  }

  /** The API's answer becomes what is saved; the draft follows it unless it changed meanwhile. */
  function accept(next: Authored, sent: Draft | null) {
    const stored = fromDocument(next.document);
    setAuthored(next);
    setSaved(stored);
    setDraft((current) => (sent === null || current === sent ? stored : current));
  }

  async function save(event: Event) {
    event.preventDefault();
    const sent = draft;
    setSaving(true);
    setJustSaved(false);
    try {
      const { data, error } = await api.PUT("/api/v1/scenarios/{scenario_id}", { params: { path: { scenario_id: authored.summary.id } }, body: toBody(sent) });
      if (data) {
        accept(data, sent);
        setRefusal(null);
        setJustSaved(true);
      } else {
        setRefusal(refusalOf(error, fieldPaths(sent), t("error.unknown")));
      }
    } catch {
      setRefusal({ message: t("error.network"), byField: {}, unplaced: [] });
    } finally {
      setSaving(false);
    }
  }

  const state = saving ? t("authoring.save.working") : dirty ? t("authoring.save.dirty") : justSaved ? t("authoring.save.done") : t("authoring.save.clean");
  return (
    <>
      <h1>{t("authoring.editor.heading", { title })}</h1>
      <Standing authored={authored} />
      {refusal && <Problems refusal={refusal} draft={draft} language={shown} onLanguage={setLanguage} />}
      <Errors.Provider value={refusal?.byField ?? {}}>
        <form class="authoring-editor" onSubmit={save} noValidate>
          <ScenarioFields draft={draft} onChange={change} />
          <LanguageFields draft={draft} language={shown} onChange={change} onLanguage={setLanguage} />
          <Phases draft={draft} language={shown} onChange={change} onReshape={reshape} />
          <div class="authoring-savebar">
            <p role="status" class="authoring-savestate">
              {state}
            </p>
            <button type="submit" disabled={saving || !dirty}>
              {t("authoring.save")}
            </button>
          </div>
        </form>
      </Errors.Provider>
      <Preflight scenarioId={authored.summary.id} languages={authored.summary.languages} dirty={dirty} />
      <Actions authored={authored} title={title} dirty={dirty} onSaved={(next) => accept(next, null)} />
    </>
  );
}
