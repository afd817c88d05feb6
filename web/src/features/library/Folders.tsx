// The learner's bookmark folders: pick one to see its bookmarks, create, rename and delete them.
import { useState } from "preact/hooks";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { attempt } from "../../ui/load";
import { bad, ConfirmButton, Notice, ok, type Note } from "../../ui/feedback";
import type { FolderFilter } from "./bookmarks";
import { attemptEmpty } from "./calls";
import type { Folder } from "./types";


interface FoldersProps {
  folders: Folder[];
  filter: FolderFilter;
  choose: (filter: FolderFilter) => void;
  /** Called after any change, so the folders and their counts are loaded again; told whether
   * bookmarks changed folder too (a deleted folder's are now in none). */
  changed: (bookmarksMoved: boolean) => void;
}

function FilterButton({ pressed, label, onClick }: { pressed: boolean; label: string; onClick: () => void }) {
  return (
    <button type="button" class="library-chip" aria-pressed={pressed} onClick={onClick}>
      {label}
    </button>
  );
}

function NewFolder({ done }: { done: (note: Note, bookmarksMoved?: boolean) => void }) {
  const [name, setName] = useState("");

  async function create(event: Event) {
    event.preventDefault();
    const outcome = await attempt(api.POST("/api/v1/bookmarks/folders", { body: { name: name.trim() } }));
    if (outcome.ok) setName("");
    done(outcome.ok ? ok(t("library.folder.created", { name: outcome.data.name })) : bad(outcome.message));
  }

  return (
    <form class="library-inline-form" onSubmit={create}>
      <label>
        {t("library.folder.newName")}
        <input required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <button type="submit">{t("library.folder.create")}</button>
    </form>
  );
}

function FolderRow({ folder, filter, choose, done }: { folder: Folder; filter: FolderFilter; choose: (f: FolderFilter) => void; done: (note: Note, bookmarksMoved?: boolean) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(folder.name);
  const path = { params: { path: { folder_id: folder.id } } };

  async function rename(event: Event) {
    event.preventDefault();
    const outcome = await attempt(api.PATCH("/api/v1/bookmarks/folders/{folder_id}", { ...path, body: { name: name.trim() } }));
    if (outcome.ok) setRenaming(false);
    done(outcome.ok ? ok(t("library.folder.renamed", { name: outcome.data.name })) : bad(outcome.message));
  }

  async function remove() {
    const outcome = await attemptEmpty(api.DELETE("/api/v1/bookmarks/folders/{folder_id}", path));
    if (outcome.ok && filter === folder.id) choose("all");
    // The folder's row goes away with the focused button: keep focus in the folders.
    if (outcome.ok) document.getElementById("library-folders-title")?.focus();
    done(outcome.ok ? ok(t("library.folder.deleted", { name: folder.name })) : bad(outcome.message), true);
  }

  if (renaming) {
    return (
      <li class="library-folder">
        <form class="library-inline-form" onSubmit={rename}>
          <label>
            {t("library.folder.renameLabel", { name: folder.name })}
            <input required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <button type="submit">{t("library.save")}</button>
          <button type="button" class="library-secondary" onClick={() => (setRenaming(false), setName(folder.name))}>
            {t("library.cancel")}
          </button>
        </form>
      </li>
    );
  }
  return (
    <li class="library-folder">
      <FilterButton pressed={filter === folder.id} label={t("library.folder.count", { name: folder.name, count: folder.bookmark_count ?? 0 })} onClick={() => choose(folder.id)} />
      <button type="button" class="library-secondary" aria-label={t("library.folder.renameNamed", { name: folder.name })} onClick={() => setRenaming(true)}>
        {t("library.folder.rename")}
      </button>
      <ConfirmButton
        label={t("library.delete")}
        name={t("library.folder.deleteNamed", { name: folder.name })}
        question={t("library.folder.deleteQuestion", { name: folder.name })}
        confirm={t("library.folder.deleteConfirm")}
        onConfirm={remove}
      />
    </li>
  );
}

export function Folders({ folders, filter, choose, changed }: FoldersProps) {
  const [note, setNote] = useState<Note | null>(null);
  const done = (next: Note, bookmarksMoved = false) => {
    setNote(next);
    if (!next.bad) changed(bookmarksMoved);
  };

  return (
    <section class="library-folders" aria-labelledby="library-folders-title">
      <h3 id="library-folders-title" tabIndex={-1}>{t("library.folders")}</h3>
      <ul class="library-folder-list">
        <li class="library-folder">
          <FilterButton pressed={filter === "all"} label={t("library.folder.all")} onClick={() => choose("all")} />
        </li>
        <li class="library-folder">
          <FilterButton pressed={filter === "none"} label={t("library.folder.none")} onClick={() => choose("none")} />
        </li>
        {folders.map((folder) => (
          <FolderRow key={folder.id} folder={folder} filter={filter} choose={choose} done={done} />
        ))}
      </ul>
      {folders.length === 0 && <p class="library-hint">{t("library.folder.emptyHint")}</p>}
      <NewFolder done={done} />
      <Notice note={note} />
    </section>
  );
}
