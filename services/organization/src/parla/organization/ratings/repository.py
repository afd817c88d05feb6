"""SQL of ratings, their helpful votes and each scenario's summary counters."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import insert_for
from parla.organization.ratings.db import HelpfulVoteRow, RatingRow, RatingSummaryRow
from parla.organization.ratings.domain import COUNTERS

_RATINGS = RatingRow.__table__
_SUMMARIES = RatingSummaryRow.__table__
_VOTES = HelpfulVoteRow.__table__


class RatingRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- ratings ---------------------------------------------------------------------------

    async def mine(self, scenario_id: str, user_id: uuid.UUID, *, lock: bool = False) -> RatingRow | None:
        """The learner's rating of the scenario; locked until the transaction ends with ``lock``."""
        query = select(RatingRow).where(RatingRow.scenario_id == scenario_id, RatingRow.user_id == user_id)
        if lock:
            query = query.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(query)

    async def get(self, rating_id: uuid.UUID, *, lock: bool = False) -> RatingRow | None:
        query = select(RatingRow).where(RatingRow.id == rating_id)
        if lock:
            query = query.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(query)

    async def insert_new(self, values: dict[str, Any]) -> bool:
        """Insert a learner's first rating of a scenario; False if they already have one (a
        concurrent first rating that committed first): the unique key decides, not a read."""
        statement = (
            insert_for(self.session, _RATINGS)
            .values(**values)
            .on_conflict_do_nothing(index_elements=["scenario_id", "user_id"])
            .returning(_RATINGS.c.id)
        )
        return (await self.session.execute(statement)).first() is not None

    async def change(self, rating_id: uuid.UUID, values: dict[str, Any]) -> None:
        await self.session.execute(update(_RATINGS).where(_RATINGS.c.id == rating_id).values(**values))

    async def delete(self, rating_id: uuid.UUID) -> None:
        # Its helpful votes go with it (ON DELETE CASCADE; SQLite connections enable foreign keys).
        await self.session.execute(delete(_RATINGS).where(_RATINGS.c.id == rating_id))

    async def reviews(self, scenario_id: str, *, sort: str, limit: int, offset: int) -> list[RatingRow]:
        """Up to ``limit`` ratings with a review, in ``sort`` order (served by the
        ``ix_ratings_reviews_*`` indexes)."""
        order = [RatingRow.updated_at.desc(), RatingRow.id]
        if sort == "helpful":
            order.insert(0, RatingRow.helpful_count.desc())
        rows = await self.session.scalars(
            select(RatingRow)
            .where(RatingRow.scenario_id == scenario_id, RatingRow.has_review.is_(True))
            .order_by(*order)
            .limit(limit)
            .offset(offset)
        )
        return list(rows)

    # --- helpful votes -----------------------------------------------------------------------

    async def voted(self, user_id: uuid.UUID, rating_ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        """Which of these ratings the learner voted helpful (one query for a page)."""
        if not rating_ids:
            return set()
        rows = await self.session.scalars(
            select(HelpfulVoteRow.rating_id).where(
                HelpfulVoteRow.user_id == user_id, HelpfulVoteRow.rating_id.in_(list(rating_ids))
            )
        )
        return set(rows)

    async def add_vote(self, rating_id: uuid.UUID, user_id: uuid.UUID, now: datetime) -> bool:
        """Record the vote; False if the learner had already voted for this review."""
        statement = (
            insert_for(self.session, _VOTES)
            .values(rating_id=rating_id, user_id=user_id, voted_at=now)
            .on_conflict_do_nothing(index_elements=["rating_id", "user_id"])
            .returning(_VOTES.c.rating_id)
        )
        return (await self.session.execute(statement)).first() is not None

    async def remove_vote(self, rating_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        """Take the vote back; False if there was none."""
        statement = (
            delete(_VOTES).where(_VOTES.c.rating_id == rating_id, _VOTES.c.user_id == user_id).returning(_VOTES.c.rating_id)
        )
        return (await self.session.execute(statement)).first() is not None

    async def clear_votes(self, rating_id: uuid.UUID) -> None:
        """A review taken away takes its votes with it (the rating keeps no helpful count)."""
        await self.session.execute(delete(_VOTES).where(_VOTES.c.rating_id == rating_id))

    async def move_helpful(self, rating_id: uuid.UUID, by: int) -> int:
        """Move the review's helpful count in SQL; its new value."""
        statement = (
            update(_RATINGS)
            .where(_RATINGS.c.id == rating_id)
            .values(helpful_count=_RATINGS.c.helpful_count + by)
            .returning(_RATINGS.c.helpful_count)
        )
        return int((await self.session.execute(statement)).scalar_one())

    # --- summaries ---------------------------------------------------------------------------

    async def move_summary(self, scenario_id: str, delta: dict[str, int]) -> None:
        """Add ``delta`` to the scenario's counters in SQL (its row is made at the first rating)."""
        if not any(delta.values()):
            return
        statement = insert_for(self.session, _SUMMARIES).values(
            scenario_id=scenario_id, **{name: delta[name] for name in COUNTERS}
        )
        moved = {name: _SUMMARIES.c[name] + statement.excluded[name] for name in COUNTERS if delta[name]}
        await self.session.execute(statement.on_conflict_do_update(index_elements=["scenario_id"], set_=moved))

    async def summary(self, scenario_id: str) -> RatingSummaryRow | None:
        return await self.session.scalar(select(RatingSummaryRow).where(RatingSummaryRow.scenario_id == scenario_id))
