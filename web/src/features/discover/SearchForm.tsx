// The search: words, category, difficulty and tag, sent together with "Search".
import { useEffect, useState } from "preact/hooks";

import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n";
import { CATEGORIES, DIFFICULTIES, categoryName, difficultyName, type Language } from "../../i18n/names";
import { Failure, useLoad } from "../../ui/load";
import type { Filters } from "./search";

type Category = components["schemas"]["CategoryOut"];

interface Props {
  language: Language;
  filters: Filters;
  /** The API's categories with their counts; until they come, the ones this client knows. */
  categories: Category[] | null;
  names: Record<string, string>;
  searching: boolean;
  onSearch: (filters: Filters) => void;
  onClear: () => void;
}

function TagChoice({ language, value, onChange }: { language: Language; value: string; onChange: (tag: string) => void }) {
  const [load, reload] = useLoad(() => api.GET("/api/v1/tags/popular", { params: { query: { language, limit: 50 } } }), [language]);
  const tags = load.state === "ready" ? load.data.tags : [];
  // A tag from a shared address may not be among the popular ones; it is still the one chosen.
  const listed = value && !tags.some((tag) => tag.tag === value) ? [{ tag: value, count: 0 }, ...tags] : tags;
  return (
    <div>
      <label>
        {t("discover.search.tag")}
        <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">{t("discover.search.anyTag")}</option>
          {listed.map(({ tag, count }) => (
            <option value={tag}>{count ? t("discover.option", { name: tag, count }) : tag}</option>
          ))}
        </select>
      </label>
      {load.state === "failed" && <Failure message={t("discover.search.tagsFailed")} retry={reload} />}
    </div>
  );
}

export function SearchForm({ language, filters, categories, names, searching, onSearch, onClear }: Props) {
  const [draft, setDraft] = useState(filters);
  // Going back (or another language) changes the search in the address; the form follows it
  // without being rebuilt, so the keyboard focus stays where it was.
  const shown = JSON.stringify(filters);
  useEffect(() => setDraft(filters), [shown]);
  const edit = (change: Partial<Filters>) => setDraft({ ...draft, ...change });
  const options = categories ?? CATEGORIES.map((id) => ({ id, name: "", scenario_count: 0 }));

  function submit(event: Event) {
    event.preventDefault();
    onSearch(draft);
  }

  return (
    <section aria-labelledby="discover-search">
      <h2 id="discover-search">{t("discover.search.title")}</h2>
      <form role="search" aria-labelledby="discover-search" class="discover-filters" onSubmit={submit}>
        <label class="discover-words">
          {t("discover.search.words")}
          <input type="search" maxLength={200} value={draft.q} onInput={(e) => edit({ q: e.currentTarget.value })} />
        </label>
        <label>
          {t("discover.search.category")}
          <select value={draft.category} onChange={(e) => edit({ category: e.currentTarget.value })}>
            <option value="">{t("discover.search.anyCategory")}</option>
            {options.map(({ id, scenario_count }) => (
              <option value={id}>
                {categories ? t("discover.option", { name: categoryName(id, names[id]), count: scenario_count }) : categoryName(id, names[id])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("discover.search.difficulty")}
          <select value={draft.difficulty} onChange={(e) => edit({ difficulty: e.currentTarget.value })}>
            <option value="">{t("discover.search.anyDifficulty")}</option>
            {DIFFICULTIES.map((difficulty) => (
              <option value={difficulty}>{difficultyName(difficulty)}</option>
            ))}
          </select>
        </label>
        <TagChoice language={language} value={draft.tag} onChange={(tag) => edit({ tag })} />
        <div class="discover-actions">
          <button type="submit">{t("discover.search.submit")}</button>
          {searching && (
            <button type="button" class="discover-secondary" onClick={onClear}>
              {t("discover.search.clear")}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
