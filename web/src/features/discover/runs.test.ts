import { describe, expect, it } from "vitest";

import { findUnfinished, playableLanguages, startLanguage } from "./runs";

function run(id: string, scenario_id: string, status = "active") {
  return { id, scenario_id, status, language: "es", phases_completed: 1, phases_total: 3, score: 0, started_at: "2026-06-01T10:00:00Z", title: "T" };
}

/** The learner's active runs, newest first, a page of ``size`` at a time. */
function runs(all: ReturnType<typeof run>[], size: number) {
  const calls: number[] = [];
  const fetchPage = async (offset: number) => {
    calls.push(offset);
    return { data: { items: all.slice(offset, offset + size), total: all.length, limit: size, offset } };
  };
  return { calls, fetchPage };
}

describe("the language a scenario starts in", () => {
  it("is the one its page shows it in", () => {
    expect(startLanguage({ language: "fr", languages: ["es", "fr"] })).toBe("fr");
  });

  it("is its first playable one when the page shows it in another", () => {
    expect(startLanguage({ language: "en", languages: ["xx", "it", "de"] })).toBe("it");
    expect(playableLanguages({ language: "en", languages: ["xx", "it", "de"] })).toEqual(["it", "de"]);
  });

  it("is the page's language when the scenario lists none, and none when there is nothing to play in", () => {
    expect(startLanguage({ language: "es", languages: [] })).toBe("es");
    expect(startLanguage({ language: "", languages: [] })).toBeNull();
  });
});

describe("an unfinished run of the scenario", () => {
  it("is the newest active run of it", async () => {
    const { fetchPage } = runs([run("r1", "other"), run("r2", "cafe"), run("r3", "cafe")], 10);
    expect((await findUnfinished("cafe", fetchPage)).data?.run?.id).toBe("r2");
  });

  it("is looked for on later pages", async () => {
    const { calls, fetchPage } = runs([run("r1", "a"), run("r2", "b"), run("r3", "cafe")], 2);
    expect((await findUnfinished("cafe", fetchPage)).data?.run?.id).toBe("r3");
    expect(calls).toEqual([0, 2]);
  });

  it("is none when no active run is of it, after reading every page once", async () => {
    const { calls, fetchPage } = runs([run("r1", "a"), run("r2", "b"), run("r3", "c")], 2);
    expect(await findUnfinished("cafe", fetchPage)).toEqual({ data: { run: null } });
    expect(calls).toEqual([0, 2]);
  });

  it("is never a finished run", async () => {
    const { fetchPage } = runs([run("r1", "cafe", "completed")], 10);
    expect((await findUnfinished("cafe", fetchPage)).data?.run).toBeNull();
  });

  it("passes the API's refusal on", async () => {
    const refusal = { error: { code: "unavailable", message: "try again" } };
    expect(await findUnfinished("cafe", async () => refusal)).toEqual({ error: refusal.error });
  });
});
