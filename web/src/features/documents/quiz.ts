// The document's quiz, one question at a time: each is answered once, then the next is shown, and
// the score is given at the end.
import type { components } from "../../api/schema";
import type { MessageKey } from "../../i18n/en";

export type Question = components["schemas"]["QuizQuestionOut"];

export interface QuizState {
  /** The question shown; equal to the number of questions once the quiz is over. */
  index: number;
  /** The option chosen for each question, null until it is answered. */
  chosen: (string | null)[];
}

export function startQuiz(questions: readonly Question[]): QuizState {
  return { index: 0, chosen: questions.map(() => null) };
}

export function isOver(state: QuizState): boolean {
  return state.index >= state.chosen.length;
}

/** Answers the shown question; a question already answered keeps its first answer. */
export function choose(state: QuizState, option: string): QuizState {
  if (isOver(state) || state.chosen[state.index] !== null) return state;
  return { ...state, chosen: state.chosen.map((old, i) => (i === state.index ? option : old)) };
}

/** Moves on once the shown question is answered. */
export function advance(state: QuizState): QuizState {
  if (isOver(state) || state.chosen[state.index] === null) return state;
  return { ...state, index: state.index + 1 };
}

export function isRight(question: Question, option: string | null): boolean {
  return option !== null && option === question.answer;
}

export function score(questions: readonly Question[], state: QuizState): { right: number; answered: number; total: number } {
  const right = questions.filter((question, i) => isRight(question, state.chosen[i] ?? null)).length;
  const answered = state.chosen.filter((option) => option !== null).length;
  return { right, answered, total: questions.length };
}

/** The API words true/false options in English; they are shown in the interface's language. */
export function optionKey(question: Question, option: string): MessageKey | null {
  if (question.kind !== "true_false") return null;
  if (option === "True") return "documents.quiz.true";
  if (option === "False") return "documents.quiz.false";
  return null;
}
