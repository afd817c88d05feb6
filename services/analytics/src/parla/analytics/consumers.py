"""Events the analytics service consumes: each projection's handlers, by event type."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.dashboard import service as dashboard
from parla.analytics.discovery import domain as discovery_domain
from parla.analytics.discovery.service import DiscoveryProjection
from parla.analytics.gamification.projection import GamificationProjection
from parla.analytics.service import record_completed, record_reviewed, record_started, record_studied
from parla.chassis.events_catalogue import ServiceEvents
from parla.chassis.inbox import Subscription
from parla.contracts.events import (
    AchievementUnlocked,
    BookmarkAdded,
    BookmarkRemoved,
    CollectionChanged,
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
    UserRegistered,
    UserUpdated,
    XpGranted,
)


def subscriptions(
    half_life: timedelta = discovery_domain.DEFAULT_HALF_LIFE,
    top_rated_minimum: int = discovery_domain.DEFAULT_TOP_RATED_MINIMUM,
    *,
    announce: bool = True,
) -> list[Subscription]:
    """One subscription per event type; an event several projections keep runs their handlers in
    turn, in the batch's one transaction. A new event type adds a handler here, not a redesign.
    The order is the rebuild's: learners and scenarios first, so that what refers to them finds
    them (live, the topics are consumed side by side). ``announce`` off (a rebuild) publishes no
    XP or achievement event: those were announced when they happened."""
    discovery = DiscoveryProjection(half_life, top_rated_minimum)
    game = GamificationProjection(announce=announce)

    async def started(session: AsyncSession, events: Sequence[ScenarioStarted]) -> None:
        await record_started(session, events)
        await discovery.started(session, events)

    async def completed(session: AsyncSession, events: Sequence[ScenarioCompleted]) -> None:
        await record_completed(session, events)
        await discovery.completed(session, events)
        await dashboard.record_completions(session, events)
        await game.completed(session, events)

    async def published(session: AsyncSession, events: Sequence[ScenarioPublished]) -> None:
        await discovery.scenarios_changed(session, events)
        await game.scenarios_published(session, events)

    async def rated(session: AsyncSession, events: Sequence[RatingSubmitted]) -> None:
        await discovery.rated(session, events)
        await game.rated(session, events)

    async def bookmarked(session: AsyncSession, events: Sequence[BookmarkAdded]) -> None:
        await discovery.bookmarked(session, events)
        await game.bookmarked(session, events)

    async def studied(session: AsyncSession, events: Sequence[ContentStudied]) -> None:
        await record_studied(session, events)
        await dashboard.record_study(session, events)
        await game.studied(session, events)

    async def reviewed(session: AsyncSession, events: Sequence[ReviewRecorded]) -> None:
        await record_reviewed(session, events)
        await dashboard.record_reviews(session, events)
        await game.reviewed(session, events)

    return [
        Subscription(UserRegistered, game.profiles),
        Subscription(UserUpdated, game.profiles),
        Subscription(ScenarioPublished, published),
        Subscription(ScenarioUpdated, discovery.scenarios_changed),
        Subscription(ScenarioDeleted, discovery.scenarios_changed),
        Subscription(ScenarioViewed, discovery.viewed),
        Subscription(ScenarioStarted, started),
        Subscription(ScenarioCompleted, completed),
        Subscription(RatingSubmitted, rated),
        Subscription(RatingDeleted, discovery.unrated),
        Subscription(BookmarkAdded, bookmarked),
        Subscription(BookmarkRemoved, discovery.unbookmarked),
        Subscription(CollectionChanged, game.collections_changed),
        Subscription(ContentStudied, studied),
        Subscription(ReviewRecorded, reviewed),
    ]


def events() -> ServiceEvents:
    """What the analytics service publishes (through its outbox) and consumes: the AsyncAPI catalogue's source."""
    return ServiceEvents("analytics", publishes=(XpGranted, AchievementUnlocked), subscriptions=subscriptions())
