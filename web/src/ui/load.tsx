// One way to load from the API and show it: loading, failed (with what to do and a retry), empty,
// ready. Every page uses it, so every page has the same states.
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";

import { t } from "../i18n";
import { problem } from "../pages/problem";

/** What an openapi-fetch call answers. */
export interface Answer<T> {
  data?: T;
  error?: unknown;
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; message: string };

/** Runs one API call and turns each way it can fail into a message a person can act on: the
 * API's own message for a refused request, a connection hint when the network failed. */
export async function attempt<T>(call: Promise<Answer<T>>): Promise<Outcome<T>> {
  try {
    const { data, error } = await call;
    if (error !== undefined || data === undefined) return { ok: false, message: problem(error) };
    return { ok: true, data };
  } catch {
    return { ok: false, message: t("error.network") };
  }
}

export type Load<T> = { state: "loading" } | { state: "failed"; message: string } | { state: "ready"; data: T };

/** Loads with ``fetcher`` when ``deps`` change; ``reload`` runs it again. An answer that arrives
 * after the deps changed is dropped, so a slow old page never replaces a newer one. */
export function useLoad<T>(fetcher: () => Promise<Answer<T>>, deps: unknown[]): [Load<T>, () => void, (data: T) => void] {
  const [load, setLoad] = useState<Load<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setLoad({ state: "loading" });
    attempt(fetcher()).then((outcome) => {
      if (!current) return;
      setLoad(outcome.ok ? { state: "ready", data: outcome.data } : { state: "failed", message: outcome.message });
    });
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const replace = useCallback((data: T) => setLoad({ state: "ready", data }), []);
  return [load, reload, replace];
}

export function Loading({ label }: { label?: string }) {
  return (
    <p role="status" aria-busy="true" class="muted">
      {label ?? t("loading")}
    </p>
  );
}

export function Failure({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <div role="alert" class="failure">
      <p class="error">{message}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t("ui.retry")}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

/** Renders ``load``'s state: the loading line, the failure with a retry, or ``children(data)``. */
export function Shown<T>({ load, retry, children }: { load: Load<T>; retry?: () => void; children: (data: T) => ComponentChildren }) {
  if (load.state === "loading") return <Loading />;
  if (load.state === "failed") return <Failure message={load.message} retry={retry} />;
  return <>{children(load.data)}</>;
}
