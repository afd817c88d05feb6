// The typed client of the gateway's public API (types generated from web/openapi.json), which
// signs each request and refreshes the access token before it lapses, without the learner noticing.
import { signal } from "@preact/signals";
import createClient, { type Middleware } from "openapi-fetch";

import { fromTokenResponse, loadTokens, needsRefresh, saveTokens, singleFlight, type Tokens } from "../auth/session";
import type { paths } from "./schema";

export const tokens = signal<Tokens | null>(loadTokens());

export function signedIn(next: Tokens | null): void {
  tokens.value = next;
  saveTokens(next);
}

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? "" });

/** Signs the learner out here and ends the session on the server, so that the refresh token
 * left in this browser can never be used again; the learner is signed out here even when the
 * server cannot be reached. */
export async function signOut(): Promise<void> {
  const current = tokens.value;
  signedIn(null);
  if (current) await api.POST("/api/v1/auth/logout", { body: { refresh_token: current.refresh } }).catch(() => undefined);
}

const refresh = singleFlight(async (): Promise<Tokens | null> => {
  const current = tokens.value;
  if (!current) return null;
  const { data } = await api.POST("/api/v1/auth/refresh", { body: { refresh_token: current.refresh } });
  const next = data ? fromTokenResponse(data, Date.now()) : null;
  signedIn(next); // a refused refresh signs the learner out: their session ended elsewhere
  return next;
});

const signing: Middleware = {
  async onRequest({ request, schemaPath }) {
    if (schemaPath.startsWith("/api/v1/auth/")) return request;
    let current = tokens.value;
    if (current && needsRefresh(current, Date.now())) current = await refresh();
    if (current) request.headers.set("Authorization", `Bearer ${current.access}`);
    return request;
  },
};

api.use(signing);
