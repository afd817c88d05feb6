"""Reviewing cards with FSRS-6: the `fsrs` package schedules, this module says what a review
did (for the log and the event) and which card comes next. No I/O here.

A card is *new* until its first review (fsrs keeps it in Learning with no last review). Queues:
new, learning (learning and relearning steps), review, and suspended; a card's queue is kept in
its row so that each queue is one range of the ``(user_id, queue, due)`` index.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import fsrs

RATINGS: dict[str, fsrs.Rating] = {
    "again": fsrs.Rating.Again,
    "hard": fsrs.Rating.Hard,
    "good": fsrs.Rating.Good,
    "easy": fsrs.Rating.Easy,
}
RATING_NAMES = {rating: name for name, rating in RATINGS.items()}

QUEUE_SUSPENDED, QUEUE_NEW, QUEUE_LEARNING, QUEUE_REVIEW = -1, 0, 1, 2
# The state a never-reviewed card is logged with ("new"); fsrs's states are 1-3.
STATE_NEW = 0
STATE_REVIEW = int(fsrs.State.Review)
STATE_NAMES = {STATE_NEW: "new", 1: "learning", 2: "review", 3: "relearning"}

LEECH_TAG = "leech"
DEFAULT_LEECH_LAPSES = 8  # as Anki: a card forgotten this often is suspended and tagged
DEFAULT_RETENTION = 0.9
RETENTION_RANGE = (0.70, 0.97)
DEFAULT_NEW_PER_DAY = 20
DEFAULT_REVIEWS_PER_DAY = 200


@dataclass(frozen=True)
class Preferences:
    """A learner's review settings."""

    desired_retention: float = DEFAULT_RETENTION
    new_cards_per_day: int = DEFAULT_NEW_PER_DAY
    reviews_per_day: int = DEFAULT_REVIEWS_PER_DAY
    time_zone: str = "UTC"
    parameters: tuple[float, ...] | None = None  # fitted from their log; None: FSRS-6's defaults


@lru_cache(maxsize=256)
def scheduler(desired_retention: float, *, fuzz: bool = True, parameters: tuple[float, ...] | None = None) -> fsrs.Scheduler:
    """The fsrs scheduler for a retention and the learner's parameters (FSRS-6's defaults when
    none were fitted; learning steps 1 and 10 minutes, relearning step 10 minutes, intervals
    fuzzed as Anki does)."""
    if parameters is None:
        return fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)
    return fsrs.Scheduler(parameters=parameters, desired_retention=desired_retention, enable_fuzzing=fuzz)


@dataclass(frozen=True)
class Memory:
    """What FSRS knows of a card at one moment: its state (0 for new), stability, difficulty."""

    state: int
    stability: float | None
    difficulty: float | None

    @classmethod
    def of(cls, card: fsrs.Card) -> Memory:
        return cls(STATE_NEW if card.last_review is None else int(card.state), card.stability, card.difficulty)


@dataclass(frozen=True)
class Reviewed:
    """One review and what it did: the card after it, and what analytics needs to measure true
    retention and calibration (the recall FSRS predicted at the moment of the review)."""

    card: fsrs.Card
    rating: fsrs.Rating
    reviewed_at: datetime
    elapsed_days: float | None  # since the previous review; None for a first review
    retrievability: float  # predicted recall at review time; 0 for a new card
    before: Memory
    after: Memory

    @property
    def lapse(self) -> bool:
        """Forgotten after it had graduated: a lapse, as Anki counts them."""
        return self.before.state == fsrs.State.Review and self.rating == fsrs.Rating.Again


def review(schedule: fsrs.Scheduler, card: fsrs.Card, rating: fsrs.Rating, at: datetime) -> Reviewed:
    after, _ = schedule.review_card(card, rating, review_datetime=at)
    elapsed = (at - card.last_review).total_seconds() / 86_400 if card.last_review else None
    return Reviewed(
        card=after,
        rating=rating,
        reviewed_at=at,
        elapsed_days=elapsed,
        retrievability=schedule.get_card_retrievability(card, at),
        before=Memory.of(card),
        after=Memory.of(after),
    )


def replay(schedule: fsrs.Scheduler, first: fsrs.Card, history: list[tuple[fsrs.Rating, datetime]]) -> list[Reviewed]:
    """A card's reviews applied in time order from its first state: how a review that arrives
    late (an offline client's) takes its place among the others."""
    done, card = [], first
    for rating, at in sorted(history, key=lambda item: item[1]):
        reviewed = review(schedule, card, rating, at)
        done.append(reviewed)
        card = reviewed.card
    return done


DEFAULT_DEADLINE_RECALL = 0.9
DEADLINE_RECALL_RANGE = (0.80, 0.99)


def retention_for(desired_retention: float, deadline_target: float | None) -> float:
    """The retention a card is scheduled with: the learner's, raised to their deadline's target
    recall while a deadline for its language is ahead. A card scheduled at retention r is due
    when its predicted recall falls to r, so with r at least the target, a card not seen again
    before the deadline still has at least the target recall on it (recall only falls between
    reviews), and one due before it is reviewed and scheduled the same way again."""
    return max(desired_retention, deadline_target) if deadline_target is not None else desired_retention


def days_until_recall(schedule: fsrs.Scheduler, stability: float, recall: float) -> float:
    """Days after a review until FSRS-6's predicted recall falls to ``recall``:
    R(t) = (1 + F t / S) ^ -w20, with F = 0.9 ^ (-1 / w20) - 1 (so that R(S) = 0.9), hence
    t = S / F * (recall ^ (-1 / w20) - 1)."""
    decay = schedule.parameters[20]
    factor = 0.9 ** (-1 / decay) - 1
    return stability / factor * (recall ** (-1 / decay) - 1)


def previews(schedule: fsrs.Scheduler, card: fsrs.Card, now: datetime) -> list[tuple[str, datetime]]:
    """Where each rating would send the card, in the order again, hard, good, easy. Shown before
    fuzzing: the review itself moves a review interval by up to a few percent."""
    exact = scheduler(schedule.desired_retention, fuzz=False, parameters=tuple(schedule.parameters))
    return [(name, exact.review_card(card, rating, review_datetime=now)[0].due) for name, rating in RATINGS.items()]


def is_leech(lapses: int, threshold: int) -> bool:
    """As Anki: a card is a leech at ``threshold`` lapses and again every half-threshold after,
    so that a leech the learner unsuspended is not suspended again at its very next lapse."""
    return lapses >= threshold and (lapses - threshold) % max(1, threshold // 2) == 0


# A word whose card FSRS expects to be remembered this long is known (as a document's "mastered").
KNOWN_AFTER_DAYS = 21.0


def remembered_long(state: int, stability: float | None, key: str) -> bool:
    """A card in review whose stability has reached KNOWN_AFTER_DAYS, about a word (not a mistake)."""
    return state == fsrs.State.Review and (stability or 0) >= KNOWN_AFTER_DAYS and not key.startswith("mistake:")


def queue_of(card: fsrs.Card, *, suspended: bool = False) -> int:
    if suspended:
        return QUEUE_SUSPENDED
    if card.last_review is None:
        return QUEUE_NEW
    return QUEUE_REVIEW if card.state == fsrs.State.Review else QUEUE_LEARNING


def most_forgotten(
    schedule: fsrs.Scheduler, candidates: list[tuple[object, float, datetime, datetime]], now: datetime
) -> object | None:
    """Of (key, stability, last review, due) review cards, the key of the one with the lowest
    predicted recall now (ties: the earlier due)."""

    def recall(candidate: tuple[object, float, datetime, datetime]) -> tuple[float, datetime]:
        _, stability, last_review, due = candidate
        # card_id given: without one fsrs makes an id from the clock and sleeps a millisecond.
        card = fsrs.Card(card_id=0, state=fsrs.State.Review, stability=stability, last_review=last_review, due=due)
        return schedule.get_card_retrievability(card, now), due

    return min(candidates, key=recall)[0] if candidates else None


def local_date(now: datetime, time_zone: str) -> date:
    """The learner's date at ``now``."""
    return now.astimezone(ZoneInfo(time_zone)).date()


def midnight(day: date, time_zone: str) -> datetime:
    """The start (UTC) of ``day`` in the learner's time zone: local midnights, as a day is 23 or
    25 hours long when the clocks change."""
    return datetime.combine(day, datetime.min.time(), ZoneInfo(time_zone)).astimezone(UTC)


def day_start(now: datetime, time_zone: str) -> datetime:
    """The start (UTC) of the learner's day that ``now`` falls in."""
    return midnight(local_date(now, time_zone), time_zone)


def next_day_start(now: datetime, time_zone: str) -> datetime:
    """The start (UTC) of the learner's next day: when a buried card comes back."""
    return midnight(local_date(now, time_zone) + timedelta(days=1), time_zone)


def valid_time_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return False
    return True
