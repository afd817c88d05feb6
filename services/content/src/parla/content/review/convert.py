"""A card row as the fsrs package sees it, and back."""

from __future__ import annotations

import fsrs

from parla.content.db import CardRow


def fsrs_card(row: CardRow) -> fsrs.Card:
    return fsrs.Card(
        card_id=row.fsrs_card_id,
        state=fsrs.State(row.state),
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=row.due,
        last_review=row.last_review,
    )


def store(row: CardRow, card: fsrs.Card) -> None:
    row.state, row.step = int(card.state), card.step
    row.stability, row.difficulty = card.stability, card.difficulty
    row.due, row.last_review = card.due, card.last_review
