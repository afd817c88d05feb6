// /discover: the hub of the language the learner practises, and a search across its scenarios.
import { useLocation, useSearch } from "wouter-preact";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { LANGUAGES, isLanguage, languageName, type Language } from "../../i18n/names";
import { Shown, useLoad } from "../../ui/load";
import "./discover.css";
import { Hub } from "./Hub";
import { Results } from "./Results";
import { defaultLanguage, NO_FILTERS, searchOf, viewFromSearch, withLanguage, type View } from "./search";
import { SearchForm } from "./SearchForm";

function Body({ view, language }: { view: View; language: Language }) {
  const [, navigate] = useLocation();
  const [categories] = useLoad(() => api.GET("/api/v1/scenario-categories", { params: { query: { language } } }), [language]);
  const listed = categories.state === "ready" ? categories.data.categories : null;
  const names = Object.fromEntries((listed ?? []).map((category) => [category.id, category.name]));
  const here = { ...view, language };

  function go(next: View) {
    const query = searchOf(next);
    navigate(query ? `/discover?${query}` : "/discover");
  }

  function pickLanguage(code: string) {
    if (isLanguage(code)) go(withLanguage(here, code));
  }

  return (
    <>
      <label class="discover-language">
        {t("discover.language")}
        <select value={language} onChange={(e) => pickLanguage(e.currentTarget.value)}>
          {LANGUAGES.map((code) => (
            <option value={code}>{languageName(code)}</option>
          ))}
        </select>
      </label>
      <SearchForm
        language={language}
        filters={view.filters}
        categories={listed}
        names={names}
        searching={view.searching}
        onSearch={(filters) => go({ language, filters, searching: true })}
        onClear={() => go({ language, filters: NO_FILTERS, searching: false })}
      />
      {view.searching ? (
        <Results key={`${language}?${searchOf(here)}`} language={language} filters={view.filters} names={names} />
      ) : (
        <Hub key={language} language={language} names={names} />
      )}
    </>
  );
}

export function DiscoverPage() {
  const view = viewFromSearch(useSearch());
  // Asked once, for the default language; a page whose address names the language needs no answer.
  const [me, retry] = useLoad(() => api.GET("/api/v1/me"), []);
  const language = view.language ?? (me.state === "ready" ? defaultLanguage(me.data) : null);
  return (
    <main class="discover">
      <h1>{t("discover.title")}</h1>
      <p class="discover-intro">{t("discover.intro")}</p>
      {language ? <Body view={view} language={language} /> : <Shown load={me} retry={retry}>{() => null}</Shown>}
    </main>
  );
}
