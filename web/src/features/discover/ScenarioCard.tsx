// A scenario in a list, linking to its page; and the "more" at a list's foot.
import { Link } from "wouter-preact";

import { t } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { categoryName, difficultyName, type Language } from "../../i18n/names";
import { Failure } from "../../ui/load";
import { ratingText, scenarioHref, type Card } from "./cards";
import { reasonText } from "./reasons";
import type { More } from "./usePaged";

export function ScenarioCard({ card, language, names }: { card: Card; language: Language; names: Record<string, string> }) {
  return (
    <li class="discover-card">
      <h3>
        <Link href={scenarioHref(card.id, language)}>{card.title}</Link>
      </h3>
      <p class="discover-meta">
        <span>{categoryName(card.category, names[card.category])}</span>
        <span>{difficultyName(card.difficulty)}</span>
      </p>
      {card.rating && <p class="discover-rating">{ratingText(card.rating)}</p>}
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
