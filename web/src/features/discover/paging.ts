// Lists read a page at a time, with "more" while the API says more follows.
import type { Answer } from "../../ui/load";

export interface Paged<T> {
  items: T[];
  hasMore: boolean;
  /** The offset the next page starts at: what the API has handed over so far, shown or not. */
  next: number;
}

/** One page as the API answers it, whether it says ``has_more`` or gives a ``total``. */
export interface RawPage<R> {
  items: R[];
  hasMore: boolean;
}

export function fromTotal<R>(items: R[], offset: number, total: number): RawPage<R> {
  return { items, hasMore: offset + items.length < total };
}

/** The hub hands over its first few without saying whether more follow: a full list may. */
export function fromHub<T>(items: T[], limit: number): Paged<T> {
  return { items, hasMore: items.length >= limit, next: items.length };
}

/** Reads pages from ``start`` until one keeps something, nothing more follows, or ``pages`` were
 * read: a filter the API cannot apply may drop a whole page, and the learner should not have to
 * press "more" on an empty one. */
export async function gather<R, T>(
  fetchPage: (offset: number) => Promise<Answer<RawPage<R>>>,
  keep: (items: R[]) => T[],
  start: number,
  pages = 5,
): Promise<Answer<Paged<T>>> {
  const found: T[] = [];
  let next = start;
  let hasMore = true;
  for (let read = 0; read < pages && hasMore && found.length === 0; read++) {
    const { data, error } = await fetchPage(next);
    if (error !== undefined || data === undefined) return { error };
    found.push(...keep(data.items));
    next += data.items.length;
    hasMore = data.hasMore && data.items.length > 0;
  }
  return { data: { items: found, hasMore, next } };
}

/** ``page`` after ``before``; an item already shown (the list moved between pages) stays once. */
export function appended<T>(before: Paged<T>, page: Paged<T>, key: (item: T) => string): Paged<T> {
  const seen = new Set(before.items.map(key));
  return { items: [...before.items, ...page.items.filter((item) => !seen.has(key(item)))], hasMore: page.hasMore, next: page.next };
}

/** ``paged`` with ``item`` in place of the one with its key. */
export function replaced<T>(paged: Paged<T>, item: T, key: (item: T) => string): Paged<T> {
  return { ...paged, items: paged.items.map((old) => (key(old) === key(item) ? item : old)) };
}
