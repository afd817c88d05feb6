"""How well a learner knows a document: the rule, without I/O.

A document's mastery comes from the learner's study of it and from the review deck, where its
flashcards are scheduled (same service, same database: read, not copied):
- not_started: never studied, and none of its cards reviewed;
- learning: studied or reviewed, but not every card has reached review yet (or the learner has
  not gone through the whole document);
- reviewing: the whole document studied and every card in review;
- mastered: that, and every card remembered for at least MASTERED_DAYS (FSRS stability).
"""

from __future__ import annotations

from dataclasses import dataclass

import fsrs

MASTERY = ("not_started", "learning", "reviewing", "mastered")
MASTERED_DAYS = 21.0


@dataclass(frozen=True)
class CardProgress:
    """The deck's cards of one document, counted."""

    cards: int = 0
    reviewed: int = 0  # reviewed at least once
    in_review: int = 0  # in FSRS' review state
    remembered: int = 0  # stability of MASTERED_DAYS or more


def mastery(*, views: int, progress_percent: int, cards: CardProgress) -> str:
    if views == 0 and cards.reviewed == 0:
        return "not_started"
    if progress_percent < 100 or cards.in_review < cards.cards:
        return "learning"
    if cards.remembered < cards.cards:
        return "reviewing"
    return "mastered"


REVIEW_STATE = int(fsrs.State.Review)
