// The scenario's phases, in the order they are played: each with its objective and goals (the same
// in every language) and its name, words, phrases and tutor lines in the language being edited.
import { t } from "../../../i18n";
import type { Draft, Language } from "../model/draft";
import { addPhase, changePhase, changePhaseText, MAX_PHASES, movePhase, removePhase } from "../model/phases";
import { GroupError, LinesField, Section, TextField } from "./fields";
import { GoalRows } from "./GoalRows";
import { ConceptRows, PhraseRows, WordRows } from "./PhaseRows";

interface Props {
  draft: Draft;
  language: Language;
  onChange: (draft: Draft) => void;
  /** A phase was added, removed or moved: the API's messages name phases by place, now stale. */
  onReshape: (draft: Draft) => void;
}

/** Keeps the keyboard where it was after a phase moves or goes: on the moved phase's button (or
 * its other one, at an end), or on "Add a phase" when the phase is gone. */
function refocus(id: string) {
  requestAnimationFrame(() => {
    const target = document.getElementById(id) as HTMLButtonElement | null;
    const fallback = id.endsWith("-up") ? id.replace(/-up$/, "-down") : id.replace(/-down$/, "-up");
    const other = document.getElementById(fallback) as HTMLButtonElement | null;
    (target && !target.disabled ? target : other && !other.disabled ? other : document.getElementById(ADD_PHASE))?.focus();
  });
}

const ADD_PHASE = "authoring-add-phase";

function PhaseControls({ draft, index, onReshape }: { draft: Draft; index: number; onReshape: Props["onReshape"] }) {
  const number = index + 1;
  const id = `authoring-phase-${draft.phases[index].id}`;
  const move = (by: -1 | 1) => {
    onReshape(movePhase(draft, index, by));
    refocus(`${id}-${by < 0 ? "up" : "down"}`);
  };
  const remove = () => {
    onReshape(removePhase(draft, index));
    refocus(ADD_PHASE);
  };
  return (
    <div class="authoring-phase-controls">
      <button type="button" id={`${id}-up`} class="authoring-secondary" disabled={index === 0} onClick={() => move(-1)}>
        {t("authoring.phase.up", { number })}
      </button>
      <button type="button" id={`${id}-down`} class="authoring-secondary" disabled={index === draft.phases.length - 1} onClick={() => move(1)}>
        {t("authoring.phase.down", { number })}
      </button>
      <button type="button" class="authoring-secondary" disabled={draft.phases.length <= 1} onClick={remove}>
        {t("authoring.phase.remove", { number })}
      </button>
    </div>
  );
}

function PhaseCard({ draft, language, onChange, onReshape, index }: Props & { index: number }) {
  const phase = draft.phases[index];
  const text = draft.localizations[language]?.phases[phase.id];
  const at = `phases.${index}`;
  const textAt = `localizations.${language}.phases.${phase.id}`;
  const editText = (change: Parameters<typeof changePhaseText>[3]) => onChange(changePhaseText(draft, language, phase.id, change));
  const heading = text?.name ? t("authoring.phase.named", { number: index + 1, name: text.name }) : t("authoring.phase.number", { number: index + 1 });
  return (
    <li class="authoring-phase">
      <Section heading={heading} level={3}>
        <PhaseControls draft={draft} index={index} onReshape={onReshape} />
        <GroupError path={at} />
        <GroupError path={textAt} />
        <TextField path={`${textAt}.name`} label={t("authoring.field.phaseName")} value={text?.name ?? ""} onInput={(name) => editText((current) => ({ ...current, name }))} />
        <TextField path={`${at}.objective`} long label={t("authoring.field.objective")} hint={t("authoring.field.objectiveHint")} value={phase.objective} onInput={(objective) => onChange(changePhase(draft, index, (current) => ({ ...current, objective })))} />
        <LinesField
          path={`${textAt}.tutor_lines`}
          label={t("authoring.field.tutorLines")}
          hint={t("authoring.field.tutorLinesHint")}
          items={text?.tutor_lines ?? []}
          onChange={(tutor_lines) => editText((current) => ({ ...current, tutor_lines }))}
        />
        <LinesField
          path={`${textAt}.cultural_notes`}
          label={t("authoring.field.culturalNotes")}
          hint={t("authoring.field.onePerLineOptional")}
          items={text?.cultural_notes ?? []}
          onChange={(cultural_notes) => editText((current) => ({ ...current, cultural_notes }))}
        />
        {text && (
          <>
            <WordRows at={textAt} text={text} onChange={(next) => editText(() => next)} />
            <PhraseRows at={textAt} text={text} onChange={(next) => editText(() => next)} />
            <ConceptRows at={textAt} text={text} onChange={(next) => editText(() => next)} />
          </>
        )}
        <GoalRows at={at} phase={phase} text={text} onChange={(next) => onChange(changePhase(draft, index, () => next))} />
      </Section>
    </li>
  );
}

export function Phases(props: Props) {
  const { draft, language, onReshape } = props;
  return (
    <Section heading={t("authoring.phases.title")} level={2}>
      <p class="authoring-hint">{t("authoring.phases.hint", { max: MAX_PHASES })}</p>
      <GroupError path="phases" />
      <GroupError path={`localizations.${language}.phases`} />
      <ol class="authoring-phases">
        {draft.phases.map((phase, index) => (
          <PhaseCard key={phase.id} {...props} index={index} />
        ))}
      </ol>
      <button type="button" id={ADD_PHASE} disabled={draft.phases.length >= MAX_PHASES} onClick={() => onReshape(addPhase(draft))}>
        {t("authoring.phase.add")}
      </button>
    </Section>
  );
}
