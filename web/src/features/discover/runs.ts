// Playing a scenario: in which language to start it, and whether a run of it waits to be resumed.
import type { components } from "../../api/schema";
import { isLanguage, type Language } from "../../i18n/names";
import type { Answer } from "../../ui/load";

type RunPage = components["schemas"]["RunPage"];
type RunSummary = components["schemas"]["RunSummaryOut"];
type Summary = components["schemas"]["ScenarioSummaryOut"];

/** The languages the scenario can be played in, those the API knows. */
export function playableLanguages(summary: Pick<Summary, "languages" | "language">): Language[] {
  const languages = summary.languages.filter(isLanguage);
  return languages.length || !isLanguage(summary.language) ? languages : [summary.language];
}

/** The language offered first: the one the page shows the scenario in, when it can be played in it. */
export function startLanguage(summary: Pick<Summary, "languages" | "language">): Language | null {
  const languages = playableLanguages(summary);
  return languages.find((language) => language === summary.language) ?? languages[0] ?? null;
}

/** The learner's newest unfinished run of ``scenarioId``. Runs cannot be asked for by scenario, so
 * this reads their active runs (newest first) a page at a time, at most ``pages`` pages. */
export async function findUnfinished(
  scenarioId: string,
  fetchPage: (offset: number) => Promise<Answer<RunPage>>,
  pages = 5,
): Promise<Answer<{ run: RunSummary | null }>> {
  let offset = 0;
  for (let read = 0; read < pages; read++) {
    const { data, error } = await fetchPage(offset);
    if (error !== undefined || data === undefined) return { error };
    const run = data.items.find((item) => item.scenario_id === scenarioId && item.status === "active");
    if (run) return { data: { run } };
    offset += data.items.length;
    if (data.items.length === 0 || offset >= data.total) break;
  }
  return { data: { run: null } };
}
