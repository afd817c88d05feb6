// The scenarios that meet the learner's search, a page at a time.
import { t } from "../../i18n";
import type { Language } from "../../i18n/names";
import { Empty, Shown } from "../../ui/load";
import { resultsPage } from "./fetchers";
import { CardList, MoreFooter } from "./ScenarioCard";
import type { Filters } from "./search";
import { usePaged } from "./usePaged";

export function Results({ language, filters, names }: { language: Language; filters: Filters; names: Record<string, string> }) {
  const list = usePaged(resultsPage(language, filters), (card) => card.id, []);
  return (
    <section aria-labelledby="discover-results">
      <h2 id="discover-results">{t("discover.results.title")}</h2>
      <Shown load={list.load} retry={list.reload}>
        {(paged) => (
          <>
            {paged.items.length === 0 ? (
              <Empty>
                <p role="status">{t(paged.hasMore ? "discover.results.noneYet" : "discover.results.none")}</p>
              </Empty>
            ) : (
              <>
                <p role="status">{t("discover.results.shown", { count: paged.items.length })}</p>
                <CardList cards={paged.items} language={language} names={names} />
              </>
            )}
            <MoreFooter more={list} hasMore={paged.hasMore} label="discover.more.results" />
          </>
        )}
      </Shown>
    </section>
  );
}
