// The document's quiz: fill-the-gap and true-or-false questions, one at a time, each answered
// once and marked right or wrong, with the score at the end.
import { useEffect, useRef, useState } from "preact/hooks";

import { t } from "../../i18n";
import { Empty } from "../../ui/load";
import { advance, choose, isOver, isRight, optionKey, score, startQuiz, type Question } from "./quiz";

function optionLabel(question: Question, option: string): string {
  const key = optionKey(question, option);
  return key ? t(key) : option;
}

function Verdict({ question, chosen }: { question: Question; chosen: string }) {
  const right = isRight(question, chosen);
  return (
    <>
      <p class={right ? "documents-right" : "documents-wrong"}>
        {right ? t("documents.quiz.right") : t("documents.quiz.wrong", { answer: optionLabel(question, question.answer) })}
      </p>
      {/* Its explanation quotes the document, in the API's words. */}
      {question.explanation && <p>{question.explanation}</p>}
    </>
  );
}

function Options({ question, chosen, language, pick }: { question: Question; chosen: string | null; language: string | undefined; pick: (option: string) => void }) {
  return (
    <div class="documents-options">
      {question.options.map((option) => {
        const mark = chosen === null ? "" : option === question.answer ? " is-answer" : option === chosen ? " is-wrong" : "";
        return (
          // Answered options stay focusable (aria-disabled, not disabled) so focus is not lost.
          <button type="button" class={`documents-option${mark}`} aria-disabled={chosen !== null} lang={optionKey(question, option) ? undefined : language} onClick={() => pick(option)}>
            {optionLabel(question, option)}
            {mark && <span aria-hidden="true">{mark === " is-answer" ? " ✓" : " ✗"}</span>}
          </button>
        );
      })}
    </div>
  );
}

/** ``onAnswered`` hears how many questions the learner has answered. */
export function Quiz({ questions, language, onAnswered }: { questions: Question[]; language: string; onAnswered: (count: number) => void }) {
  const [state, setState] = useState(() => startQuiz(questions));
  const heading = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // After "Next question" its button is gone: focus goes to the new question instead of the page.
    if (moved.current) heading.current?.focus();
    moved.current = false;
  }, [state.index]);

  if (questions.length === 0) return <Empty>{t("documents.quiz.empty")}</Empty>;
  const over = isOver(state);
  const question = questions[state.index];
  const chosen = over ? null : state.chosen[state.index];

  function pick(option: string) {
    const next = choose(state, option);
    if (next === state) return;
    setState(next);
    onAnswered(score(questions, next).answered);
  }

  function next() {
    moved.current = state.index < questions.length - 1;
    setState(advance(state));
  }

  return (
    <div class="documents-quiz">
      {!over && (
        <fieldset>
          <legend>{t("documents.quiz.position", { number: state.index + 1, count: questions.length })}</legend>
          <p class="documents-note" tabIndex={-1} ref={heading}>
            {question.kind === "cloze" ? t("documents.quiz.clozeAsk") : t("documents.quiz.trueFalseAsk")}
          </p>
          <p class="documents-prompt" lang={language || undefined}>
            {question.prompt}
          </p>
          <Options question={question} chosen={chosen} language={language || undefined} pick={pick} />
        </fieldset>
      )}
      <div role="status" class="documents-verdict">
        {over ? <p class="documents-score">{t("documents.quiz.score", { ...score(questions, state) })}</p> : chosen !== null && <Verdict question={question} chosen={chosen} />}
      </div>
      {over ? (
        <button type="button" onClick={() => setState(startQuiz(questions))}>
          {t("documents.quiz.again")}
        </button>
      ) : (
        chosen !== null && (
          <button type="button" onClick={next}>
            {state.index === questions.length - 1 ? t("documents.quiz.finish") : t("documents.quiz.next")}
          </button>
        )
      )}
    </div>
  );
}
