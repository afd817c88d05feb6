"""What the gamification tests share: scripted events, a projection to feed them to, the outbox."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from parla.analytics.discovery.service import DiscoveryProjection
from parla.analytics.gamification.projection import GamificationProjection
from parla.chassis.db import Database
from parla.contracts.events import MemoryState, ReviewRecorded, ScenarioPublished, UserRegistered, UserUpdated

MONDAY = datetime(2026, 6, 1, 9, tzinfo=UTC)  # a Monday
DAY = timedelta(days=1)


def registered(user: uuid.UUID, *, at: datetime, timezone: str = "UTC", opt_in: bool = False, name: str = "Ana"):
    return UserRegistered(
        user_id=user, display_name=name, timezone=timezone, leaderboard_opt_in=opt_in, occurred_at=at, target_languages=["es"]
    )


def updated(user: uuid.UUID, *, at: datetime, timezone: str = "UTC", opt_in: bool = False, name: str = "Ana"):
    return UserUpdated(user_id=user, display_name=name, timezone=timezone, leaderboard_opt_in=opt_in, occurred_at=at)


def review(user: uuid.UUID, *, at: datetime, learned: bool = False, card: uuid.UUID | None = None) -> ReviewRecorded:
    before = MemoryState(state="learning", stability=1.0, difficulty=5.0)
    after = MemoryState(state="review" if learned else "learning", stability=3.0, difficulty=5.0)
    return ReviewRecorded(
        review_id=uuid.uuid4(), user_id=user, card_id=card or uuid.uuid4(), language="es", rating="good", reviewed_at=at,
        retrievability=0.0, before=before, after=after, next_due=at + DAY,
    )  # fmt: skip


def published(scenario_id: str, *, at: datetime, category: str = "restaurant", difficulty: str = "beginner", owner=None):
    return ScenarioPublished(
        scenario_id=scenario_id, owner_id=owner, visibility="public", category=category, difficulty=difficulty,
        languages=["es"], titles={"es": scenario_id}, text=scenario_id, occurred_at=at,
    )  # fmt: skip


async def feed(db: Database, handler, *events) -> None:
    async with db.transaction() as session:
        await handler(session, list(events))


async def publish(db: Database, game: GamificationProjection, *events: ScenarioPublished) -> None:
    """Scenarios as the analytics consumer takes them: into discovery's catalogue, and as shares."""
    discovery = DiscoveryProjection()
    async with db.transaction() as session:
        await discovery.scenarios_changed(session, list(events))
        await game.scenarios_published(session, list(events))
