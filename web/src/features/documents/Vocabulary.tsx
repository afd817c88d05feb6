// The document's key words, each with the learner's status: a colour, a mark and its name, so
// that colour is never the only sign. Selecting a word moves it to its next status.
import { useRef, useState } from "preact/hooks";

import { t } from "../../i18n";
import { Empty } from "../../ui/load";
import { setWordStatus } from "./requests";
import { nextStatus, STATUSES, tally, withStatus, wordLanguage, type VocabularyItem, type WordStatus } from "./words";

const MARKS: Record<WordStatus, string> = { new: "○", learning: "◐", known: "●", ignored: "–" };

function StatusName({ status }: { status: WordStatus }) {
  return (
    <span class="documents-word-status">
      <span aria-hidden="true">{MARKS[status]} </span>
      {t(`documents.status.${status}`)}
    </span>
  );
}

function Legend({ vocabulary }: { vocabulary: VocabularyItem[] }) {
  const counts = tally(vocabulary);
  return (
    <ul class="documents-legend" aria-label={t("documents.vocabulary.legend")}>
      {STATUSES.map((status) => (
        <li class={`documents-word is-${status}`}>
          <StatusName status={status} /> <span>({counts[status]})</span>: {t(`documents.status.${status}.about`)}
        </li>
      ))}
    </ul>
  );
}

export function Vocabulary({ language, initial }: { language: string; initial: VocabularyItem[] }) {
  const [vocabulary, setVocabulary] = useState(initial);
  const busy = useRef(new Set<string>());
  const [said, setSaid] = useState("");
  const [trouble, setTrouble] = useState("");
  const words = wordLanguage(language);

  if (vocabulary.length === 0) return <Empty>{t("documents.vocabulary.empty")}</Empty>;

  async function cycle(item: VocabularyItem) {
    // One change at a time per word, so answers cannot arrive out of order.
    if (!words || busy.current.has(item.lemma)) return;
    const status = nextStatus(item.status);
    busy.current.add(item.lemma);
    setVocabulary((old) => withStatus(old, item.lemma, status));
    setTrouble("");
    const outcome = await setWordStatus(words, item.lemma, status);
    busy.current.delete(item.lemma);
    if (outcome.ok) {
      setVocabulary((old) => withStatus(old, item.lemma, outcome.data.status));
      setSaid(t("documents.vocabulary.changed", { word: item.lemma, status: t(`documents.status.${outcome.data.status}`) }));
    } else {
      setVocabulary((old) => withStatus(old, item.lemma, item.status));
      setTrouble(outcome.message);
    }
  }

  return (
    <>
      <p class="documents-note">{words ? t("documents.vocabulary.hint") : t("documents.vocabulary.noLanguage")}</p>
      <Legend vocabulary={vocabulary} />
      <ul class="documents-words">
        {vocabulary.map((item) => (
          <li key={item.lemma}>
            <button type="button" class={`documents-word is-${item.status}`} disabled={!words} onClick={() => cycle(item)}>
              <span lang={language || undefined} class="documents-lemma">
                {item.lemma}
              </span>{" "}
              <StatusName status={item.status} />
            </button>
            <span class="documents-note"> {t("documents.vocabulary.times", { count: item.count })}</span>
          </li>
        ))}
      </ul>
      <p role="status" class="documents-note">
        {said}
      </p>
      <div role="alert">{trouble && <p class="error">{trouble}</p>}</div>
    </>
  );
}
