import { describe, expect, it } from "vitest";

import type { components } from "../../api/schema";
import { run, scenario } from "./fixtures";
import { earnedText, expectsCards, summarize, vocabulary } from "./summary";

type RunXp = components["schemas"]["RunXpOut"];

const xp = (amount: number, multiplier_percent: number): RunXp => ({ run_id: run().id, amount, multiplier_percent });

describe("the words of a finished run", () => {
  it("counts a word used in any phase as used, each word once", () => {
    const phases = run().phases.map((phase) => ({ ...phase, vocabulary_used: phase.phase_id === "order" ? ["hola"] : [] }));
    const { used, missed } = vocabulary(run({ phases }), scenario());
    expect(used.map((word) => word.term)).toEqual(["hola"]);
    expect(missed.map((word) => word.term)).toEqual(["buenos días", "café"]);
  });

  it("are all missed when none was used", () => {
    expect(vocabulary(run(), scenario()).missed).toHaveLength(3);
  });
});

describe("a run's summary", () => {
  it("carries the score, the phases completed and the mistakes the run stored", () => {
    const mistake = { said: "un cafe", correction: "un café", explanation: "accent" };
    const phases = run().phases.map((phase, index) => ({ ...phase, completed: index === 0 }));
    const summary = summarize(run({ status: "completed", score: 72.5, mistakes: [mistake], phases }), scenario());
    expect([summary.score, summary.phasesCompleted, summary.phasesTotal]).toEqual([72.5, 1, 2]);
    expect(summary.mistakes).toEqual([mistake]);
  });

  it("expects cards for the deck when a word was missed or a mistake made", () => {
    const all = ["hola", "buenos días", "café"];
    const perfect = run({ phases: run().phases.map((phase) => ({ ...phase, vocabulary_used: all })) });
    expect(expectsCards(summarize(perfect, scenario()))).toBe(false);
    expect(expectsCards(summarize({ ...perfect, mistakes: [{ said: "a", correction: "b", explanation: "" }] }, scenario()))).toBe(true);
    expect(expectsCards(summarize(run(), scenario()))).toBe(true);
  });
});

describe("the XP a run earned", () => {
  it("is said as what was added to the learner's total", () => {
    expect(earnedText(xp(45, 100), "en")).toBe("+45 XP");
  });

  it("names the streak multiplier when it raised the XP", () => {
    expect(earnedText(xp(60, 150), "en")).toBe("+60 XP, with your streak multiplier of 150%");
    expect(earnedText(xp(60, 150), "es")).toBe("+60 XP, con tu multiplicador de racha del 150 %");
  });
});
