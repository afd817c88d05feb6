// What a finished run comes to: its score, the words used and missed, the mistakes, whether it
// gives the deck cards, and the XP it earned. No I/O here.
import type { components } from "../../api/schema";
import { t, type Locale } from "../../i18n";
import type { Scenario } from "./phases";
import type { Mistake, Run } from "./transcript";

type RunXp = components["schemas"]["RunXpOut"];
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

/** "+45 XP", and the streak multiplier that raised it when there was one (above 100%). */
export function earnedText(xp: RunXp, lang?: Locale): string {
  if (xp.multiplier_percent > 100) return t("play.xp.earnedStreak", { xp: xp.amount, percent: xp.multiplier_percent }, lang);
  return t("play.xp.earned", { xp: xp.amount }, lang);
}
