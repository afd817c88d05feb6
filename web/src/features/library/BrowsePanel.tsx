// Public collections to browse: words to find, a category, a level, learning paths only, and an order.
import { useState } from "preact/hooks";

import { api } from "../../api/client";
import { t } from "../../i18n";
import type { Category, Difficulty } from "../../i18n/names";
import { CollectionCards } from "./CollectionList";
import { CategorySelect, DifficultySelect } from "./fields";
import { PAGE_SIZE, pageOf, usePaged } from "./paging";

interface Search {
  q: string;
  category: Category | null;
  difficulty: Difficulty | null;
  learning_paths_only: boolean;
  sort: "popular" | "recent";
}

const NEW_SEARCH: Search = { q: "", category: null, difficulty: null, learning_paths_only: false, sort: "popular" };

export function BrowsePanel() {
  const [draft, setDraft] = useState<Search>(NEW_SEARCH);
  // The list follows the search sent, not each key typed.
  const [search, setSearch] = useState<Search>(NEW_SEARCH);
  const edit = (fields: Partial<Search>) => setDraft({ ...draft, ...fields });
  const paged = usePaged(
    (offset) =>
      pageOf(
        api.GET("/api/v1/collections", { params: { query: { ...search, q: search.q.trim(), limit: PAGE_SIZE, offset } } }),
        (body) => body.collections,
      ),
    [search],
  );

  return (
    <>
      <h2>{t("library.tab.browse")}</h2>
      <form role="search" class="library-search" aria-label={t("library.browse.search")} onSubmit={(e) => (e.preventDefault(), setSearch(draft))}>
        <label>
          {t("library.browse.words")}
          <input type="search" maxLength={200} value={draft.q} onInput={(e) => edit({ q: e.currentTarget.value })} />
        </label>
        <CategorySelect value={draft.category} onChange={(category) => edit({ category })} />
        <DifficultySelect value={draft.difficulty} onChange={(difficulty) => edit({ difficulty })} />
        <label>
          {t("library.browse.sort")}
          <select value={draft.sort} onChange={(e) => edit({ sort: e.currentTarget.value as Search["sort"] })}>
            <option value="popular">{t("library.browse.popular")}</option>
            <option value="recent">{t("library.browse.recent")}</option>
          </select>
        </label>
        <label class="inline">
          <input type="checkbox" checked={draft.learning_paths_only} onChange={(e) => edit({ learning_paths_only: e.currentTarget.checked })} />
          {t("library.browse.pathsOnly")}
        </label>
        <button type="submit">{t("library.browse.submit")}</button>
      </form>
      <CollectionCards paged={paged} empty={<p>{t("library.browse.empty")}</p>} />
    </>
  );
}
