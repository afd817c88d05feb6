// Which bookmarks a folder filter shows, so a moved bookmark leaves a list it no longer belongs to.
/** Which bookmarks are shown: all, those in no folder, or one folder's (by id). */
export type FolderFilter = "all" | "none" | string;

/** Whether a bookmark in ``folderId`` (null: in none) is listed under ``filter``. */
export function shownUnder(filter: FolderFilter, folderId: string | null | undefined): boolean {
  if (filter === "all") return true;
  if (filter === "none") return !folderId;
  return folderId === filter;
}

/** The ``folder`` query of GET /bookmarks for a filter: left out for all of them. */
export function folderQuery(filter: FolderFilter): string | undefined {
  return filter === "all" ? undefined : filter;
}
