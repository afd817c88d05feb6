// The hub of one language: recommended for the learner (each with why), then what is trending,
// popular and top rated, each list with "more".
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { languageName, type Language } from "../../i18n/names";
import { Empty, Shown, useLoad } from "../../ui/load";
import { fromDiscovered, fromRecommended } from "./cards";
import { HUB_LIMIT, hubListPage, type HubList } from "./fetchers";
import { fromHub } from "./paging";
import { CardList, MoreFooter } from "./ScenarioCard";
import { useMore } from "./usePaged";

type Discovered = components["schemas"]["DiscoveredOut"];
type Recommended = components["schemas"]["RecommendedOut"];

interface Names {
  language: Language;
  names: Record<string, string>;
}

function Recommendations({ items, language, names }: Names & { items: Recommended[] }) {
  return (
    <section aria-labelledby="discover-recommended">
      <h2 id="discover-recommended">{t("discover.hub.recommended")}</h2>
      {items.length === 0 ? (
        <Empty>
          <p>{t("discover.hub.noRecommended")}</p>
        </Empty>
      ) : (
        <CardList cards={items.map(fromRecommended)} language={language} names={names} />
      )}
    </section>
  );
}

const LISTS: { list: HubList; title: MessageKey; more: MessageKey }[] = [
  { list: "trending", title: "discover.hub.trending", more: "discover.more.trending" },
  { list: "popular", title: "discover.hub.popular", more: "discover.more.popular" },
  { list: "topRated", title: "discover.hub.topRated", more: "discover.more.topRated" },
];

function HubSection({ list, title, more: moreLabel, first, language, names }: Names & (typeof LISTS)[number] & { first: Discovered[] }) {
  const { paged, ...more } = useMore(fromHub(first.map((found) => fromDiscovered(found)), HUB_LIMIT), hubListPage(list, language), (card) => card.id);
  const id = `discover-${list}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t(title)}</h2>
      {paged.items.length === 0 ? (
        <Empty>
          <p>{t("discover.hub.empty", { language: languageName(language) })}</p>
        </Empty>
      ) : (
        <CardList cards={paged.items} language={language} names={names} />
      )}
      <MoreFooter more={more} hasMore={paged.hasMore} label={moreLabel} />
    </section>
  );
}

export function Hub({ language, names }: Names) {
  const [load, reload] = useLoad(() => api.GET("/api/v1/discover", { params: { query: { language, limit: HUB_LIMIT } } }), [language]);
  return (
    <Shown load={load} retry={reload}>
      {(hub) => (
        <>
          <Recommendations items={hub.recommended ?? []} language={language} names={names} />
          <HubSection key={`${language}-trending`} {...LISTS[0]} first={hub.trending ?? []} language={language} names={names} />
          <HubSection key={`${language}-popular`} {...LISTS[1]} first={hub.popular ?? []} language={language} names={names} />
          <HubSection key={`${language}-topRated`} {...LISTS[2]} first={hub.top_rated ?? []} language={language} names={names} />
        </>
      )}
    </Shown>
  );
}
