// A phase's goals: what the learner must do in it for the tutor to move on. A goal is the same in
// every language; the phrase or concept it names must exist in each.
import { t } from "../../../i18n";
import { CRITERION_KINDS, type Criterion, type CriterionKind, type Phase, type PhaseText } from "../model/draft";
import { removed, replaced, withKind } from "../model/rows";
import { GroupError, NumberField, Section, SelectField } from "./fields";

interface Props {
  /** The path of the phase in the body: "phases.0". */
  at: string;
  phase: Phase;
  /** The phase as written in the language being edited: its phrases and concepts to choose from. */
  text: PhaseText | undefined;
  onChange: (phase: Phase) => void;
}

/** ``options``, with ``current`` kept among them even when this language lacks it. */
function choices(options: { value: string; label: string }[], current: string) {
  if (options.some((option) => option.value === current)) return options;
  return [{ value: current, label: current || t("authoring.goal.choose") }, ...options];
}

function GoalDetail({ path, goal, text, edit }: { path: string; goal: Criterion; text: PhaseText | undefined; edit: (goal: Criterion) => void }) {
  switch (goal.kind) {
    case "uses_vocabulary":
      return <NumberField path={`${path}.min`} label={t("authoring.goal.min")} min={1} max={20} value={goal.min ?? Number.NaN} onChange={(min) => edit({ ...goal, min })} />;
    case "uses_phrase": {
      const phrases = (text?.phrases ?? []).map((phrase) => ({ value: phrase.id, label: phrase.text || phrase.id }));
      return <SelectField path={`${path}.phrase_id`} label={t("authoring.goal.phrase")} value={goal.phrase_id ?? ""} onChange={(phrase_id) => edit({ ...goal, phrase_id })} options={choices(phrases, goal.phrase_id ?? "")} />;
    }
    case "mentions": {
      const concepts = (text?.concepts ?? []).map((concept) => ({ value: concept.id, label: concept.id }));
      return (
        <SelectField
          path={`${path}.concept`}
          label={t("authoring.goal.concept")}
          hint={concepts.length ? undefined : t("authoring.goal.noConcepts")}
          value={goal.concept ?? ""}
          onChange={(concept) => edit({ ...goal, concept })}
          options={choices(concepts, goal.concept ?? "")}
        />
      );
    }
    default:
      return null;
  }
}

export function GoalRows({ at, phase, text, onChange }: Props) {
  const setGoals = (success_criteria: Criterion[]) => onChange({ ...phase, success_criteria });
  return (
    <Section heading={t("authoring.goals.title")} level={4}>
      <p class="authoring-hint">{t("authoring.goals.hint")}</p>
      <GroupError path={`${at}.success_criteria`} />
      {phase.success_criteria.map((goal, row) => {
        const path = `${at}.success_criteria.${row}`;
        const edit = (next: Criterion) => setGoals(replaced(phase.success_criteria, row, next));
        return (
          <fieldset class="authoring-row">
            <legend>{t("authoring.goal.number", { number: row + 1 })}</legend>
            <GroupError path={path} />
            <SelectField
              path={`${path}.kind`}
              label={t("authoring.goal.kind")}
              value={goal.kind}
              onChange={(kind) => edit(withKind(goal, kind as CriterionKind, text))}
              options={CRITERION_KINDS.map((kind) => ({ value: kind, label: t(`authoring.goal.kind.${kind}`) }))}
            />
            <GoalDetail path={path} goal={goal} text={text} edit={edit} />
            <button type="button" class="authoring-secondary" aria-label={t("authoring.goal.remove", { number: row + 1 })} onClick={() => setGoals(removed(phase.success_criteria, row))}>
              {t("authoring.row.remove")}
            </button>
          </fieldset>
        );
      })}
      <button type="button" class="authoring-secondary" onClick={() => setGoals([...phase.success_criteria, { kind: "asks_question" }])}>
        {t("authoring.goal.add")}
      </button>
    </Section>
  );
}
