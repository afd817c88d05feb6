// Reordering a collection's items: where an item lands when moved, and the order the API is sent.
import type { CollectionItem, ItemRef } from "./types";

/** ``list`` with the element at ``from`` taken out and put back at ``to`` (both 0-based, ``to``
 * clamped to the list). The same list when nothing moves, so callers can skip a save. */
export function moveItem<T>(list: readonly T[], from: number, to: number): readonly T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || from === target) return list;
  const next = list.slice();
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved);
  return next;
}

export function moveUp<T>(list: readonly T[], index: number): readonly T[] {
  return moveItem(list, index, index - 1);
}

export function moveDown<T>(list: readonly T[], index: number): readonly T[] {
  return moveItem(list, index, index + 1);
}

/** The items with their positions renumbered from 0, as the API would answer them. */
export function renumber(items: readonly CollectionItem[]): CollectionItem[] {
  return items.map((entry, position) => (entry.position === position ? entry : { ...entry, position }));
}

/** The body of PUT /collections/{id}/items: every item, once each, in the shown order. */
export function orderOf(items: readonly CollectionItem[]): ItemRef[] {
  return items.map(({ item }) => ({ kind: item.ref.kind as ItemRef["kind"], id: item.ref.id }));
}

/** A stable key for an item of a collection (an item appears in it once). */
export function itemKey(item: { ref: { kind: string; id: string } }): string {
  return `${item.ref.kind}:${item.ref.id}`;
}
