"""Reviewing: sessions, the next card, recording reviews online and from offline clients, and
the learner's settings.

Recording is idempotent by the client's review id, and every review of a batch runs in one short
transaction with the batch's cards locked in id order (so two devices syncing at once cannot
deadlock). A review that arrives after a later one of the same card (an offline device catching
up) takes its place in time: the card is replayed from its first review with fsrs.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import fsrs

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, NotFound, one_of
from parla.chassis.messaging import add_events
from parla.content.db import CardRow
from parla.content.domain import card_key
from parla.content.review.convert import fsrs_card, store
from parla.content.review.db import ReviewDeadlineRow, ReviewLogRow, ReviewSessionRow
from parla.content.review.deck import CardView, parse_id
from parla.content.review.domain import (
    DEFAULT_LEECH_LAPSES,
    LEECH_TAG,
    QUEUE_LEARNING,
    QUEUE_NEW,
    QUEUE_REVIEW,
    QUEUE_SUSPENDED,
    RETENTION_RANGE,
    Preferences,
    Reviewed,
    day_start,
    is_leech,
    most_forgotten,
    previews,
    queue_of,
    remembered_long,
    replay,
    retention_for,
    review,
    scheduler,
    valid_time_zone,
)
from parla.content.review.races import once_more_on_conflict
from parla.content.review.recording import ParsedReview, ReviewInput, clock_skew, log_row, parse_review, recorded_event
from parla.content.review.repository import ReviewRepository
from parla.content.words.repository import WordRepository
from parla.contracts.events import Event, ReviewRecorded
from parla.language import LANGUAGES

# The overdue review cards a session ranks by predicted recall: the earliest due this many. A
# learner back from months away has thousands overdue; ranking them all would make every "next"
# cost as much as the backlog, and the limit of a day's reviews is far below this.
CANDIDATES = 500
COUNT_CAP = 10_000
LEARN_AHEAD = timedelta(minutes=20)
MAX_SYNC = 1_000

APPLIED, DUPLICATE, CONFLICT = "applied", "duplicate", "conflict"
NOT_IN_DECK = "this card is not in your deck (deleted, or never yours): drop this review"
RESET_SINCE = "this card was reset after this review was made: drop this review"


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ReviewOutcome:
    client_review_id: str
    status: str
    card: CardRow | None = None
    conflict: str = ""


@dataclass(frozen=True)
class SessionView:
    session: ReviewSessionRow
    learning_due: int
    review_due: int
    new_available: int


@dataclass(frozen=True)
class NextCard:
    session: SessionView
    card: CardView | None
    intervals: list[tuple[str, datetime]]  # where each rating would send the card
    retrievability: float
    at: datetime  # when it was picked: what the intervals count from


class ReviewSessions:
    def __init__(
        self, *, db: Database, clock: Callable[[], datetime] = _now, fuzz: bool = True, leech_lapses: int = DEFAULT_LEECH_LAPSES
    ) -> None:
        self._db = db
        self._clock = clock
        self._fuzz = fuzz
        self._leech_lapses = leech_lapses

    # Settings.

    async def settings(self, caller: Principal) -> Preferences:
        async with self._db.reading() as session:
            return await ReviewRepository(session).preferences(caller.user_id)

    async def update_settings(
        self,
        caller: Principal,
        *,
        desired_retention: float | None = None,
        new_cards_per_day: int | None = None,
        reviews_per_day: int | None = None,
        time_zone: str | None = None,
    ) -> Preferences:
        """Changes the settings given (None leaves one as it is)."""
        low, high = RETENTION_RANGE
        if desired_retention is not None and not low <= desired_retention <= high:
            raise InvalidArgument(f"desired retention goes from {low} to {high}", details={"desired_retention": "out of range"})
        if (new_cards_per_day or 0) < 0 or (reviews_per_day or 0) < 0:
            raise InvalidArgument("daily limits must not be negative", details={"limits": "negative"})
        if time_zone is not None and not valid_time_zone(time_zone):
            raise InvalidArgument(
                f"unknown time zone {time_zone!r}; use an IANA name such as Europe/Madrid", details={"time_zone": "unknown"}
            )
        async with self._db.transaction() as session:
            reviews = ReviewRepository(session)
            current = await reviews.preferences(caller.user_id)
            given = {
                "desired_retention": desired_retention,
                "new_cards_per_day": new_cards_per_day,
                "reviews_per_day": reviews_per_day,
                "time_zone": time_zone,
            }
            wanted = replace(current, **{name: value for name, value in given.items() if value is not None})
            await reviews.put_preferences(caller.user_id, wanted, self._clock())
            return wanted

    # Sessions.

    async def start(self, caller: Principal, *, language: str = "", lemmas: Sequence[str] = ()) -> SessionView:
        """A session of the whole deck (or one language's part), or of the cards about chosen
        words that are new or due now (a scenario's vocabulary, before playing it)."""
        if language:
            one_of(language, LANGUAGES, "language")
        if lemmas and not language:
            raise InvalidArgument("a session of chosen words needs their language", details={"language": "missing"})
        now = self._clock()
        row = ReviewSessionRow(id=uuid.uuid4(), user_id=caller.user_id, language=language or None, started_at=now, reviewed=0)
        async with self._db.transaction() as session:
            reviews = ReviewRepository(session)
            if lemmas:
                chosen = await reviews.studiable(caller.user_id, language, [card_key(lemma) for lemma in lemmas], now)
                row.card_ids = [str(card_id) for card_id in chosen]
            reviews.add_session(row)
            return await self._view(reviews, row, await reviews.preferences(caller.user_id), now)

    async def next_card(self, caller: Principal, session_id: str) -> NextCard:
        """The card to show now: a learning step that is due, else the overdue review card the
        learner is likeliest to have forgotten, else a new card, within the day's limits."""
        now = self._clock()
        async with self._db.reading() as session:
            reviews = ReviewRepository(session)
            row = await reviews.review_session(caller.user_id, parse_id(session_id, "review session"))
            if row is None:
                raise NotFound(f"no review session {session_id}")
            preferences = await reviews.preferences(caller.user_id)
            view = await self._view(reviews, row, preferences, now)
            card = await self._pick(reviews, caller.user_id, row.language, view, preferences, now)
            if card is None:
                return NextCard(view, None, [], 0.0, now)
            deadlines = await reviews.deadlines(caller.user_id, now)
            schedule = self._scheduler(preferences, deadlines, card.language)
            current = fsrs_card(card)
            sources = (await reviews.sources([card.id]))[card.id]
            return NextCard(
                view,
                CardView(card, sources),
                previews(schedule, current, now),
                schedule.get_card_retrievability(current, now),
                now,
            )

    async def intervals(self, caller: Principal, cards: Sequence[CardRow]) -> tuple[dict, datetime]:
        """Where each rating would send each card from now, as ``next_card`` gives them for one,
        by card id; and the moment they count from."""
        now = self._clock()
        if not cards:
            return {}, now
        async with self._db.reading() as session:
            reviews = ReviewRepository(session)
            preferences = await reviews.preferences(caller.user_id)
            deadlines = await reviews.deadlines(caller.user_id, now)
        schedules = {language: self._scheduler(preferences, deadlines, language) for language in {c.language for c in cards}}
        return {card.id: previews(schedules[card.language], fsrs_card(card), now) for card in cards}, now

    async def _pick(
        self,
        reviews: ReviewRepository,
        user_id: uuid.UUID,
        language: str | None,
        view: SessionView,
        preferences: Preferences,
        now: datetime,
    ) -> CardRow | None:
        only = view.session.card_ids  # a session of chosen words sees only their cards
        learning = await reviews.due_in(user_id, QUEUE_LEARNING, now, language=language, limit=1, only=only)
        if learning:
            return learning[0]
        if view.review_due:
            candidates = await reviews.review_candidates(user_id, now, language=language, limit=CANDIDATES, only=only)
            schedule = scheduler(preferences.desired_retention, fuzz=self._fuzz, parameters=preferences.parameters)
            chosen = most_forgotten(schedule, candidates, now)
            return await reviews.card(user_id, chosen) if chosen is not None else None
        if view.new_available:
            return (await reviews.due_in(user_id, QUEUE_NEW, now, language=language, limit=1, only=only) or [None])[0]
        # Nothing else left: a learning step due in the next minutes is shown now, as Anki does,
        # rather than "nothing left today" sending the learner away before their 10-minute step.
        ahead = await reviews.due_in(user_id, QUEUE_LEARNING, now + LEARN_AHEAD, language=language, limit=1, only=only)
        return ahead[0] if ahead else None

    async def _view(
        self, reviews: ReviewRepository, row: ReviewSessionRow, preferences: Preferences, now: datetime
    ) -> SessionView:
        started, reviewed = await reviews.done_since(row.user_id, day_start(now, preferences.time_zone))
        new_left = max(0, preferences.new_cards_per_day - started)
        reviews_left = max(0, preferences.reviews_per_day - reviewed)

        async def count(queue: int, cap: int) -> int:
            if not cap:
                return 0
            return await reviews.count_due_in(row.user_id, queue, now, language=row.language, cap=cap, only=row.card_ids)

        return SessionView(
            row, await count(QUEUE_LEARNING, COUNT_CAP), await count(QUEUE_REVIEW, reviews_left), await count(QUEUE_NEW, new_left)
        )

    # Recording.

    async def record(self, caller: Principal, review_input: ReviewInput) -> ReviewOutcome:
        return (await self.sync(caller, [review_input]))[0]

    @once_more_on_conflict
    async def sync(self, caller: Principal, batch: Sequence[ReviewInput]) -> list[ReviewOutcome]:
        """Each review applied once, in the order they happened; a result per review, in the
        order sent."""
        if len(batch) > MAX_SYNC:
            raise InvalidArgument(
                f"at most {MAX_SYNC:,} reviews per sync; send the rest in another", details={"reviews": "too many"}
            )
        parsed = [parse_review(item) for item in batch]
        now = self._clock()
        skew = clock_skew(parsed, now)
        results: dict[int, ReviewOutcome] = {}
        async with self._db.transaction() as session:
            reviews = ReviewRepository(session)
            preferences = await reviews.preferences(caller.user_id)
            deadlines = await reviews.deadlines(caller.user_id, now)
            cards = await reviews.lock_cards(caller.user_id, sorted({p.card_id for p in parsed}))
            logged = await reviews.logged(caller.user_id, [p.client_review_id for p in parsed])
            events: list[tuple[Event, None]] = []
            for position in sorted(range(len(parsed)), key=lambda n: (parsed[n].at(now, skew), n)):
                item = parsed[position]
                card = cards.get(item.card_id)
                if item.client_review_id in logged:
                    results[position] = ReviewOutcome(item.source.client_review_id, DUPLICATE, card)
                elif card is None:
                    results[position] = ReviewOutcome(item.source.client_review_id, CONFLICT, None, NOT_IN_DECK)
                elif card.reset_at is not None and item.at(now, skew) < card.reset_at:
                    results[position] = ReviewOutcome(item.source.client_review_id, CONFLICT, card, RESET_SINCE)
                else:
                    schedule = self._scheduler(preferences, deadlines, card.language)
                    log, event = await self._apply(reviews, card, item, schedule, now, skew)
                    logged[item.client_review_id] = log
                    events.append((event, None))
                    results[position] = ReviewOutcome(item.source.client_review_id, APPLIED, card)
            await add_events(session, events)
            await WordRepository(session).advance(
                {
                    (card.user_id, card.language, card.key)
                    for card in cards.values()
                    if remembered_long(card.state, card.stability, card.key)
                },
                "known",
                now,
                moved_from=("new", "learning"),
            )
            await self._count_in_sessions(
                reviews, caller.user_id, [p for n, p in enumerate(parsed) if results[n].status == APPLIED]
            )
        return [results[n] for n in range(len(parsed))]

    def _scheduler(self, preferences: Preferences, deadlines: dict[str, ReviewDeadlineRow], language: str) -> fsrs.Scheduler:
        """The learner's retention, raised while a deadline for the card's language is ahead."""
        deadline = deadlines.get(language)
        retention = retention_for(preferences.desired_retention, deadline.target if deadline else None)
        return scheduler(retention, fuzz=self._fuzz, parameters=preferences.parameters)

    async def _apply(
        self,
        reviews: ReviewRepository,
        card: CardRow,
        item: ParsedReview,
        schedule: fsrs.Scheduler,
        now: datetime,
        skew: timedelta,
    ) -> tuple[ReviewLogRow, ReviewRecorded]:
        at = item.at(now, skew)
        if card.last_review is not None and at < card.last_review:
            done = await self._replayed(reviews, card, schedule, item.rating, at)
        else:
            done = review(schedule, fsrs_card(card), item.rating, at)
            card.reps, card.lapses = card.reps + 1, card.lapses + done.lapse
            store(card, done.card)
        log = log_row(card, item, done, now)
        reviews.add_log(log)
        self._requeue(card, leech=done.lapse and is_leech(card.lapses, self._leech_lapses))
        return log, recorded_event(card, log, done)

    async def _replayed(
        self, reviews: ReviewRepository, card: CardRow, schedule: fsrs.Scheduler, rating: fsrs.Rating, at: datetime
    ) -> Reviewed:
        """The card replayed with a review that happened before its latest one; that review's
        own outcome is returned."""
        history = await reviews.history(card)
        first = fsrs.Card(card_id=card.fsrs_card_id, due=card.reset_at or card.created_at)
        earlier = sum(1 for log in history if log.reviewed_at <= at)
        steps = [(fsrs.Rating(log.rating), log.reviewed_at) for log in history]
        steps.insert(earlier, (rating, at))
        done = replay(schedule, first, steps)
        store(card, done[-1].card)
        card.reps, card.lapses = len(done), sum(reviewed.lapse for reviewed in done)
        return done[earlier]

    def _requeue(self, card: CardRow, *, leech: bool) -> None:
        if leech:
            card.tags = [*(tag for tag in card.tags or [] if tag != LEECH_TAG), LEECH_TAG]
            card.queue = QUEUE_SUSPENDED
        elif card.queue != QUEUE_SUSPENDED:
            card.queue = queue_of(fsrs_card(card))

    async def _count_in_sessions(self, reviews: ReviewRepository, user_id: uuid.UUID, applied: list[ParsedReview]) -> None:
        for session_id in {item.session_id for item in applied if item.session_id}:
            row = await reviews.review_session(user_id, session_id)
            if row is not None:
                row.reviewed += sum(1 for item in applied if item.session_id == session_id)
