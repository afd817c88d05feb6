"""The simulated learner's own memory: what makes their review answers believable.

Each card lives in the learner's head as an FSRS card with the default parameters (the "true"
forgetting curve of an average learner), moved by their own answers. Whether they recall a card
is drawn from its retrievability at that moment, and how they rate it follows from how sure they
were; a card never studied is recalled with ``first_recall`` (a word met once in a scenario).
Nothing here talks to Parla: the service's own scheduler only sees the ratings.
"""

from __future__ import annotations

import random
from datetime import datetime

import fsrs

RATINGS = {"again": fsrs.Rating.Again, "hard": fsrs.Rating.Hard, "good": fsrs.Rating.Good, "easy": fsrs.Rating.Easy}


def rating_for(recalled: bool, retrievability: float) -> str:
    """Forgotten is "again"; recalled, the surer the memory the easier it felt."""
    if not recalled:
        return "again"
    if retrievability < 0.7:
        return "hard"
    return "good" if retrievability < 0.95 else "easy"


class Memory:
    def __init__(self, rng: random.Random, *, first_recall: float = 0.35) -> None:
        self._rng = rng
        self._first_recall = first_recall
        self._scheduler = fsrs.Scheduler(enable_fuzzing=False)
        self._cards: dict[str, fsrs.Card] = {}

    def recall_probability(self, card_id: str, now: datetime) -> float:
        card = self._cards.get(card_id)
        return self._first_recall if card is None else self._scheduler.get_card_retrievability(card, now)

    def answer(self, card_id: str, now: datetime) -> tuple[str, float]:
        """The learner's rating of ``card_id`` at ``now`` (UTC), and the recall probability it
        was drawn from; the learner's memory of the card moves with the answer."""
        probability = self.recall_probability(card_id, now)
        rating = rating_for(self._rng.random() < probability, probability)
        # py-fsrs makes an id from the clock (and sleeps a millisecond) unless given one.
        card = self._cards.get(card_id) or fsrs.Card(card_id=len(self._cards) + 1)
        self._cards[card_id], _ = self._scheduler.review_card(card, RATINGS[rating], now)
        return rating, probability
