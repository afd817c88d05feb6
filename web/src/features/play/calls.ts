// The API calls of the play pages, each shaped for what the page does with its answer.
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { attempt, type Answer, type Outcome } from "../../ui/load";
import { everyCard } from "./deck";
import type { Scenario } from "./phases";
import { absentAsNull, backoff, pausing, settle, type Patience } from "./settle";
import type { Run, TurnResult } from "./transcript";

type Language = "en" | "es" | "fr" | "de" | "it" | "pt" | "zh" | "ja";
type Card = components["schemas"]["CardOut"];
type RunXp = components["schemas"]["RunXpOut"];

export interface Play {
  run: Run;
  scenario: Scenario;
}

/** What finishing counts elsewhere shows within seconds (five readings over about 7 s); past
 * this the page offers to look again. */
const PATIENCE: Patience = { tries: 5, pause: pausing(backoff(500, 4000)) };
const ONCE: Patience = { tries: 1, pause: pausing(() => 0) };
// A run names a few dozen words at most: one page almost always holds them all.
const CARDS_PAGE = 200;

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

export function finish(runId: string): Promise<Outcome<Run>> {
  return attempt(api.POST("/api/v1/runs/{run_id}/complete", { params: { path: { run_id: runId } } }));
}

export function abandon(runId: string): Promise<Outcome<Run>> {
  return attempt(api.POST("/api/v1/runs/{run_id}/abandon", { params: { path: { run_id: runId } } }));
}

/** ``patient``: the run was just finished, so what it brings is read again a few times until it
 * shows; otherwise it is read once. */
const patience = (patient: boolean) => (patient ? PATIENCE : ONCE);

/** The XP the run earned; null while its completion has not been counted (the API answers 404). */
export function xpOf(runId: string, patient: boolean, signal: AbortSignal): Promise<Outcome<RunXp | null>> {
  const read = () => attempt(absentAsNull(api.GET("/api/v1/gamification/runs/{run_id}", { params: { path: { run_id: runId } } })));
  return settle(read, (xp) => xp !== null, patience(patient), signal);
}

/** Every card in the deck that the run named (a word it missed or a mistake it corrected), also
 * those the learner already had; they arrive a moment after the run is finished. */
export function cardsOf(runId: string, patient: boolean, signal: AbortSignal): Promise<Outcome<Card[]>> {
  const page = (offset: number) =>
    api.GET("/api/v1/cards", { params: { query: { source_kind: "scenario_run", source_id: runId, limit: CARDS_PAGE, offset } } });
  return settle(() => attempt(everyCard(page)), (cards) => cards.length > 0, patience(patient), signal);
}
