import { describe, expect, it } from "vitest";

import { advance, choose, isOver, isRight, optionKey, score, startQuiz, type Question } from "./quiz";

const cloze: Question = { kind: "cloze", prompt: "Vivo en una ____ grande.", options: ["casa", "perro", "libro", "mesa"], answer: "casa", explanation: "" };
const truth: Question = { kind: "true_false", prompt: "El perro duerme.", options: ["True", "False"], answer: "False", explanation: "" };
const questions = [cloze, truth];

describe("the quiz", () => {
  it("starts at the first question with nothing answered", () => {
    expect(startQuiz(questions)).toEqual({ index: 0, chosen: [null, null] });
  });

  it("keeps the first answer to a question", () => {
    const state = choose(choose(startQuiz(questions), "perro"), "casa");
    expect(state.chosen[0]).toBe("perro");
  });

  it("moves on only once the question is answered", () => {
    const start = startQuiz(questions);
    expect(advance(start)).toBe(start);
    expect(advance(choose(start, "casa")).index).toBe(1);
  });

  it("is over after the last question, and takes no more answers", () => {
    let state = startQuiz(questions);
    state = advance(choose(state, "casa"));
    state = advance(choose(state, "True"));
    expect(isOver(state)).toBe(true);
    expect(choose(state, "False")).toBe(state);
    expect(advance(state)).toBe(state);
  });

  it("counts an answer right only when it is the answer", () => {
    expect(isRight(cloze, "casa")).toBe(true);
    expect(isRight(cloze, "mesa")).toBe(false);
    expect(isRight(cloze, null)).toBe(false);
  });

  it("scores the right answers out of all the questions", () => {
    let state = startQuiz(questions);
    state = advance(choose(state, "casa"));
    expect(score(questions, state)).toEqual({ right: 1, answered: 1, total: 2 });
    state = advance(choose(state, "True"));
    expect(score(questions, state)).toEqual({ right: 1, answered: 2, total: 2 });
  });

  it("is over at once when there are no questions", () => {
    expect(isOver(startQuiz([]))).toBe(true);
    expect(score([], startQuiz([]))).toEqual({ right: 0, answered: 0, total: 0 });
  });

  it("shows true and false in the interface's language, and cloze options as they are", () => {
    expect(optionKey(truth, "True")).toBe("documents.quiz.true");
    expect(optionKey(truth, "False")).toBe("documents.quiz.false");
    expect(optionKey(cloze, "casa")).toBeNull();
  });
});
