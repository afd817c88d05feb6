// The learner's tokens, and when to refresh them: pure rules, unit-tested, and a store around them.

export interface Tokens {
  access: string;
  refresh: string;
  /** Epoch milliseconds at which the access token expires. */
  expiresAt: number;
}

/** Refresh this long before the access token expires, so a request never leaves with a token
 * about to lapse on the way. */
export const REFRESH_MARGIN_MS = 30_000;

export function fromTokenResponse(body: { access_token: string; refresh_token: string; expires_in: number }, now: number): Tokens {
  return { access: body.access_token, refresh: body.refresh_token, expiresAt: now + body.expires_in * 1000 };
}

export function needsRefresh(tokens: Tokens, now: number): boolean {
  return now >= tokens.expiresAt - REFRESH_MARGIN_MS;
}

/** Runs ``refresh`` once for any number of concurrent callers: a refresh token rotates on use,
 * and a second use of the same one would sign the learner out everywhere. */
export function singleFlight<T>(work: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= work().finally(() => {
      running = null;
    });
    return running;
  };
}

const STORED = "parla.tokens";

export function loadTokens(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): Tokens | null {
  const text = storage?.getItem(STORED);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Tokens>;
    return typeof value.access === "string" && typeof value.refresh === "string" && typeof value.expiresAt === "number"
      ? (value as Tokens)
      : null;
  } catch {
    return null;
  }
}

export function saveTokens(tokens: Tokens | null, storage: Pick<Storage, "setItem" | "removeItem"> | undefined = globalThis.localStorage): void {
  if (tokens) storage?.setItem(STORED, JSON.stringify(tokens));
  else storage?.removeItem(STORED);
}
