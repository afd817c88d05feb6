"""SQL for reviewing: a learner's cards by queue, the review log, settings and sessions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import case, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import chunked
from parla.content.db import CardRow, CardSourceRow
from parla.content.review.db import ReviewDeadlineRow, ReviewLogRow, ReviewSessionRow, ReviewSettingsRow
from parla.content.review.domain import QUEUE_NEW, QUEUE_REVIEW, STATE_NEW, STATE_REVIEW, Preferences


class ReviewRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # Cards.

    async def card(self, user_id: uuid.UUID, card_id: uuid.UUID, *, for_update: bool = False) -> CardRow | None:
        query = select(CardRow).where(CardRow.id == card_id, CardRow.user_id == user_id)
        if for_update:
            query = query.with_for_update()
        return await self.session.scalar(query)

    async def lock_cards(self, user_id: uuid.UUID, card_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, CardRow]:
        """The learner's cards among these, locked in id order (on PostgreSQL) until the
        transaction ends: two batches touching the same cards wait for each other, never deadlock."""
        found: dict[uuid.UUID, CardRow] = {}
        for chunk in chunked(sorted(card_ids)):
            rows = await self.session.scalars(
                select(CardRow).where(CardRow.user_id == user_id, CardRow.id.in_(chunk)).order_by(CardRow.id).with_for_update()
            )
            found.update((row.id, row) for row in rows)
        return found

    async def sources(self, card_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[CardSourceRow]]:
        found: dict[uuid.UUID, list[CardSourceRow]] = {card_id: [] for card_id in card_ids}
        if card_ids:
            rows = await self.session.scalars(
                select(CardSourceRow).where(CardSourceRow.card_id.in_(list(card_ids))).order_by(CardSourceRow.added_at)
            )
            for row in rows:
                found[row.card_id].append(row)
        return found

    async def from_source(self, user_id: uuid.UUID, kind: str, source_id: str, *, limit: int, offset: int) -> list[CardRow]:
        """The learner's cards that name this source among their sources, in the order added."""
        query = (
            select(CardRow)
            .join(CardSourceRow, CardSourceRow.card_id == CardRow.id)
            .where(CardSourceRow.source_id == source_id, CardSourceRow.kind == kind, CardRow.user_id == user_id)
            .order_by(CardSourceRow.added_at, CardRow.id)
            .limit(limit)
            .offset(offset)
        )
        return list(await self.session.scalars(query))

    def _available(self, user_id: uuid.UUID, queue: int, now: datetime, language: str | None, only: list | None) -> list:
        where = [CardRow.user_id == user_id, CardRow.queue == queue]
        if language:
            where.append(CardRow.language == language)
        if only is not None:
            where.append(CardRow.id.in_([uuid.UUID(str(card_id)) for card_id in only]))
        where.append(or_(CardRow.buried_until.is_(None), CardRow.buried_until <= now))
        return where

    async def due_in(
        self, user_id: uuid.UUID, queue: int, now: datetime, *, language: str | None, limit: int, only: list | None = None
    ) -> list[CardRow]:
        """Cards of one queue due by ``now``, earliest due first (new cards: oldest first);
        among ``only`` (card ids) when given."""
        where = self._available(user_id, queue, now, language, only)
        if queue != QUEUE_NEW:
            where.append(CardRow.due <= now)
        query = select(CardRow).where(*where).order_by(CardRow.due, CardRow.id).limit(limit)
        return list(await self.session.scalars(query))

    async def review_candidates(
        self, user_id: uuid.UUID, now: datetime, *, language: str | None, limit: int, only: list | None = None
    ) -> list[tuple[uuid.UUID, float, datetime, datetime]]:
        """(id, stability, last review, due) of the earliest-due review cards: enough to rank them
        by predicted recall without loading whole cards."""
        where = self._available(user_id, QUEUE_REVIEW, now, language, only)
        where.append(CardRow.due <= now)
        query = (
            select(CardRow.id, CardRow.stability, CardRow.last_review, CardRow.due)
            .where(*where)
            .order_by(CardRow.due, CardRow.id)
            .limit(limit)
        )
        return [tuple(row) for row in await self.session.execute(query)]

    async def count_due_in(
        self, user_id: uuid.UUID, queue: int, now: datetime, *, language: str | None, cap: int, only: list | None = None
    ) -> int:
        """How many cards of a queue are due, counted up to ``cap`` (a session shows no more than
        the day's limit, and counting a million overdue cards would cost as much as reading them)."""
        where = self._available(user_id, queue, now, language, only)
        if queue != QUEUE_NEW:
            where.append(CardRow.due <= now)
        limited = select(CardRow.id).where(*where).limit(cap).subquery()
        return int(await self.session.scalar(select(func.count()).select_from(limited)) or 0)

    async def delete_card(self, card_id: uuid.UUID) -> None:
        """The card and its sources; its reviews stay in the log (the learner's history, and the
        optimizer's data)."""
        await self.session.execute(delete(CardSourceRow).where(CardSourceRow.card_id == card_id))
        await self.session.execute(delete(CardRow).where(CardRow.id == card_id))

    async def studiable(self, user_id: uuid.UUID, language: str, keys: Sequence[str], now: datetime) -> list[uuid.UUID]:
        """The learner's cards about these words that are new or due now (not suspended)."""
        found: list[uuid.UUID] = []
        for chunk in chunked(sorted(set(keys))):
            rows = await self.session.scalars(
                select(CardRow.id).where(
                    CardRow.user_id == user_id,
                    CardRow.language == language,
                    CardRow.key.in_(chunk),
                    or_(CardRow.queue == QUEUE_NEW, (CardRow.queue > QUEUE_NEW) & (CardRow.due <= now)),
                )
            )
            found.extend(rows)
        return found

    # The log.

    async def logged(self, user_id: uuid.UUID, client_review_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, ReviewLogRow]:
        if not client_review_ids:
            return {}
        rows = await self.session.scalars(
            select(ReviewLogRow).where(
                ReviewLogRow.user_id == user_id, ReviewLogRow.client_review_id.in_(list(client_review_ids))
            )
        )
        return {row.client_review_id: row for row in rows}

    async def history(self, card: CardRow) -> list[ReviewLogRow]:
        """The card's reviews since its last reset, in time order."""
        where = [ReviewLogRow.card_id == card.id]
        if card.reset_at is not None:
            where.append(ReviewLogRow.reviewed_at >= card.reset_at)
        return list(await self.session.scalars(select(ReviewLogRow).where(*where).order_by(ReviewLogRow.reviewed_at)))

    def add_log(self, log: ReviewLogRow) -> None:
        self.session.add(log)

    async def done_since(self, user_id: uuid.UUID, since: datetime) -> tuple[int, int]:
        """(new cards started, review cards reviewed) since the start of the learner's day."""
        started = func.sum(case((ReviewLogRow.state_before == STATE_NEW, 1), else_=0))
        reviewed = func.sum(case((ReviewLogRow.state_before == STATE_REVIEW, 1), else_=0))
        row = (
            await self.session.execute(
                select(started, reviewed).where(ReviewLogRow.user_id == user_id, ReviewLogRow.reviewed_at >= since)
            )
        ).one()
        return int(row[0] or 0), int(row[1] or 0)

    # Deadlines.

    async def deadlines(self, user_id: uuid.UUID, now: datetime) -> dict[str, ReviewDeadlineRow]:
        """The learner's deadlines still ahead, by language."""
        rows = await self.session.scalars(
            select(ReviewDeadlineRow).where(ReviewDeadlineRow.user_id == user_id, ReviewDeadlineRow.ends_at > now)
        )
        return {row.language: row for row in rows}

    async def put_deadline(self, row: ReviewDeadlineRow) -> None:
        await self.clear_deadline(row.user_id, row.language)
        self.session.add(row)

    async def clear_deadline(self, user_id: uuid.UUID, language: str) -> bool:
        done = await self.session.execute(
            delete(ReviewDeadlineRow).where(ReviewDeadlineRow.user_id == user_id, ReviewDeadlineRow.language == language)
        )
        return bool(done.rowcount)

    async def review_cards_due_after(
        self, user_id: uuid.UUID, language: str, after: tuple[datetime, uuid.UUID | None], limit: int
    ) -> list[CardRow]:
        """The learner's review cards in a language due after ``after`` ((due, id), id None for
        the first batch), in due order on the queue index, a batch at a time (for rescheduling)."""
        due, card_id = after
        later = CardRow.due > due if card_id is None else or_(CardRow.due > due, (CardRow.due == due) & (CardRow.id > card_id))
        where = [CardRow.user_id == user_id, CardRow.queue == QUEUE_REVIEW, later, CardRow.language == language]
        query = select(CardRow).where(*where).order_by(CardRow.due, CardRow.id).limit(limit).with_for_update()
        return list(await self.session.scalars(query))

    # Settings and sessions.

    async def preferences(self, user_id: uuid.UUID) -> Preferences:
        row = await self.session.get(ReviewSettingsRow, user_id)
        if row is None:
            return Preferences()
        parameters = tuple(row.parameters) if row.parameters else None
        return Preferences(row.desired_retention, row.new_cards_per_day, row.reviews_per_day, row.time_zone, parameters)

    async def put_preferences(self, user_id: uuid.UUID, preferences: Preferences, now: datetime) -> None:
        row = await self.session.get(ReviewSettingsRow, user_id)
        if row is None:
            row = ReviewSettingsRow(user_id=user_id)
            self.session.add(row)
        row.desired_retention = preferences.desired_retention
        row.new_cards_per_day = preferences.new_cards_per_day
        row.reviews_per_day = preferences.reviews_per_day
        row.time_zone = preferences.time_zone
        row.updated_at = now

    async def put_parameters(self, user_id: uuid.UUID, parameters: list[float], fit: dict, now: datetime) -> None:
        await self.put_preferences(user_id, await self.preferences(user_id), now)
        row = await self.session.get(ReviewSettingsRow, user_id)
        row.parameters, row.fit = parameters, fit

    async def log_for_fit(self, user_id: uuid.UUID) -> list[tuple[str, str, int]]:
        """(card, time, rating) of every review since each card's last reset, oldest first."""
        query = (
            select(ReviewLogRow.card_id, ReviewLogRow.reviewed_at, ReviewLogRow.rating)
            .outerjoin(CardRow, CardRow.id == ReviewLogRow.card_id)
            .where(
                ReviewLogRow.user_id == user_id,
                or_(CardRow.reset_at.is_(None), ReviewLogRow.reviewed_at >= CardRow.reset_at),
            )
            .order_by(ReviewLogRow.reviewed_at)
        )
        return [(str(card_id), at.isoformat(), rating) for card_id, at, rating in await self.session.execute(query)]

    async def review_session(self, user_id: uuid.UUID, session_id: uuid.UUID) -> ReviewSessionRow | None:
        row = await self.session.get(ReviewSessionRow, session_id)
        return row if row is not None and row.user_id == user_id else None

    def add_session(self, row: ReviewSessionRow) -> None:
        self.session.add(row)
