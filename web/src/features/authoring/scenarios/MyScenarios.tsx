// The learner's own scenarios, private and published, a page at a time.
import { useState } from "preact/hooks";
import { Link } from "wouter-preact";

import { api } from "../../../api/client";
import { t } from "../../../i18n";
import { categoryName, difficultyName, languageName } from "../../../i18n/names";
import { attempt, Empty, Failure, Shown, useLoad } from "../../../ui/load";
import { isPublished, mergeListings, type Listing } from "../model/mine";

// The catalogue lists a scenario once per language: a page of 100 rows holds a dozen or more.
const PAGE = 100;

type Page = { items: Listing[]; total: number; offset: number };

function fetchPage(offset: number) {
  return api.GET("/api/v1/scenarios", { params: { query: { author: "me", limit: PAGE, offset } } });
}

function Row({ listing }: { listing: Listing }) {
  return (
    <li class="authoring-card">
      <h3>
        <Link href={`/author/${listing.id}`}>{listing.title}</Link>
      </h3>
      <p>
        <span class="authoring-badge">{isPublished(listing) ? t("authoring.visibility.public") : t("authoring.visibility.private")}</span>{" "}
        {categoryName(listing.category)} · {difficultyName(listing.difficulty)} · {t("authoring.mine.minutes", { minutes: listing.estimated_minutes })}
      </p>
      <p class="authoring-hint">{t("authoring.mine.languages", { languages: listing.languages.map((code) => languageName(code)).join(", ") })}</p>
    </li>
  );
}

function List({ first }: { first: Page }) {
  const [page, setPage] = useState<Page>({ ...first, items: mergeListings([], first.items) });
  const [more, setMore] = useState<{ working: boolean; error: string | null }>({ working: false, error: null });
  const next = page.offset + PAGE;

  async function showMore() {
    setMore({ working: true, error: null });
    const outcome = await attempt(fetchPage(next));
    if (!outcome.ok) return setMore({ working: false, error: outcome.message });
    setPage({ items: mergeListings(page.items, outcome.data.items), total: outcome.data.total, offset: next });
    setMore({ working: false, error: null });
  }

  if (page.items.length === 0) {
    return (
      <Empty>
        <p>{t("authoring.mine.empty")}</p>
        <a href="#authoring-new">{t("authoring.mine.emptyAction")}</a>
      </Empty>
    );
  }
  return (
    <>
      <ul class="authoring-cards">
        {page.items.map((listing) => (
          <Row listing={listing} />
        ))}
      </ul>
      {next < page.total && (
        <button type="button" class="authoring-secondary" disabled={more.working} onClick={showMore}>
          {more.working ? t("loading") : t("authoring.mine.more")}
        </button>
      )}
      {more.error && <Failure message={more.error} retry={showMore} />}
    </>
  );
}

export function MyScenarios() {
  const [load, retry] = useLoad(() => fetchPage(0), []);
  return (
    <section class="authoring-section" aria-labelledby="authoring-mine">
      <h2 id="authoring-mine">{t("authoring.mine.title")}</h2>
      <Shown load={load} retry={retry}>
        {(first) => <List first={first} />}
      </Shown>
    </section>
  );
}
