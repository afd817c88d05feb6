// The library's tabs and how the arrow keys move between them (the WAI-ARIA tabs pattern).

export const TABS = ["mine", "subscribed", "browse", "bookmarks", "tags"] as const;
export type Tab = (typeof TABS)[number];

/** The tab named in the address (``?tab=``), the learner's own collections otherwise. */
export function tabOf(value: string | null): Tab {
  return (TABS as readonly string[]).includes(value ?? "") ? (value as Tab) : "mine";
}

/** The index of the tab a key moves to from ``current`` among ``count`` tabs, wrapping at the
 * ends; null for a key the tabs leave alone. */
export function tabAfterKey(current: number, key: string, count: number): number | null {
  switch (key) {
    case "ArrowRight":
      return (current + 1) % count;
    case "ArrowLeft":
      return (current - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
