"""Events the analytics service consumes: each projection's handlers, by event type."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.dashboard import service as dashboard
from parla.analytics.discovery import domain as discovery_domain
from parla.analytics.discovery.service import DiscoveryProjection
from parla.analytics.service import record_completed, record_started
from parla.chassis.events_catalogue import ServiceEvents
from parla.chassis.inbox import Subscription
from parla.contracts.events import (
    BookmarkAdded,
    BookmarkRemoved,
    ContentStudied,
    RatingDeleted,
    RatingSubmitted,
    ReviewRecorded,
    ScenarioCompleted,
    ScenarioDeleted,
    ScenarioPublished,
    ScenarioStarted,
    ScenarioUpdated,
    ScenarioViewed,
)


def subscriptions(
    half_life: timedelta = discovery_domain.DEFAULT_HALF_LIFE, top_rated_minimum: int = discovery_domain.DEFAULT_TOP_RATED_MINIMUM
) -> list[Subscription]:
    """One subscription per event type; an event several projections keep runs their handlers in
    turn, in the batch's one transaction. A new event type adds a handler here, not a redesign."""
    discovery = DiscoveryProjection(half_life, top_rated_minimum)

    async def started(session: AsyncSession, events: Sequence[ScenarioStarted]) -> None:
        await record_started(session, events)
        await discovery.started(session, events)

    async def completed(session: AsyncSession, events: Sequence[ScenarioCompleted]) -> None:
        await record_completed(session, events)
        await discovery.completed(session, events)
        await dashboard.record_completions(session, events)

    return [
        Subscription(ScenarioStarted, started),
        Subscription(ScenarioCompleted, completed),
        Subscription(ScenarioPublished, discovery.scenarios_changed),
        Subscription(ScenarioUpdated, discovery.scenarios_changed),
        Subscription(ScenarioDeleted, discovery.scenarios_changed),
        Subscription(ScenarioViewed, discovery.viewed),
        Subscription(RatingSubmitted, discovery.rated),
        Subscription(RatingDeleted, discovery.unrated),
        Subscription(BookmarkAdded, discovery.bookmarked),
        Subscription(BookmarkRemoved, discovery.unbookmarked),
        Subscription(ContentStudied, dashboard.record_study),
        Subscription(ReviewRecorded, dashboard.record_reviews),
    ]


def events() -> ServiceEvents:
    """What the analytics service publishes (through its outbox) and consumes: the AsyncAPI catalogue's source."""
    return ServiceEvents("analytics", publishes=(), subscriptions=subscriptions())
