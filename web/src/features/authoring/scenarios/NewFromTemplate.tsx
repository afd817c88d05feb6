// A new scenario from a template: the language to write it in, the template (one per category,
// filled in and ready to change), a title of the learner's own; then on to the editor.
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "wouter-preact";

import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import { t } from "../../../i18n";
import { LANGUAGES, categoryName, isLanguage, languageName } from "../../../i18n/names";
import { Errors, GroupError, SelectField, TextField } from "../editor/fields";
import type { Category, Language } from "../model/draft";
import { refusalOf, type Refusal } from "../model/fieldErrors";
import { Empty, Shown, useLoad } from "../../../ui/load";
import { handOver } from "./api";

type Template = components["schemas"]["TemplateOut"];

/** The language a template comes written in (the one asked for when it has it). */
function templateLanguage(template: Template): string {
  const localizations = template.draft.localizations;
  return Object.keys(localizations && typeof localizations === "object" ? localizations : {})[0] ?? "";
}

/** The learner's first language to learn, to write in by default; Spanish otherwise. */
function useLearning(): [Language, (language: Language) => void] {
  const [language, setLanguage] = useState<Language>("es");
  const chosen = useRef(false);
  useEffect(() => {
    api.GET("/api/v1/me").then(({ data }) => {
      const first = data?.target_languages.find(isLanguage);
      if (first && !chosen.current) setLanguage(first); // the learner's own choice, if made, stands
    }, () => undefined); // without it, Spanish is a fine start
  }, []);
  return [
    language,
    (next) => {
      chosen.current = true;
      setLanguage(next);
    },
  ];
}

function TemplateChoice({ templates, language, category, onCategory }: { templates: Template[]; language: Language; category: string; onCategory: (category: Category) => void }) {
  if (templates.length === 0) return <Empty>{t("authoring.new.noTemplates")}</Empty>;
  return (
    <fieldset class="authoring-templates">
      <legend>{t("authoring.new.template")}</legend>
      {templates.map((template) => {
        const written = templateLanguage(template);
        return (
          <label class="inline">
            <input type="radio" name="authoring-template" value={template.category} checked={category === template.category} onChange={() => onCategory(template.category as Category)} />
            <span>
              <strong>{template.title}</strong> · {categoryName(template.category)}
              {written && written !== language && <span class="authoring-hint"> {t("authoring.new.otherLanguage", { language: languageName(written) })}</span>}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

export function NewFromTemplate() {
  const [language, setLanguage] = useLearning();
  const [category, setCategory] = useState<Category | "">("");
  const [title, setTitle] = useState("");
  const [working, setWorking] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [templates, retry] = useLoad(() => api.GET("/api/v1/scenario-templates", { params: { query: { language } } }), [language]);
  const [, navigate] = useLocation();

  async function create(event: Event) {
    event.preventDefault();
    if (!category) return setRefusal({ message: t("authoring.new.pickTemplate"), byField: {}, unplaced: [] });
    setWorking(true);
    try {
      const { data, error } = await api.POST("/api/v1/scenarios/from-template", { body: { category, language, title: title.trim() || null } });
      if (data) {
        handOver(data);
        navigate(`/author/${data.summary.id}`);
        return;
      }
      setRefusal(refusalOf(error, ["category", "language", "title"], t("error.unknown")));
    } catch {
      setRefusal({ message: t("error.network"), byField: {}, unplaced: [] });
    }
    setWorking(false);
  }

  return (
    <section class="authoring-section" id="authoring-new" aria-labelledby="authoring-new-heading">
      <h2 id="authoring-new-heading">{t("authoring.new.title")}</h2>
      <p class="authoring-hint">{t("authoring.new.hint")}</p>
      <Errors.Provider value={refusal?.byField ?? {}}>
        <form onSubmit={create} noValidate>
          <SelectField path="language" label={t("authoring.new.language")} value={language} onChange={(code) => setLanguage(code as Language)} options={LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))} />
          <Shown load={templates} retry={retry}>
            {(found) => <TemplateChoice templates={found.templates} language={language} category={category} onCategory={setCategory} />}
          </Shown>
          <GroupError path="category" />
          <TextField path="title" label={t("authoring.new.name")} hint={t("authoring.new.nameHint")} maxLength={120} value={title} onInput={setTitle} />
          {refusal && (
            <p role="alert" class="error">
              {refusal.message}
            </p>
          )}
          <button type="submit" disabled={working}>
            {working ? t("authoring.new.working") : t("authoring.new.create")}
          </button>
        </form>
      </Errors.Provider>
    </section>
  );
}
