// Lists of collections: the learner's own, the ones they follow, and the public ones they find.
import type { ComponentChildren } from "preact";
import { Link } from "wouter-preact";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { Empty, Shown } from "../../ui/load";
import { CreateCollection } from "./CreateCollection";
import { PAGE_SIZE, pageOf, ShowMore, usePaged, type Paged } from "./paging";
import type { Tab } from "./tabs";
import type { Collection } from "./types";

function Badges({ collection }: { collection: Collection }) {
  return (
    <p class="library-badges">
      <span class="library-badge">{t(collection.visibility === "public" ? "library.public" : "library.private")}</span>
      {collection.learning_path && <span class="library-badge">{t("library.learningPath")}</span>}
      {collection.subscribed && <span class="library-badge">{t("library.subscribedBadge")}</span>}
    </p>
  );
}

export function CollectionFacts({ collection }: { collection: Collection }) {
  return (
    <p class="library-facts">
      {t("library.facts", { items: collection.item_count, minutes: collection.total_minutes, subscribers: collection.subscriber_count })}
    </p>
  );
}

/** Collection cards, each a link to its page, with "Show more" when there is another page. */
export function CollectionCards({ paged, empty }: { paged: Paged<Collection>; empty: ComponentChildren }) {
  return (
    <Shown load={paged.load} retry={paged.reload}>
      {({ rows }) =>
        rows.length === 0 ? (
          <Empty>{empty}</Empty>
        ) : (
          <>
            <ul class="library-cards">
              {rows.map((collection) => (
                <li key={collection.id} class="library-card">
                  <h3>
                    <Link href={`/collections/${collection.id}`}>{collection.name}</Link>
                  </h3>
                  {collection.description && <p class="library-description">{collection.description}</p>}
                  <CollectionFacts collection={collection} />
                  <Badges collection={collection} />
                </li>
              ))}
            </ul>
            <ShowMore paged={paged} />
          </>
        )
      }
    </Shown>
  );
}

export function MinePanel() {
  const paged = usePaged(
    (offset) => pageOf(api.GET("/api/v1/collections/mine", { params: { query: { limit: PAGE_SIZE, offset } } }), (body) => body.collections),
    [],
  );
  return (
    <>
      <h2>{t("library.tab.mine")}</h2>
      <CreateCollection />
      <CollectionCards paged={paged} empty={<p>{t("library.mine.empty")}</p>} />
    </>
  );
}

export function SubscribedPanel({ select }: { select: (tab: Tab, focus?: boolean) => void }) {
  const paged = usePaged(
    (offset) => pageOf(api.GET("/api/v1/collections/subscribed", { params: { query: { limit: PAGE_SIZE, offset } } }), (body) => body.collections),
    [],
  );
  return (
    <>
      <h2>{t("library.tab.subscribed")}</h2>
      <CollectionCards
        paged={paged}
        empty={
          <>
            <p>{t("library.subscribed.empty")}</p>
            <button type="button" onClick={() => select("browse", true)}>
              {t("library.subscribed.browse")}
            </button>
          </>
        }
      />
    </>
  );
}
