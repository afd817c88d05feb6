// The document's flashcards, one at a time: the word on the front; its meaning and the
// document's sentence on the back.
import { useState } from "preact/hooks";

import { t } from "../../i18n";
import { Empty } from "../../ui/load";
import type { Material } from "./requests";

type Card = Material["flashcards"][number];

function Face({ card, flipped, language }: { card: Card; flipped: boolean; language: string | undefined }) {
  if (!flipped) {
    return (
      <p class="documents-card-front" lang={language}>
        {card.front}
      </p>
    );
  }
  return (
    <>
      <p class="documents-card-gloss">{card.gloss || t("documents.cards.noGloss")}</p>
      <p lang={language}>{card.sentence}</p>
    </>
  );
}

/** ``onSeen`` hears how many cards the learner has turned over. */
export function Flashcards({ cards, language, onSeen }: { cards: Card[]; language: string; onSeen: (count: number) => void }) {
  const [index, setIndex] = useState(0);
  const [flipped, setFlipped] = useState(false);
  const [seen, setSeen] = useState<ReadonlySet<number>>(new Set());

  if (cards.length === 0) return <Empty>{t("documents.cards.empty")}</Empty>;

  function flip() {
    setFlipped(!flipped);
    if (seen.has(index)) return;
    const next = new Set(seen).add(index);
    setSeen(next);
    onSeen(next.size);
  }

  function go(to: number) {
    setIndex(to);
    setFlipped(false);
  }

  return (
    <div class="documents-cards">
      <p class="documents-note">{t("documents.cards.position", { number: index + 1, count: cards.length })}</p>
      {/* Announced when it turns over or changes, since the buttons that do it are elsewhere. */}
      <div class={`documents-card${flipped ? " is-flipped" : ""}`} aria-live="polite">
        <Face card={cards[index]} flipped={flipped} language={language || undefined} />
      </div>
      <div class="documents-actions">
        <button type="button" onClick={flip}>
          {flipped ? t("documents.cards.showWord") : t("documents.cards.showMeaning")}
        </button>
        <button type="button" class="documents-secondary" disabled={index === 0} onClick={() => go(index - 1)}>
          {t("documents.cards.previous")}
        </button>
        <button type="button" class="documents-secondary" disabled={index === cards.length - 1} onClick={() => go(index + 1)}>
          {t("documents.cards.next")}
        </button>
      </div>
    </div>
  );
}
