// What opening a saved scenario in the editor comes to. GET /scenarios/{id}/draft answers with the
// whole document of a scenario the learner may change; one they may not change (403: the API says
// to duplicate it) or that does not exist (404) stays closed however often they try, so the page
// says why and leads back to their list instead of offering a retry.
import { problem } from "../../../pages/problem";
import type { Answer } from "../../../ui/load";
import type { Authored } from "../scenarios/api";

export type Opening = { editable: true; authored: Authored } | { editable: false; message: string };

const CLOSED = new Set([403, 404]);

/** The editor's opening from the draft's answer (``status``, and its body as ``answer``); any
 * other failure stays an error, which the page offers to try again. */
export function opening(status: number, answer: Answer<Authored>): Answer<Opening> {
  if (answer.data) return { data: { editable: true, authored: answer.data } };
  if (CLOSED.has(status)) return { data: { editable: false, message: problem(answer.error) } };
  return { error: answer.error };
}
