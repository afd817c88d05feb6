// The languages the scenario is written in: which one is being edited, adding one (as a copy to
// translate) or removing one, and its title, description and cultural context.
import { useState } from "preact/hooks";

import { t } from "../../../i18n";
import { LANGUAGES, languageName } from "../../../i18n/names";
import { languagesOf, type Draft, type Language } from "../model/draft";
import { addLanguage, changeLocal, removeLanguage } from "../model/languages";
import { GroupError, Section, TextField } from "./fields";

interface Props {
  draft: Draft;
  language: Language;
  onChange: (draft: Draft) => void;
  onLanguage: (language: Language) => void;
}

function LanguagePicker({ draft, language, onChange, onLanguage }: Props) {
  const written = languagesOf(draft);
  const missing = LANGUAGES.filter((code) => !written.includes(code));
  const [adding, setAdding] = useState<Language | "">("");
  const chosen = adding && missing.includes(adding) ? adding : (missing[0] ?? "");

  function add() {
    if (!chosen) return;
    onChange(addLanguage(draft, chosen, language));
    onLanguage(chosen);
    setAdding("");
  }

  function remove() {
    const next = written.find((code) => code !== language);
    if (!next) return;
    onLanguage(next);
    onChange(removeLanguage(draft, language));
  }

  return (
    <div class="authoring-languages">
      <label>
        {t("authoring.languages.editing")}
        <select value={language} onChange={(e) => onLanguage(e.currentTarget.value as Language)}>
          {written.map((code) => (
            <option value={code}>{languageName(code)}</option>
          ))}
        </select>
      </label>
      {missing.length > 0 && (
        <div class="authoring-inline-form">
          <label>
            {t("authoring.languages.add")}
            <select value={chosen} onChange={(e) => setAdding(e.currentTarget.value as Language)}>
              {missing.map((code) => (
                <option value={code}>{languageName(code)}</option>
              ))}
            </select>
          </label>
          <button type="button" onClick={add}>
            {t("authoring.languages.addButton")}
          </button>
        </div>
      )}
      <p class="authoring-hint">{t("authoring.languages.addHint", { language: languageName(language) })}</p>
      {written.length > 1 && (
        <button type="button" class="authoring-secondary" onClick={remove}>
          {t("authoring.languages.remove", { language: languageName(language) })}
        </button>
      )}
    </div>
  );
}

export function LanguageFields(props: Props) {
  const { draft, language, onChange } = props;
  const local = draft.localizations[language];
  const at = `localizations.${language}`;
  const edit = (fields: Partial<NonNullable<typeof local>>) => onChange(changeLocal(draft, language, (current) => ({ ...current, ...fields })));
  return (
    <Section heading={t("authoring.languages.title")} level={2}>
      <GroupError path="localizations" />
      <LanguagePicker {...props} />
      <GroupError path={at} />
      {local && (
        <>
          <TextField path={`${at}.title`} label={t("authoring.field.title")} hint={t("authoring.field.titleHint")} maxLength={120} value={local.title} onInput={(title) => edit({ title })} />
          <TextField path={`${at}.description`} long label={t("authoring.field.description")} value={local.description} onInput={(description) => edit({ description })} />
          <TextField path={`${at}.cultural_context`} long label={t("authoring.field.culturalContext")} hint={t("authoring.field.optional")} value={local.cultural_context} onInput={(cultural_context) => edit({ cultural_context })} />
        </>
      )}
    </Section>
  );
}
