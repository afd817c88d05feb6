// The authoring calls the pages share: a scenario as its author edits it, and the hand-over of a
// just-created one to its editor.
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import type { Answer } from "../../../ui/load";

export type Authored = components["schemas"]["AuthoredScenarioOut"];

// A scenario the learner just created (from a template, or as a copy), kept for the editor page
// it opens next, which then needs no request of its own.
const handedOver = new Map<string, Authored>();

export function handOver(authored: Authored): void {
  handedOver.set(authored.summary.id, authored);
}

/** The scenario ``id`` as its author edits it: the document PUT takes, its summary, its estimate.
 *
 * The API has no read of that document (GET /scenarios/{id} gives one language, without the
 * tutor's lines or the concepts). Publishing or unpublishing answers with it, and setting the
 * visibility a scenario already has changes nothing, so the scenario's own visibility is set again. */
export async function loadAuthored(id: string): Promise<Answer<Authored>> {
  const handed = handedOver.get(id);
  if (handed) {
    handedOver.delete(id);
    return { data: handed };
  }
  const found = await api.GET("/api/v1/scenarios/{scenario_id}", { params: { path: { scenario_id: id } } });
  if (!found.data) return { error: found.error };
  const params = { params: { path: { scenario_id: id } } };
  return found.data.summary.visibility === "public"
    ? api.POST("/api/v1/scenarios/{scenario_id}/publish", params)
    : api.POST("/api/v1/scenarios/{scenario_id}/unpublish", params);
}
