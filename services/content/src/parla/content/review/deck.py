"""The deck as a learner manages it: add a card of their own, read, edit, suspend, bury, reset,
delete; and the list of cards due now."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, NotFound, one_of
from parla.content.db import CardRow, CardSourceRow
from parla.content.domain import SOURCE_DOCUMENT, SOURCE_SCENARIO_RUN, NewCard, card_key, new_fsrs_card
from parla.content.repository import CardRepository
from parla.content.review.convert import fsrs_card
from parla.content.review.domain import LEECH_TAG, QUEUE_NEW, QUEUE_SUSPENDED, next_day_start, queue_of
from parla.content.review.races import once_more_on_conflict
from parla.content.review.repository import ReviewRepository
from parla.content.service import add_new_cards
from parla.language import LANGUAGES

SOURCE_MANUAL = "manual"
# What ListCards filters on (import's kind is spelt in interchange, which imports this module).
SOURCE_KINDS = (SOURCE_SCENARIO_RUN, SOURCE_DOCUMENT, SOURCE_MANUAL, "import")
MAX_SOURCE_PAGE = 200
MAX_SOURCE_OFFSET = 10_000
MAX_DUE_PAGE = 200
MAX_SIDE = 2_000
MAX_TAGS, MAX_TAG = 20, 50
CHANGES = ("suspend", "unsuspend", "bury", "reset")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class CardView:
    card: CardRow
    sources: list[CardSourceRow]


def parse_id(value: str, what: str = "card") -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise NotFound(f"no {what} {value!r}") from None


def clean_tags(tags: Sequence[str]) -> list[str]:
    """Tags lower-cased, single-spaced, once each, in the order given."""
    cleaned = list(dict.fromkeys(" ".join(tag.split()).lower() for tag in tags if tag.strip()))
    if len(cleaned) > MAX_TAGS or any(len(tag) > MAX_TAG for tag in cleaned):
        raise InvalidArgument(
            f"at most {MAX_TAGS} tags of at most {MAX_TAG} characters each", details={"tags": "too many or too long"}
        )
    return cleaned


def _side(text: str, name: str) -> str:
    text = text.strip()
    if not text or len(text) > MAX_SIDE:
        raise InvalidArgument(f"the {name} must have 1 to {MAX_SIDE:,} characters", details={name: "empty or too long"})
    return text


class DeckService:
    def __init__(self, *, db: Database, clock: Callable[[], datetime] = _now) -> None:
        self._db = db
        self._clock = clock

    async def due_cards(self, caller: Principal, *, language: str, limit: int) -> tuple[list[CardRow], int]:
        if limit < 0:
            raise InvalidArgument("limit must not be negative", details={"limit": "must be 0 or more"})
        async with self._db.reading() as session:
            return await CardRepository(session).due(
                caller.user_id, self._clock(), language=language or None, limit=min(limit or 50, MAX_DUE_PAGE)
            )

    @once_more_on_conflict
    async def add(
        self, caller: Principal, *, language: str, front: str, back: str, tags: Sequence[str], lemma: str = ""
    ) -> CardView:
        """A card of the learner's own. One card per word: a card they already have for it gets
        this as another source instead (its sides unchanged), and is returned."""
        one_of(language, LANGUAGES, "language")
        front, back, cleaned = _side(front, "front"), _side(back, "back"), clean_tags(tags)
        now, card_id = self._clock(), uuid.uuid4()
        candidate = NewCard(
            id=card_id,
            user_id=caller.user_id,
            language=language,
            front=front,
            back=back,
            key=card_key(lemma or front),
            source_kind=SOURCE_MANUAL,
            source_id=str(card_id),
            schedule=new_fsrs_card(card_id, now),
        )
        async with self._db.transaction() as session:
            await add_new_cards(session, [(candidate, None)], now)
            have = await CardRepository(session).existing({caller.user_id}, {candidate.key})
            card = await ReviewRepository(session).card(caller.user_id, have[(caller.user_id, language, candidate.key)])
            assert card is not None
            if card.id == card_id and cleaned:
                card.tags = cleaned
            return await _view(ReviewRepository(session), card)

    async def from_source(
        self, caller: Principal, *, kind: str, source_id: str, limit: int, offset: int
    ) -> tuple[list[CardView], bool]:
        """The learner's cards from one source, in the order added, and whether more follow."""
        one_of(kind, SOURCE_KINDS, "source_kind")
        if not source_id:
            raise InvalidArgument("source_id is required: the run's or the document's id", details={"source_id": "missing"})
        if not 0 <= limit <= MAX_SOURCE_PAGE:
            raise InvalidArgument(f"limit is 1-{MAX_SOURCE_PAGE}", details={"limit": "out of range"})
        if not 0 <= offset <= MAX_SOURCE_OFFSET:
            raise InvalidArgument(f"offset is 0-{MAX_SOURCE_OFFSET}", details={"offset": "out of range"})
        limit = limit or 50
        async with self._db.reading() as session:
            reviews = ReviewRepository(session)
            cards = await reviews.from_source(caller.user_id, kind, source_id, limit=limit + 1, offset=offset)
            sources = await reviews.sources([card.id for card in cards[:limit]])
        return [CardView(card, sources[card.id]) for card in cards[:limit]], len(cards) > limit

    async def card(self, caller: Principal, card_id: str) -> CardView:
        async with self._db.reading() as session:
            reviews = ReviewRepository(session)
            return await _view(reviews, await _owned(reviews, caller, card_id))

    async def edit(
        self,
        caller: Principal,
        card_id: str,
        *,
        front: str = "",
        back: str = "",
        tags: Sequence[str] = (),
        replace_tags: bool = False,
    ) -> CardView:
        async with self._db.transaction() as session:
            reviews = ReviewRepository(session)
            card = await _owned(reviews, caller, card_id, for_update=True)
            if front:
                card.front = _side(front, "front")
            if back:
                card.back = _side(back, "back")
            if replace_tags:
                # The leech tag is the scheduler's to give; a learner removing it keeps the card as it is.
                card.tags = clean_tags(tags)
            return await _view(reviews, card)

    async def change(self, caller: Principal, card_id: str, change: str) -> CardView:
        one_of(change, CHANGES, "change")
        now = self._clock()
        async with self._db.transaction() as session:
            reviews = ReviewRepository(session)
            card = await _owned(reviews, caller, card_id, for_update=True)
            if change == "suspend":
                card.queue = QUEUE_SUSPENDED
            elif change == "unsuspend" and card.queue == QUEUE_SUSPENDED:
                card.queue = queue_of(fsrs_card(card))
                card.tags = [tag for tag in card.tags or [] if tag != LEECH_TAG]
            elif change == "bury":
                preferences = await reviews.preferences(caller.user_id)
                card.buried_until = next_day_start(now, preferences.time_zone)
            elif change == "reset":
                _reset(card, now)
            return await _view(reviews, card)

    async def delete(self, caller: Principal, card_id: str) -> None:
        async with self._db.transaction() as session:
            reviews = ReviewRepository(session)
            card = await _owned(reviews, caller, card_id, for_update=True)
            await reviews.delete_card(card.id)


def _reset(card: CardRow, now: datetime) -> None:
    """New again: FSRS forgets it (its log stays, for the optimizer and the numbers)."""
    fresh = new_fsrs_card(card.id, now)
    card.state, card.step, card.stability, card.difficulty = int(fresh.state), fresh.step, None, None
    card.due, card.last_review, card.reset_at = now, None, now
    card.queue, card.reps, card.lapses, card.buried_until = QUEUE_NEW, 0, 0, None


async def _owned(reviews: ReviewRepository, caller: Principal, card_id: str, *, for_update: bool = False) -> CardRow:
    card = await reviews.card(caller.user_id, parse_id(card_id), for_update=for_update)
    if card is None:
        raise NotFound(f"no card {card_id} in your deck")
    return card


async def _view(reviews: ReviewRepository, card: CardRow) -> CardView:
    return CardView(card, (await reviews.sources([card.id]))[card.id])
