import { describe, expect, it } from "vitest";

import { fromTokenResponse, loadTokens, needsRefresh, REFRESH_MARGIN_MS, saveTokens, singleFlight } from "./session";

function memory(): Storage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    key: () => null,
    length: 0,
  } as Storage;
}

describe("an access token", () => {
  const tokens = fromTokenResponse({ access_token: "a", refresh_token: "r", expires_in: 900 }, 1_000_000);

  it("expires expires_in seconds after it was received", () => {
    expect(tokens.expiresAt).toBe(1_000_000 + 900_000);
  });

  it("is refreshed from the margin before it expires, not earlier", () => {
    expect(needsRefresh(tokens, tokens.expiresAt - REFRESH_MARGIN_MS - 1)).toBe(false);
    expect(needsRefresh(tokens, tokens.expiresAt - REFRESH_MARGIN_MS)).toBe(true);
    expect(needsRefresh(tokens, tokens.expiresAt + 1)).toBe(true);
  });
});

describe("a refresh", () => {
  it("runs once for concurrent callers, and again after it has finished", async () => {
    let runs = 0;
    let release: (value: number) => void = () => {};
    const once = singleFlight(() => new Promise<number>((resolve) => ((runs += 1), (release = resolve))));
    const [a, b] = [once(), once()];
    release(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(runs).toBe(1);
    const again = once();
    release(8);
    expect(await again).toBe(8);
    expect(runs).toBe(2);
  });
});

describe("stored tokens", () => {
  it("round-trip, and signing out forgets them", () => {
    const storage = memory();
    const tokens = { access: "a", refresh: "r", expiresAt: 5 };
    saveTokens(tokens, storage);
    expect(loadTokens(storage)).toEqual(tokens);
    saveTokens(null, storage);
    expect(loadTokens(storage)).toBeNull();
  });

  it("that are damaged or of another shape are ignored", () => {
    const storage = memory();
    storage.setItem("parla.tokens", "{not json");
    expect(loadTokens(storage)).toBeNull();
    storage.setItem("parla.tokens", JSON.stringify({ access: 1 }));
    expect(loadTokens(storage)).toBeNull();
  });
});
