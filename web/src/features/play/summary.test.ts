import { describe, expect, it } from "vitest";

import type { components } from "../../api/schema";
import { run, scenario } from "./fixtures";
import { cardsAddedBy, expectsCards, summarize, vocabulary, xpEarned } from "./summary";

type Card = components["schemas"]["CardOut"];

function card(front: string, sources: { kind: string; id: string }[]): Card {
  return {
    id: front,
    front,
    back: "",
    language: "es",
    lemma: front,
    state: "learning",
    due: "2026-06-01T10:00:00Z",
    difficulty: 0,
    stability: 0,
    reviews: 0,
    lapses: 0,
    suspended: false,
    tags: [],
    source: { ...sources[0], context: "" },
    sources: sources.map((source) => ({ ...source, context: "" })),
  } as Card;
}

const RUN_ID = run().id;

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

describe("the cards a run added", () => {
  it("are those the run brought into the deck first", () => {
    const added = card("café", [{ kind: "scenario_run", id: RUN_ID }]);
    const other = card("hola", [{ kind: "scenario_run", id: "another-run" }]);
    expect(cardsAddedBy(RUN_ID, [added, other])).toEqual([added]);
  });

  it("leave out a card the learner already had, which the run only named again", () => {
    const had = card("hola", [
      { kind: "manual", id: "" },
      { kind: "scenario_run", id: RUN_ID },
    ]);
    expect(cardsAddedBy(RUN_ID, [had])).toEqual([]);
  });
});

describe("the XP a run earned", () => {
  it("is what the learner's XP grew by", () => {
    expect(xpEarned({ xp: 120 }, { xp: 165 })).toBe(45);
  });

  it("is not known yet while the XP has not grown", () => {
    expect(xpEarned({ xp: 120 }, { xp: 120 })).toBeNull();
  });

  it("takes a standing without XP as none", () => {
    expect(xpEarned({}, { xp: 30 })).toBe(30);
  });
});
