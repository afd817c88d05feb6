"""Events the organization service consumes, and what it publishes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.events_catalogue import ServiceEvents
from parla.chassis.inbox import Subscription
from parla.contracts.events import (
    BookmarkAdded,
    BookmarkRemoved,
    CollectionChanged,
    CollectionSubscribed,
    ContentDeleted,
    ContentImported,
    ContentStudied,
    RatingDeleted,
    RatingSubmitted,
    ScenarioChanged,
    ScenarioCompleted,
    ScenarioDeleted,
    ScenarioPublished,
    ScenarioUpdated,
)
from parla.organization.catalogue import service as catalogue
from parla.organization.catalogue.domain import ItemRef
from parla.organization.collections.service import record_items_changed
from parla.organization.tags.service import record_generated


async def on_scenarios_changed(session: AsyncSession, events: Sequence[ScenarioChanged]) -> None:
    """A scenario published, changed or deleted: the read model, and its generated tags."""
    await catalogue.record_scenarios(session, events)
    await record_items_changed(session, [ItemRef("scenario", e.scenario_id) for e in events])
    await record_generated(session, events)


async def on_documents_imported(session: AsyncSession, events: Sequence[ContentImported]) -> None:
    await catalogue.record_documents(session, events)
    await record_items_changed(session, [ItemRef("document", str(e.document_id)) for e in events])


async def on_documents_deleted(session: AsyncSession, events: Sequence[ContentDeleted]) -> None:
    await catalogue.record_documents_deleted(session, events)
    await record_items_changed(session, [ItemRef("document", str(e.document_id)) for e in events])


def subscriptions() -> list[Subscription]:
    return [
        Subscription(ScenarioPublished, on_scenarios_changed),
        Subscription(ScenarioUpdated, on_scenarios_changed),
        Subscription(ScenarioDeleted, on_scenarios_changed),
        Subscription(ScenarioCompleted, catalogue.record_completions),
        Subscription(ContentImported, on_documents_imported),
        Subscription(ContentDeleted, on_documents_deleted),
        Subscription(ContentStudied, catalogue.record_study),
    ]


def events() -> ServiceEvents:
    """What the organization service publishes (through its outbox) and consumes: the AsyncAPI catalogue's source."""
    return ServiceEvents(
        "organization",
        publishes=(RatingSubmitted, RatingDeleted, BookmarkAdded, BookmarkRemoved, CollectionChanged, CollectionSubscribed),
        subscriptions=subscriptions(),
    )
