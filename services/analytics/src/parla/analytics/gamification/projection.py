"""Gamification kept from events: each handler adds the facts its events carry, then the
learners they touched go on with their fold — from their stored state when every new fact is
later than it, else from the beginning over all their facts (a late event) — and what changed
is written and, live, announced: ``xp.granted`` for each grant made or corrected,
``achievement.unlocked`` for each achievement. A rebuild folds the same facts with announcing
off: what it computes was announced when it happened.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.dashboard.db import LearnerDayRow
from parla.analytics.dashboard.repository import DashboardRepository
from parla.analytics.gamification import achievements
from parla.analytics.gamification.db import AchievementRow, LearnerGameRow, XpGrantRow
from parla.analytics.gamification.fold import (
    EMPTY_CATALOGUE,
    Catalogue,
    CompletionFact,
    Fact,
    Grant,
    State,
    fold,
    goes_on_from,
    slot_of,
)
from parla.analytics.gamification.repository import GamificationRepository
from parla.analytics.gamification.rules import level_for
from parla.chassis.db import upsert
from parla.chassis.inbox import newest_per_key
from parla.chassis.logging import get_logger
from parla.chassis.messaging import add_events
from parla.contracts.events import (
    AchievementUnlocked,
    BookmarkAdded,
    CollectionChanged,
    ContentStudied,
    RatingSubmitted,
    ReviewRecorded,
    ScenarioCompleted,
    ScenarioPublished,
    UserProfile,
    XpGranted,
)

log = get_logger(__name__)
Facts = dict[uuid.UUID, list[Fact]]


def week_of(at: datetime) -> date:
    """The Monday (UTC) a leaderboard week starts on."""
    day = at.date()
    return day - timedelta(days=day.weekday())


def _merge(*found: Facts) -> Facts:
    merged: Facts = defaultdict(list)
    for facts in found:
        for user, items in facts.items():
            merged[user].extend(items)
    return merged


@dataclass
class _Changes:
    grants: list[tuple[uuid.UUID, Grant, int]] = field(default_factory=list)  # (learner, grant, amount before)
    # (learner, code, when, whether it is new rather than moved by a late event)
    unlocked: list[tuple[uuid.UUID, str, datetime, bool]] = field(default_factory=list)
    withdrawn: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    totals: dict[uuid.UUID, State] = field(default_factory=dict)


class GamificationProjection:
    def __init__(self, *, announce: bool = True) -> None:
        self._announce = announce
        self._catalogue: tuple[tuple, Catalogue] | None = None

    # --- handlers: the facts each event carries ---------------------------------------------------

    async def profiles(self, session: AsyncSession, events: Sequence[UserProfile]) -> None:
        repository = GamificationRepository(session)
        await repository.put_profiles(
            [
                {
                    "user_id": e.user_id,
                    "display_name": e.display_name,
                    "timezone": e.timezone,
                    "leaderboard_opt_in": e.leaderboard_opt_in,
                    "changed_at": e.occurred_at,
                }
                for e in newest_per_key(events, lambda e: e.user_id)
            ]
        )
        facts = await repository.add_timezones(
            [{"user_id": e.user_id, "effective_at": e.occurred_at, "timezone": e.timezone} for e in events]
        )
        profiles = await repository.profiles([e.user_id for e in events])
        await repository.list_on_boards({user: row.leaderboard_opt_in for user, row in profiles.items()})
        await self._advance(session, facts)

    async def completed(self, session: AsyncSession, events: Sequence[ScenarioCompleted]) -> None:
        repository = GamificationRepository(session)
        completions = await repository.add_completions(
            [
                {
                    "run_id": e.run_id,
                    "user_id": e.user_id,
                    "scenario_id": e.scenario_id,
                    "language": e.language,
                    "difficulty": e.difficulty,
                    "score": e.score,
                    "duration_seconds": e.duration_seconds,
                    "estimated_minutes": e.estimated_minutes,
                    "completed_at": e.completed_at,
                }
                for e in events
            ]
        )
        slots = await repository.add_slots([{"user_id": e.user_id, "slot": slot_of(e.completed_at)} for e in events])
        await self._advance(session, _merge(slots, completions))

    async def studied(self, session: AsyncSession, events: Sequence[ContentStudied]) -> None:
        slots = await GamificationRepository(session).add_slots(
            [{"user_id": e.user_id, "slot": slot_of(e.occurred_at)} for e in events]
        )
        await self._advance(session, slots)

    async def reviewed(self, session: AsyncSession, events: Sequence[ReviewRecorded]) -> None:
        """A review is learning done; a card that reaches the review state is a word learned."""
        repository = GamificationRepository(session)
        slots = await repository.add_slots([{"user_id": e.user_id, "slot": slot_of(e.reviewed_at)} for e in events])
        words = await repository.add_milestones(
            [
                {"user_id": e.user_id, "kind": "word", "subject": str(e.card_id), "at": e.reviewed_at}
                for e in events
                if e.after.state == "review"
            ]
        )
        await self._advance(session, _merge(slots, words))

    async def rated(self, session: AsyncSession, events: Sequence[RatingSubmitted]) -> None:
        await self._milestones(session, [(e.user_id, "rating", e.scenario_id, e.occurred_at) for e in events])

    async def bookmarked(self, session: AsyncSession, events: Sequence[BookmarkAdded]) -> None:
        await self._milestones(session, [(e.user_id, "bookmark", f"{e.item_kind}:{e.item_id}", e.occurred_at) for e in events])

    async def collections_changed(self, session: AsyncSession, events: Sequence[CollectionChanged]) -> None:
        """A collection made counts for Curator; one shown publicly is a share."""
        made = [(e.owner_id, "collection", str(e.collection_id), e.occurred_at) for e in events if e.change == "created"]
        shared = [
            (e.owner_id, "share", f"collection:{e.collection_id}", e.occurred_at)
            for e in events
            if e.visibility == "public" and e.change != "deleted"
        ]
        await self._milestones(session, made + shared)

    async def scenarios_published(self, session: AsyncSession, events: Sequence[ScenarioPublished]) -> None:
        """A learner who publishes their own scenario shares it."""
        await self._milestones(
            session,
            [(e.owner_id, "share", f"scenario:{e.scenario_id}", e.occurred_at) for e in events if e.owner_id is not None],
        )

    async def _milestones(self, session: AsyncSession, rows: list[tuple[uuid.UUID, str, str, datetime]]) -> None:
        facts = await GamificationRepository(session).add_milestones(
            [{"user_id": user, "kind": kind, "subject": subject[:150], "at": at} for user, kind, subject, at in rows]
        )
        await self._advance(session, facts)

    # --- the fold, and what it changed -------------------------------------------------------------

    async def _advance(self, session: AsyncSession, facts: Facts) -> None:
        if not facts:
            return
        repository = GamificationRepository(session)
        stored = await repository.lock_states(list(facts))
        states = {user: State.from_json(stored[user]) if stored[user] else State() for user in facts}
        again = [user for user, new in facts.items() if not goes_on_from(states[user], new)]
        completing = again or any(isinstance(f, CompletionFact) for new in facts.values() for f in new)
        # Only completions are checked against the catalogue: other batches do not read it.
        catalogue = await self._catalogue_now(repository) if completing else EMPTY_CATALOGUE
        changes = _Changes()
        for user, new in facts.items():
            if user in again:
                continue
            state = states[user]
            outcome = fold(state, new, catalogue)
            changes.totals[user] = state
            changes.grants += [(user, grant, 0) for grant in outcome.grants]
            changes.unlocked += [(user, code, at, True) for code, at in outcome.unlocked.items()]
        if again:
            await self._fold_again(repository, again, catalogue, changes)
        await self._write(session, repository, changes)

    async def _fold_again(
        self, repository: GamificationRepository, users: list[uuid.UUID], catalogue: Catalogue, changes: _Changes
    ) -> None:
        """Fold these learners from nothing over all their facts (a fact came in late), and keep
        only what differs from what was made before."""
        log.info("gamification refolded after a late event", learners=len(users))
        facts = await repository.facts(users)
        before_grants = await repository.grants_of(users)
        before_unlocked = await repository.achievements_of(users)
        for user in users:
            state = State()
            outcome = fold(state, facts.get(user, []), catalogue)
            changes.totals[user] = state
            for grant in outcome.grants:
                before = before_grants.get(grant.run_id)
                if before is None or before.amount != grant.amount or before.multiplier_percent != grant.percent:
                    changes.grants.append((user, grant, before.amount if before is not None else 0))
            for code, at in state.unlocked.items():
                before = before_unlocked.get((user, code))
                if before is None or before.unlocked_at != at:
                    changes.unlocked.append((user, code, at, before is None))
            changes.withdrawn += [key for key in before_unlocked if key[0] == user and key[1] not in state.unlocked]

    async def _write(self, session: AsyncSession, repository: GamificationRepository, changes: _Changes) -> None:
        await upsert(
            session,
            LearnerGameRow.__table__,
            [
                {
                    "user_id": user,
                    "xp": state.xp,
                    "level": level_for(state.xp),
                    "streak": state.streak,
                    "longest_streak": state.longest,
                    "state": state.to_json(),
                }
                for user, state in sorted(changes.totals.items())
            ],
            ["user_id"],
        )
        await upsert(
            session,
            XpGrantRow.__table__,
            [
                {
                    "run_id": uuid.UUID(grant.run_id),
                    "user_id": user,
                    "language": grant.language,
                    "amount": grant.amount,
                    "multiplier_percent": grant.percent,
                    "granted_at": grant.granted_at,
                }
                for user, grant, _ in changes.grants
            ],
            ["run_id"],
        )
        await self._add_xp_by_period(session, repository, changes)
        await upsert(
            session,
            AchievementRow.__table__,
            [{"user_id": user, "code": code, "unlocked_at": at} for user, code, at, _ in changes.unlocked],
            ["user_id", "code"],
        )
        if changes.withdrawn:
            log.warning("achievements withdrawn after a late event", count=len(changes.withdrawn))
            await repository.remove_achievements(changes.withdrawn)
        if self._announce:
            await add_events(session, [(event, None) for event in _announcements(changes)])

    async def _add_xp_by_period(self, session: AsyncSession, repository: GamificationRepository, changes: _Changes) -> None:
        """What each grant changed, added to its week's board and to its day in the dashboard."""
        weeks: dict[tuple, int] = defaultdict(int)
        days: dict[tuple, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for user, grant, before in changes.grants:
            weeks[(week_of(grant.granted_at), grant.language, user)] += grant.amount - before
            days[(user, grant.granted_at.date())]["xp"] += grant.amount - before
        await DashboardRepository(session).add(LearnerDayRow.__table__, ("user_id", "day"), days)
        if weeks:
            profiles = await repository.profiles(list({user for _, _, user in weeks}))
            opted = {user: row.leaderboard_opt_in for user, row in profiles.items()}
            await repository.add_weekly(
                [
                    {"week": week, "language": language, "user_id": user, "xp": xp, "listed": opted.get(user, False)}
                    for (week, language, user), xp in sorted(weeks.items())
                ]
            )

    async def _catalogue_now(self, repository: GamificationRepository) -> Catalogue:
        """The "all of" groups, loaded again only when the scenarios known have changed."""
        version = await repository.catalogue_version()
        if self._catalogue is None or self._catalogue[0] != version:
            self._catalogue = (version, Catalogue(await repository.listings(achievements.ALL_OF)))
        return self._catalogue[1]


def _announcements(changes: _Changes) -> list:
    events: list = []
    for user, grant, before in changes.grants:
        if grant.amount != before:
            state = changes.totals[user]
            events.append(
                XpGranted(
                    user_id=user,
                    source="scenario",
                    source_id=grant.run_id,
                    language=grant.language,
                    amount=grant.amount - before,
                    total=state.xp,
                    level=level_for(state.xp),
                    granted_at=grant.granted_at,
                )
            )
    for user, code, at, new in changes.unlocked:
        if new:
            events.append(AchievementUnlocked(user_id=user, code=code, title=achievements.BY_CODE[code].title, unlocked_at=at))
    return events
