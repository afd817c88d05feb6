// A scenario in a list, linking to its page; and the "more" at a list's foot.
import { Link } from "wouter-preact";

import { api } from "../../api/client";
import { t } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { Failure, useLoad } from "../../ui/load";
import { ratingText, scenarioHref, type Card } from "./cards";
import { categoryName, difficultyName, type Language } from "./names";
import { reasonText } from "./reasons";
import type { More } from "./usePaged";

/** The rating of a scenario listed without one (search results carry none). */
function FetchedRating({ id }: { id: string }) {
  const [load] = useLoad(() => api.GET("/api/v1/scenarios/{scenario_id}/ratings/summary", { params: { path: { scenario_id: id } } }), [id]);
  if (load.state === "loading") return <p class="discover-rating muted">{t("loading")}</p>;
  if (load.state === "failed") return <p class="discover-rating muted">{t("discover.rating.unknown")}</p>;
  return <p class="discover-rating">{ratingText({ mean: load.data.mean, count: load.data.count })}</p>;
}

export function ScenarioCard({ card, language, names }: { card: Card; language: Language; names: Record<string, string> }) {
  return (
    <li class="discover-card">
      <h3>
        <Link href={scenarioHref(card.id, language)}>{card.title}</Link>
      </h3>
      <p class="discover-meta">
        <span>{categoryName(card.category, names)}</span>
        <span>{difficultyName(card.difficulty)}</span>
      </p>
      {card.rating ? <p class="discover-rating">{ratingText(card.rating)}</p> : <FetchedRating id={card.id} />}
      {card.why && <p class="discover-why">{reasonText(card.why, names)}</p>}
    </li>
  );
}

export function CardList({ cards, language, names }: { cards: Card[]; language: Language; names: Record<string, string> }) {
  return (
    <ul class="discover-cards">
      {cards.map((card) => (
        <ScenarioCard key={card.id} card={card} language={language} names={names} />
      ))}
    </ul>
  );
}

/** "More" while more follow; a failed try says why and can be tried again with the same button. */
export function MoreFooter({ more, hasMore, label }: { more: More; hasMore: boolean; label: MessageKey }) {
  return (
    <div class="discover-more">
      {more.failure && <Failure message={more.failure} />}
      {more.busy && (
        <p role="status" class="muted">
          {t("loading")}
        </p>
      )}
      {hasMore && (
        // aria-disabled rather than disabled: a disabled button would drop the keyboard focus
        <button type="button" onClick={more.more} aria-disabled={more.busy}>
          {t(label)}
        </button>
      )}
    </div>
  );
}
