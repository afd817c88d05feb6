// What a finished run comes to: its score, the words used and missed, the mistakes, the cards
// it added to the deck and the XP it earned. No I/O here.
import type { components } from "../../api/schema";
import type { Scenario } from "./phases";
import type { Mistake, Run } from "./transcript";

type Card = components["schemas"]["CardOut"];
type Standing = components["schemas"]["GamificationOut"];
export type Word = components["schemas"]["parla__gateway__schemas__VocabularyItemOut"];

export interface RunSummary {
  score: number;
  phasesCompleted: number;
  phasesTotal: number;
  used: Word[];
  missed: Word[];
  mistakes: Mistake[];
}

/** Each of the scenario's words once (by lemma), used when the learner produced it in any phase:
 * the run stores the lemmas it counted, the scenario says what they are. */
export function vocabulary(run: Run, scenario: Scenario): { used: Word[]; missed: Word[] } {
  const produced = new Set(run.phases.flatMap((phase) => phase.vocabulary_used));
  const words = new Map<string, Word>();
  for (const phase of scenario.phases) {
    for (const word of phase.vocabulary) if (!words.has(word.lemma)) words.set(word.lemma, word);
  }
  const all = [...words.values()];
  return { used: all.filter((w) => produced.has(w.lemma)), missed: all.filter((w) => !produced.has(w.lemma)) };
}

export function summarize(run: Run, scenario: Scenario): RunSummary {
  return {
    score: run.score,
    phasesCompleted: run.phases.filter((phase) => phase.completed).length,
    phasesTotal: run.phases.length,
    ...vocabulary(run, scenario),
    mistakes: run.mistakes,
  };
}

/** Whether finishing gives the deck anything: a card for each word missed and each mistake. */
export function expectsCards(summary: RunSummary): boolean {
  return summary.missed.length > 0 || summary.mistakes.length > 0;
}

/** The cards this run added. A card's first source is what brought it into the deck; a card the
 * learner already had only gains the run as a later source, and was not added by it. */
export function cardsAddedBy(runId: string, cards: Card[]): Card[] {
  return cards.filter((card) => card.source.kind === "scenario_run" && card.source.id === runId);
}

/** XP earned between two readings of the learner's standing; null while the run's XP has not
 * been counted yet (it is granted shortly after the run is finished). */
export function xpEarned(before: Standing, after: Standing): number | null {
  const earned = (after.xp ?? 0) - (before.xp ?? 0);
  return earned > 0 ? earned : null;
}
