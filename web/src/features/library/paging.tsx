// Lists the API answers a page at a time: the first page loads with the page, "Show more" adds the next.
import { useState } from "preact/hooks";

import { t } from "../../i18n";
import { attempt, useLoad, type Answer, type Load } from "../../ui/load";

export interface Page<T> {
  rows: T[];
  more: boolean;
}

export const PAGE_SIZE = 20;

/** Turns an API page (whatever its list is called) into a ``Page``. */
export async function pageOf<B extends { has_more?: boolean }, T>(call: Promise<Answer<B>>, rows: (body: B) => T[] | undefined): Promise<Answer<Page<T>>> {
  const { data, error } = await call;
  return data === undefined ? { error } : { data: { rows: rows(data) ?? [], more: data.has_more ?? false } };
}

type More = { state: "idle" } | { state: "loading" } | { state: "failed"; message: string };

export interface Paged<T> {
  load: Load<Page<T>>;
  reload: () => void;
  /** Replaces the rows shown, e.g. after one was changed or taken out here. */
  setRows: (rows: T[]) => void;
  showMore: () => void;
  more: More;
}

/** ``fetchPage(offset)`` answers the page starting at ``offset``; it runs again when ``deps`` change. */
export function usePaged<T>(fetchPage: (offset: number) => Promise<Answer<Page<T>>>, deps: unknown[]): Paged<T> {
  const [load, reload, replace] = useLoad(() => fetchPage(0), deps);
  const [more, setMore] = useState<More>({ state: "idle" });
  const current = load.state === "ready" ? load.data : null;

  async function showMore() {
    if (!current) return;
    setMore({ state: "loading" });
    const outcome = await attempt(fetchPage(current.rows.length));
    if (!outcome.ok) return setMore({ state: "failed", message: outcome.message });
    replace({ rows: [...current.rows, ...outcome.data.rows], more: outcome.data.more });
    setMore({ state: "idle" });
  }

  return {
    load,
    reload,
    setRows: (rows) => current && replace({ ...current, rows }),
    showMore,
    more,
  };
}

/** The "Show more" button under a list that has another page, and why loading it failed. */
export function ShowMore<T>({ paged }: { paged: Paged<T> }) {
  if (paged.load.state !== "ready" || !paged.load.data.more) return null;
  const busy = paged.more.state === "loading";
  return (
    <div class="library-more">
      <button type="button" class="library-secondary" onClick={paged.showMore} disabled={busy}>
        {busy ? t("loading") : t("library.showMore")}
      </button>
      {paged.more.state === "failed" && (
        <p role="alert" class="error">
          {paged.more.message}
        </p>
      )}
    </div>
  );
}
