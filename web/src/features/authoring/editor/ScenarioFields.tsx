// The scenario as a whole, the same in every language: its category, difficulty, length, setting
// and roles, and what learners need first and will learn.
import { api } from "../../../api/client";
import { t } from "../../../i18n";
import { DIFFICULTIES, categoryName, difficultyName } from "../../../i18n/names";
import { Failure, useLoad } from "../../../ui/load";
import type { Category, Difficulty, Draft } from "../model/draft";
import { LinesField, NumberField, Section, SelectField, TextField } from "./fields";

interface Props {
  draft: Draft;
  onChange: (draft: Draft) => void;
}

function CategoryField({ draft, onChange }: Props) {
  const [categories, retry] = useLoad(() => api.GET("/api/v1/scenario-categories"), []);
  // Until the categories arrive (or if they cannot), the scenario's own stays choosable.
  const ids = categories.state === "ready" ? categories.data.categories.map((category) => category.id) : [draft.category];
  const names = new Map(categories.state === "ready" ? categories.data.categories.map((category) => [category.id, category.name]) : []);
  return (
    <>
      <SelectField
        path="category"
        label={t("authoring.field.category")}
        value={draft.category}
        onChange={(value) => onChange({ ...draft, category: value as Category })}
        options={ids.map((id) => ({ value: id, label: categoryName(id, names.get(id)) }))}
      />
      {categories.state === "failed" && <Failure message={categories.message} retry={retry} />}
    </>
  );
}

export function ScenarioFields({ draft, onChange }: Props) {
  const edit = (fields: Partial<Draft>) => onChange({ ...draft, ...fields });
  return (
    <Section heading={t("authoring.about.title")} level={2}>
      <p class="authoring-hint">{t("authoring.about.hint")}</p>
      <div class="authoring-columns">
        <CategoryField draft={draft} onChange={onChange} />
        <SelectField
          path="difficulty"
          label={t("authoring.field.difficulty")}
          value={draft.difficulty}
          onChange={(value) => edit({ difficulty: value as Difficulty })}
          options={DIFFICULTIES.map((level) => ({ value: level, label: difficultyName(level) }))}
        />
        <NumberField
          path="estimated_minutes"
          label={t("authoring.field.minutes")}
          hint={t("authoring.field.minutesHint")}
          min={5}
          max={60}
          value={draft.estimated_minutes}
          onChange={(value) => edit({ estimated_minutes: value })}
        />
      </div>
      <TextField path="setting" long label={t("authoring.field.setting")} hint={t("authoring.field.settingHint")} value={draft.setting} onInput={(setting) => edit({ setting })} />
      <TextField path="learner_role" label={t("authoring.field.learnerRole")} hint={t("authoring.field.learnerRoleHint")} value={draft.learner_role} onInput={(learner_role) => edit({ learner_role })} />
      <TextField path="tutor_role" label={t("authoring.field.tutorRole")} hint={t("authoring.field.tutorRoleHint")} value={draft.tutor_role} onInput={(tutor_role) => edit({ tutor_role })} />
      <LinesField path="prerequisites" label={t("authoring.field.prerequisites")} hint={t("authoring.field.onePerLine")} items={draft.prerequisites} onChange={(prerequisites) => edit({ prerequisites })} />
      <LinesField path="learning_outcomes" label={t("authoring.field.outcomes")} hint={t("authoring.field.onePerLine")} items={draft.learning_outcomes} onChange={(learning_outcomes) => edit({ learning_outcomes })} />
    </Section>
  );
}
