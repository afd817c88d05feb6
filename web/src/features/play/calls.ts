// The API calls of the play pages, each shaped for what the page does with its answer.
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { attempt, type Answer, type Outcome } from "../../ui/load";
import type { Scenario } from "./phases";
import { settle, pauseFor, type Patience } from "./settle";
import { cardsAddedBy, xpEarned } from "./summary";
import type { Run, TurnResult } from "./transcript";

type Language = "en" | "es" | "fr" | "de" | "it" | "pt" | "zh" | "ja";
type Standing = components["schemas"]["GamificationOut"];
type Card = components["schemas"]["CardOut"];

export interface Play {
  run: Run;
  scenario: Scenario;
}

/** What finishing counts elsewhere shows within seconds; past this the page offers to look again. */
const PATIENCE: Patience = { tries: 6, pause: pauseFor(1500) };
const ONCE: Patience = { tries: 1, pause: pauseFor(0) };

/** The run and its scenario in the run's language (for its phases' names and words). */
export async function loadPlay(runId: string): Promise<Answer<Play>> {
  const run = await api.GET("/api/v1/runs/{run_id}", { params: { path: { run_id: runId } } });
  if (!run.data) return { error: run.error };
  const scenario = await api.GET("/api/v1/scenarios/{scenario_id}", {
    params: { path: { scenario_id: run.data.scenario_id }, query: { language: run.data.language as Language } },
  });
  if (!scenario.data) return { error: scenario.error };
  return { data: { run: run.data, scenario: scenario.data } };
}

/** The name of the persona playing the tutor: the run's own, or else the learner's choice (which
 * is what the tutor applies to a run started without one). Null when it cannot be read. */
export async function tutorName(run: Run): Promise<string | null> {
  const outcome = run.persona
    ? await attempt(api.GET("/api/v1/personas/{persona_type}", { params: { path: { persona_type: run.persona } } }))
    : await attempt(api.GET("/api/v1/me/persona")).then((o) => (o.ok ? { ok: true as const, data: o.data.persona } : o));
  return outcome.ok ? outcome.data.name : null;
}

export function sendTurn(runId: string, text: string): Promise<Outcome<TurnResult>> {
  return attempt(api.POST("/api/v1/runs/{run_id}/turns", { params: { path: { run_id: runId } }, body: { text } }));
}

export async function readStanding(): Promise<Standing | undefined> {
  const outcome = await attempt(api.GET("/api/v1/gamification"));
  return outcome.ok ? outcome.data : undefined;
}

/** Finishes the run, with the learner's standing just before (null when it could not be read),
 * since the finished run does not say what XP it earned. */
export async function finish(runId: string): Promise<Outcome<{ run: Run; before: Standing | null }>> {
  const before = (await readStanding()) ?? null;
  const outcome = await attempt(api.POST("/api/v1/runs/{run_id}/complete", { params: { path: { run_id: runId } } }));
  return outcome.ok ? { ok: true, data: { run: outcome.data, before } } : outcome;
}

export function abandon(runId: string): Promise<Outcome<Run>> {
  return attempt(api.POST("/api/v1/runs/{run_id}/abandon", { params: { path: { run_id: runId } } }));
}

/** The XP earned since ``before``, read until it shows; null when it has not been counted yet. */
export async function earnedSince(before: Standing): Promise<number | null> {
  const after = await settle(readStanding, (standing) => xpEarned(before, standing) !== null, PATIENCE);
  return after ? xpEarned(before, after) : null;
}

/** The cards the run added that are due (a new card is due at once), read until some show when
 * the run was just finished; undefined when the deck could not be read. */
export async function cardsOf(run: Run, justFinished: boolean): Promise<Card[] | undefined> {
  const read = async () => {
    const outcome = await attempt(
      api.GET("/api/v1/review/due", { params: { query: { language: run.language as Language, limit: 200 } } }),
    );
    return outcome.ok ? cardsAddedBy(run.id, outcome.data.cards) : undefined;
  };
  return settle(read, (cards) => cards.length > 0, justFinished ? PATIENCE : ONCE);
}
