// A list read a page at a time: the first page with the page's loading and failed states, then
// "more" with its own (a failed "more" keeps what is shown and can be tried again). A component
// using these is keyed by what it lists, so a page for an old search never lands in a new one.
import { useState } from "preact/hooks";

import { attempt, useLoad, type Answer, type Load } from "../../ui/load";
import { appended, replaced, type Paged } from "./paging";

export interface More {
  more: () => Promise<void>;
  /** Whether a further page is on its way. */
  busy: boolean;
  /** Why the last "more" failed, until the next try. */
  failure: string | null;
}

function useMoreOf<T>(
  current: Paged<T> | null,
  fetchPage: (offset: number) => Promise<Answer<Paged<T>>>,
  key: (item: T) => string,
  set: (paged: Paged<T>) => void,
): More {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function more() {
    if (!current || busy) return;
    setBusy(true);
    setFailure(null);
    const outcome = await attempt(fetchPage(current.next));
    setBusy(false);
    if (outcome.ok) set(appended(current, outcome.data, key));
    else setFailure(outcome.message);
  }

  return { more, busy, failure };
}

export interface PagedList<T> extends More {
  load: Load<Paged<T>>;
  reload: () => void;
  /** Puts a changed item in place of the one it changes. */
  update: (item: T) => void;
}

/** A list whose first page is fetched here too. */
export function usePaged<T>(fetchPage: (offset: number) => Promise<Answer<Paged<T>>>, key: (item: T) => string, deps: unknown[]): PagedList<T> {
  const [load, reload, replace] = useLoad(() => fetchPage(0), deps);
  const current = load.state === "ready" ? load.data : null;
  const more = useMoreOf(current, fetchPage, key, replace);
  const update = (item: T) => current && replace(replaced(current, item, key));
  return { load, reload, update, ...more };
}

/** A list whose first page came with something else (the hub's lists). */
export function useMore<T>(first: Paged<T>, fetchPage: (offset: number) => Promise<Answer<Paged<T>>>, key: (item: T) => string): More & { paged: Paged<T> } {
  const [paged, setPaged] = useState(first);
  return { paged, ...useMoreOf(paged, fetchPage, key, setPaged) };
}
