"""Use cases of ratings: rate a scenario (or change the rating), read and delete one's own,
the scenario's summary, its reviews, and helpful votes on them.

Every write is one short transaction that also moves the scenario's summary counters in SQL and
stages its event in the outbox, so the counters and the events never disagree with the ratings.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import Conflict, NotFound, PermissionDenied
from parla.chassis.messaging import add_event
from parla.contracts.events import RatingDeleted, RatingDimensions, RatingSubmitted
from parla.organization.catalogue.domain import ItemRef, visible_to
from parla.organization.catalogue.repository import CatalogueRepository
from parla.organization.paging import page
from parla.organization.ratings import domain
from parla.organization.ratings.db import RatingRow
from parla.organization.ratings.domain import DIMENSIONS, Rating, ReviewPage, Summary
from parla.organization.ratings.repository import RatingRepository


def _now() -> datetime:
    return datetime.now(UTC)


def _view(row: RatingRow, caller: uuid.UUID, *, voted: bool = False) -> Rating:
    return Rating(
        id=row.id,
        scenario_id=row.scenario_id,
        user_id=row.user_id,
        overall=row.overall,
        dimensions={name: getattr(row, name) for name in DIMENSIONS},
        review=row.review,
        helpful_count=row.helpful_count,
        voted_helpful=voted,
        mine=row.user_id == caller,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _not_found(scenario: str) -> NotFound:
    return NotFound(f"no scenario {scenario!r} that you can see; check its id", details={"scenario_id": "not found"})


async def _visible_scenario(session, scenario: str, user_id: uuid.UUID) -> None:
    """NOT_FOUND unless the learner can see the scenario (public or their own, not deleted)."""
    if not visible_to(await CatalogueRepository(session).item(ItemRef("scenario", scenario)), user_id):
        raise _not_found(scenario)


class RatingService:
    def __init__(self, *, db: Database, clock: Callable[[], datetime] = _now) -> None:
        self._db = db
        self._clock = clock

    async def rate(
        self, caller: Principal, scenario_id: str, *, overall: int, dimensions: Mapping[str, int], review: str
    ) -> Rating:
        """Create the caller's rating of the scenario, or change it (it keeps its id and
        created_at). Only a scenario the caller can see and has completed a run of."""
        user = caller.user_id
        scenario = domain.scenario_id(scenario_id)
        values = {"overall": domain.stars(overall, "overall"), **domain.dimensions(dimensions)}
        values["review"] = domain.review_text(review)
        values["has_review"] = bool(values["review"])
        async with self._db.transaction() as session:
            await _visible_scenario(session, scenario, user)
            if not await CatalogueRepository(session).has_finished(user, ItemRef("scenario", scenario)):
                raise Conflict(
                    "finish a run of this scenario before rating it: only learners who played it may rate it",
                    details={"scenario_id": "not completed"},
                )
            ratings = RatingRepository(session)
            now = self._clock()
            old = await ratings.mine(scenario, user, lock=True)
            if old is None:
                row = {"id": uuid.uuid4(), "scenario_id": scenario, "user_id": user, "helpful_count": 0, "created_at": now}
                row.update(values, updated_at=now)
                if await ratings.insert_new(row):
                    return await self._submitted(session, ratings, RatingRow(**row), None)
                # Another request of the same learner rated it first: change that rating instead.
                old = await ratings.mine(scenario, user, lock=True)
                if old is None:
                    raise Conflict("your rating of this scenario changed meanwhile; send it again")
            return await self._change(session, ratings, old, {**values, "updated_at": now})

    async def _change(self, session, ratings: RatingRepository, old: RatingRow, values: dict[str, Any]) -> Rating:
        if old.has_review and not values["has_review"]:
            # The votes were for a review that is gone.
            await ratings.clear_votes(old.id)
            values["helpful_count"] = 0
        await ratings.change(old.id, values)
        kept = {name: getattr(old, name) for name in ("id", "scenario_id", "user_id", "helpful_count", "created_at")}
        new = RatingRow(**{**kept, **values})
        return await self._submitted(session, ratings, new, old)

    async def _submitted(self, session, ratings: RatingRepository, new: RatingRow, old: RatingRow | None) -> Rating:
        before = domain.scores_of(old) if old is not None else None
        await ratings.move_summary(new.scenario_id, domain.summary_delta(before, domain.scores_of(new)))
        event = RatingSubmitted(
            rating_id=new.id,
            user_id=new.user_id,
            scenario_id=new.scenario_id,
            overall=new.overall,
            dimensions=RatingDimensions(**{name: getattr(new, name) for name in DIMENSIONS}),
            has_review=new.has_review,
            previous_overall=old.overall if old is not None else None,
            occurred_at=new.updated_at,
        )
        await add_event(session, event)
        return _view(new, new.user_id)

    async def mine(self, caller: Principal, scenario_id: str) -> Rating:
        """The caller's rating of the scenario (theirs to read even if the scenario is gone)."""
        scenario = domain.scenario_id(scenario_id)
        async with self._db.reading() as session:
            row = await RatingRepository(session).mine(scenario, caller.user_id)
        if row is None:
            raise NotFound("you have not rated this scenario", details={"scenario_id": "not rated"})
        return _view(row, caller.user_id)

    async def delete(self, caller: Principal, scenario_id: str) -> None:
        """Take back the caller's rating (and its review, with the votes it had)."""
        scenario = domain.scenario_id(scenario_id)
        async with self._db.transaction() as session:
            ratings = RatingRepository(session)
            old = await ratings.mine(scenario, caller.user_id, lock=True)
            if old is None:
                raise NotFound("you have not rated this scenario", details={"scenario_id": "not rated"})
            await ratings.delete(old.id)
            await ratings.move_summary(scenario, domain.summary_delta(domain.scores_of(old), None))
            event = RatingDeleted(
                rating_id=old.id, user_id=old.user_id, scenario_id=scenario, overall=old.overall, occurred_at=self._clock()
            )
            await add_event(session, event)

    async def summary(self, caller: Principal, scenario_id: str) -> Summary:
        """Count, mean, stars distribution and dimension means: one row of kept counters."""
        scenario = domain.scenario_id(scenario_id)
        async with self._db.reading() as session:
            await _visible_scenario(session, scenario, caller.user_id)
            counters = await RatingRepository(session).summary(scenario)
        return domain.summary_of(scenario, counters)

    async def reviews(self, caller: Principal, scenario_id: str, *, sort: str, limit: int, offset: int) -> ReviewPage:
        """A page of the scenario's reviews, most helpful or most recent first."""
        scenario, order = domain.scenario_id(scenario_id), domain.sort(sort)
        limit, offset = page(limit, offset)
        user = caller.user_id
        async with self._db.reading() as session:
            await _visible_scenario(session, scenario, user)
            ratings = RatingRepository(session)
            rows = await ratings.reviews(scenario, sort=order, limit=limit + 1, offset=offset)
            voted = await ratings.voted(user, [row.id for row in rows[:limit]])
        return ReviewPage([_view(row, user, voted=row.id in voted) for row in rows[:limit]], has_more=len(rows) > limit)

    async def vote(self, caller: Principal, rating_id: str, *, helpful: bool, scenario_id: str = "") -> Rating:
        """Vote a review helpful (once per learner, never one's own), or take the vote back.
        With ``scenario_id``, the review must be of that scenario."""
        review_id, user = domain.rating_id(rating_id), caller.user_id
        scenario = domain.scenario_id(scenario_id) if scenario_id else None
        async with self._db.transaction() as session:
            ratings = RatingRepository(session)
            # Locked: the review cannot be removed, nor its count moved, under the vote.
            row = await ratings.get(review_id, lock=True)
            if (
                row is None
                or scenario not in (None, row.scenario_id)
                or not visible_to(await CatalogueRepository(session).item(ItemRef("scenario", row.scenario_id)), user)
            ):
                raise NotFound("no review with this id that you can see", details={"rating_id": "not found"})
            view = _view(row, user)
            if not helpful:
                moved = await ratings.remove_vote(review_id, user)
                return replace(view, helpful_count=await ratings.move_helpful(review_id, -1)) if moved else view
            if view.mine:
                raise PermissionDenied("you cannot vote for your own review", details={"rating_id": "your own review"})
            if not row.has_review:
                raise Conflict("this rating has no review to vote for", details={"rating_id": "no review"})
            if await ratings.add_vote(review_id, user, self._clock()):
                view = replace(view, helpful_count=await ratings.move_helpful(review_id, 1))
            return replace(view, voted_helpful=True)
