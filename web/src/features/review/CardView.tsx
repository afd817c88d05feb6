// The card on screen: its front, "Show answer", then its back and the four ratings, each with
// when the card would come back, as the card carries it.
import type { Ref } from "preact";

import { t } from "../../i18n";
import { intervalFor, intervalLabel } from "./intervals";
import { RATINGS, type Card, type Rating } from "./model";
import { tn } from "./plural";
import type { Phase } from "./session";

interface Props {
  card: Card;
  phase: Phase;
  left: number;
  canUndo: boolean;
  showRef: Ref<HTMLButtonElement>;
  answerRef: Ref<HTMLDivElement>;
  onReveal: () => void;
  onRate: (rating: Rating) => void;
  onUndo: () => void;
}

function Ratings({ card, onRate }: Pick<Props, "card" | "onRate">) {
  return (
    <fieldset class="review-ratings">
      <legend>{t("review.ratePrompt")}</legend>
      {RATINGS.map((rating, index) => {
        const interval = intervalFor(card, rating);
        return (
          <button type="button" class={`review-rate review-rate-${rating}`} aria-keyshortcuts={String(index + 1)} onClick={() => onRate(rating)}>
            <span class="review-rate-name">{t(`review.rating.${rating}`)}</span>
            {interval && <span class="review-rate-interval">{intervalLabel(interval.seconds)}</span>}
          </button>
        );
      })}
    </fieldset>
  );
}

export function CardView({ card, phase, left, canUndo, showRef, answerRef, onReveal, onRate, onUndo }: Props) {
  const revealed = phase === "revealed";
  return (
    <>
      <p class="review-left">{tn("review.left", left)}</p>
      <article class="review-card">
        <h2 class="review-side">{t("review.question")}</h2>
        <p class="review-front">{card.front}</p>
        {revealed && (
          <div class="review-back" tabIndex={-1} ref={answerRef}>
            <h2 class="review-side">{t("review.answer")}</h2>
            <p>{card.back}</p>
          </div>
        )}
      </article>
      {revealed ? (
        <Ratings card={card} onRate={onRate} />
      ) : (
        <button type="button" class="review-show" aria-keyshortcuts="Space" ref={showRef} onClick={onReveal}>
          {t("review.show")}
        </button>
      )}
      {canUndo && (
        <button type="button" class="review-undo" aria-keyshortcuts="U Control+Z" onClick={onUndo}>
          {t("review.undo")}
        </button>
      )}
      <p class="review-keys">{t("review.shortcuts")}</p>
    </>
  );
}
