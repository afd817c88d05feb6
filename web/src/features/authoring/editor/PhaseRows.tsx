// A phase's rows in one language: its key words, useful phrases and concepts.
import { t } from "../../../i18n";
import type { PhaseText, Phrase, Word } from "../model/draft";
import { addConcept, addPhrase, removed, replaced } from "../model/rows";
import { GroupError, LinesField, Section, TextField } from "./fields";

interface Props {
  /** The path of the phase's text in the body: "localizations.es.phases.greet". */
  at: string;
  text: PhaseText;
  onChange: (text: PhaseText) => void;
}

function RemoveRow({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" class="authoring-secondary" aria-label={label} onClick={onClick}>
      {t("authoring.row.remove")}
    </button>
  );
}

export function WordRows({ at, text, onChange }: Props) {
  const setWords = (vocabulary: Word[]) => onChange({ ...text, vocabulary });
  return (
    <Section heading={t("authoring.words.title")} level={4}>
      <p class="authoring-hint">{t("authoring.words.hint")}</p>
      <GroupError path={`${at}.vocabulary`} />
      {text.vocabulary.map((word, row) => {
        const edit = (fields: Partial<Word>) => setWords(replaced(text.vocabulary, row, { ...word, ...fields }));
        const path = `${at}.vocabulary.${row}`;
        return (
          <fieldset class="authoring-row">
            <legend>{t("authoring.word.number", { number: row + 1 })}</legend>
            <TextField path={`${path}.term`} label={t("authoring.word.term")} value={word.term} onInput={(term) => edit({ term })} />
            <TextField path={`${path}.lemma`} label={t("authoring.word.lemma")} value={word.lemma} onInput={(lemma) => edit({ lemma })} />
            <TextField path={`${path}.gloss`} label={t("authoring.word.gloss")} value={word.gloss} onInput={(gloss) => edit({ gloss })} />
            <RemoveRow label={t("authoring.word.remove", { number: row + 1 })} onClick={() => setWords(removed(text.vocabulary, row))} />
          </fieldset>
        );
      })}
      <button type="button" class="authoring-secondary" onClick={() => setWords([...text.vocabulary, { term: "", lemma: "", gloss: "" }])}>
        {t("authoring.word.add")}
      </button>
    </Section>
  );
}

export function PhraseRows({ at, text, onChange }: Props) {
  const setPhrases = (phrases: Phrase[]) => onChange({ ...text, phrases });
  return (
    <Section heading={t("authoring.phrases.title")} level={4}>
      <p class="authoring-hint">{t("authoring.phrases.hint")}</p>
      <GroupError path={`${at}.phrases`} />
      {text.phrases.map((phrase, row) => {
        const edit = (fields: Partial<Phrase>) => setPhrases(replaced(text.phrases, row, { ...phrase, ...fields }));
        const path = `${at}.phrases.${row}`;
        return (
          <fieldset class="authoring-row">
            <legend>{t("authoring.phrase.number", { number: row + 1 })}</legend>
            <TextField path={`${path}.text`} label={t("authoring.phrase.text")} hint={t("authoring.phrase.idHint", { id: phrase.id })} value={phrase.text} onInput={(value) => edit({ text: value })} />
            <TextField path={`${path}.gloss`} label={t("authoring.phrase.gloss")} value={phrase.gloss} onInput={(gloss) => edit({ gloss })} />
            <GroupError path={`${path}.id`} />
            <RemoveRow label={t("authoring.phrase.remove", { number: row + 1 })} onClick={() => setPhrases(removed(text.phrases, row))} />
          </fieldset>
        );
      })}
      <button type="button" class="authoring-secondary" onClick={() => onChange(addPhrase(text))}>
        {t("authoring.phrase.add")}
      </button>
    </Section>
  );
}

export function ConceptRows({ at, text, onChange }: Props) {
  const setConcepts = (concepts: PhaseText["concepts"]) => onChange({ ...text, concepts });
  return (
    <Section heading={t("authoring.concepts.title")} level={4}>
      <p class="authoring-hint">{t("authoring.concepts.hint")}</p>
      <GroupError path={`${at}.concepts`} />
      {text.concepts.map((concept, row) => {
        const path = `${at}.concepts.${concept.id}`;
        const edit = (fields: Partial<typeof concept>) => setConcepts(replaced(text.concepts, row, { ...concept, ...fields }));
        return (
          <fieldset class="authoring-row">
            <legend>{t("authoring.concept.number", { number: row + 1 })}</legend>
            <TextField path={`${path}.id`} label={t("authoring.concept.id")} hint={t("authoring.concept.idHint")} value={concept.id} onInput={(id) => edit({ id })} />
            <LinesField path={path} label={t("authoring.concept.words")} hint={t("authoring.field.onePerLine")} items={concept.words} onChange={(words) => edit({ words })} />
            <RemoveRow label={t("authoring.concept.remove", { number: row + 1 })} onClick={() => setConcepts(removed(text.concepts, row))} />
          </fieldset>
        );
      })}
      <button type="button" class="authoring-secondary" onClick={() => onChange(addConcept(text))}>
        {t("authoring.concept.add")}
      </button>
    </Section>
  );
}
