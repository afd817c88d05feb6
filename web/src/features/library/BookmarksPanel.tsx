// The learner's bookmarks, by folder: move one to a folder, add it to a collection, or remove it.
import { useState } from "preact/hooks";
import { Link } from "wouter-preact";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { attempt, Empty, Shown, useLoad } from "../../ui/load";
import { bad, Notice, ok, type Note } from "../../ui/feedback";
import { AddToCollection } from "./AddToCollection";
import { folderQuery, shownUnder, type FolderFilter } from "./bookmarks";
import { Folders } from "./Folders";
import { hrefOf } from "./items";
import { itemKey } from "./order";
import { PAGE_SIZE, pageOf, ShowMore, usePaged } from "./paging";
import { formatDate, kindName, nameOf, ShownKept, useKept } from "./parts";
import type { Bookmark, Folder } from "./types";

interface RowProps {
  bookmark: Bookmark;
  folders: Folder[];
  moved: (bookmark: Bookmark) => void;
  removed: () => void;
  tell: (note: Note) => void;
}

function BookmarkRow({ bookmark, folders, moved, removed, tell }: RowProps) {
  const { item } = bookmark;
  const ref = { kind: item.ref.kind as "scenario" | "document", item_id: item.ref.id };
  const name = nameOf(item);
  const [folder, setFolder] = useState(bookmark.folder_id ?? "");
  const [adding, setAdding] = useState(false);

  async function move(event: Event) {
    event.preventDefault();
    const outcome = await attempt(api.PATCH("/api/v1/bookmarks/{kind}/{item_id}", { params: { path: ref }, body: { folder_id: folder || null } }));
    if (outcome.ok) moved(outcome.data);
    const where = folders.find((f) => f.id === folder)?.name;
    tell(outcome.ok ? ok(where ? t("library.bookmark.movedTo", { title: name, folder: where }) : t("library.bookmark.movedOut", { title: name })) : bad(outcome.message));
  }

  async function unbookmark() {
    const outcome = await attempt(api.POST("/api/v1/bookmarks/toggle", { body: { kind: ref.kind, id: ref.item_id } }));
    // The toggle answers the state it left: bookmarked again means it had been removed elsewhere.
    if (outcome.ok && !outcome.data.bookmarked) removed();
    tell(outcome.ok ? ok(t("library.bookmark.removed", { title: name })) : bad(outcome.message));
  }

  return (
    <li class="library-row">
      <h4>{item.removed ? name : <Link href={hrefOf(item.ref)}>{name}</Link>}</h4>
      <p class="library-facts">{t("library.bookmark.facts", { kind: kindName(item.ref.kind), date: formatDate(bookmark.created_at) })}</p>
      {bookmark.note && <p class="library-note">{bookmark.note}</p>}
      <form class="library-inline-form" onSubmit={move}>
        <label>
          <span>
            {t("library.bookmark.folder")}
            <span class="library-sr"> ({name})</span>
          </span>
          <select value={folder} onChange={(e) => setFolder(e.currentTarget.value)}>
            <option value="">{t("library.folder.none")}</option>
            {folders.map((f) => (
              <option value={f.id}>{f.name}</option>
            ))}
          </select>
        </label>
        <button type="submit" class="library-secondary" aria-label={t("library.bookmark.moveNamed", { title: name })}>
          {t("library.bookmark.move")}
        </button>
      </form>
      <div class="library-actions">
        <button type="button" class="library-danger" aria-label={t("library.bookmark.removeNamed", { title: name })} onClick={unbookmark}>
          {t("library.bookmark.remove")}
        </button>
      </div>
      {!item.removed && (
        <details class="library-details" onToggle={(e) => setAdding(e.currentTarget.open)}>
          <summary>{t("library.addTo.open")}</summary>
          {adding && <AddToCollection kind={ref.kind} id={ref.item_id} />}
        </details>
      )}
    </li>
  );
}

export function BookmarksPanel() {
  const [filter, setFilter] = useState<FolderFilter>("all");
  const [note, setNote] = useState<Note | null>(null);
  const [folders, reloadFolders] = useLoad(() => api.GET("/api/v1/bookmarks/folders"), []);
  const paged = usePaged(
    (offset) => pageOf(api.GET("/api/v1/bookmarks", { params: { query: { folder: folderQuery(filter), limit: PAGE_SIZE, offset } } }), (body) => body.bookmarks),
    [filter],
  );
  const known = useKept(folders)?.data.folders ?? [];
  const heading = filter === "all" ? t("library.folder.all") : filter === "none" ? t("library.folder.none") : (known.find((f) => f.id === filter)?.name ?? t("library.tab.bookmarks"));

  function replaceRow(key: string, next: Bookmark | null) {
    if (paged.load.state !== "ready") return;
    const rows = paged.load.data.rows.flatMap((row) => (itemKey(row.item) === key ? (next && shownUnder(filter, next.folder_id) ? [next] : []) : [row]));
    paged.setRows(rows);
    reloadFolders();
    // The row left the list with the focused button: keep focus in the list.
    if (rows.length < paged.load.data.rows.length) document.getElementById("library-bookmarks-title")?.focus();
  }

  return (
    <>
      <h2>{t("library.tab.bookmarks")}</h2>
      <ShownKept load={folders} retry={reloadFolders}>
        {() => <Folders folders={known} filter={filter} choose={setFilter} changed={(bookmarksMoved) => (reloadFolders(), bookmarksMoved && paged.reload())} />}
      </ShownKept>
      <section aria-labelledby="library-bookmarks-title">
        <h3 id="library-bookmarks-title" tabIndex={-1}>
          {heading}
        </h3>
        <Notice note={note} />
        <Shown load={paged.load} retry={paged.reload}>
          {({ rows }) =>
            rows.length === 0 ? (
              <Empty>
                <p>{filter === "all" ? t("library.bookmark.empty") : t("library.bookmark.emptyFolder")}</p>
              </Empty>
            ) : (
              <>
                <ul class="library-rows">
                  {rows.map((bookmark) => {
                    const key = itemKey(bookmark.item);
                    return (
                      <BookmarkRow
                        key={key}
                        bookmark={bookmark}
                        folders={known}
                        moved={(next) => replaceRow(key, next)}
                        removed={() => replaceRow(key, null)}
                        tell={setNote}
                      />
                    );
                  })}
                </ul>
                <ShowMore paged={paged} />
              </>
            )
          }
        </Shown>
      </section>
    </>
  );
}
