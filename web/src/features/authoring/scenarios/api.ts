// The authoring calls the pages share: a scenario as its author edits it, and the hand-over of a
// just-created one to its editor.
import { api } from "../../../api/client";
import type { components } from "../../../api/schema";
import type { Answer } from "../../../ui/load";
import { opening, type Opening } from "../model/opening";

export type Authored = components["schemas"]["AuthoredScenarioOut"];

// A scenario the learner just created (from a template, or as a copy), kept for the editor page
// it opens next, which then needs no request of its own.
const handedOver = new Map<string, Authored>();

export function handOver(authored: Authored): void {
  handedOver.set(authored.summary.id, authored);
}

/** The scenario ``id`` as its author edits it (the document PUT takes, its summary, its
 * estimate), or why the learner may not edit it. */
export async function openAuthored(id: string): Promise<Answer<Opening>> {
  const handed = handedOver.get(id);
  if (handed) {
    handedOver.delete(id);
    return { data: { editable: true, authored: handed } };
  }
  const { data, error, response } = await api.GET("/api/v1/scenarios/{scenario_id}/draft", { params: { path: { scenario_id: id } } });
  return opening(response.status, { data, error });
}
