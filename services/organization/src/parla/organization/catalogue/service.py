"""Keeping the read model from events, and showing its items to a learner."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.inbox import newest_per_key
from parla.contracts.events import (
    ContentDeleted,
    ContentImported,
    ContentStudied,
    ScenarioChanged,
    ScenarioCompleted,
    ScenarioDeleted,
)
from parla.contracts.rpc.organization.v1 import items_pb2 as pb
from parla.organization.catalogue.db import ItemRow
from parla.organization.catalogue.domain import ItemRef, reading_minutes, visible_to
from parla.organization.catalogue.repository import CatalogueRepository

# A document counts as finished once studied this far.
DOCUMENT_FINISHED_PERCENT = 100


async def record_scenarios(session: AsyncSession, events: Sequence[ScenarioChanged]) -> None:
    """Scenarios published, updated or deleted: the newest state of each is kept."""
    latest = newest_per_key(events, lambda e: e.scenario_id)
    await CatalogueRepository(session).put_items(
        [
            {
                "kind": "scenario",
                "item_id": e.scenario_id,
                "owner_id": e.owner_id,
                "visibility": e.visibility,
                "titles": dict(e.titles),
                "category": e.category,
                "difficulty": e.difficulty,
                "languages": list(e.languages),
                "estimated_minutes": e.estimated_minutes,
                "deleted": isinstance(e, ScenarioDeleted),
                "changed_at": e.occurred_at,
            }
            for e in latest
        ]
    )


async def record_documents(session: AsyncSession, events: Sequence[ContentImported]) -> None:
    """Learners' documents, once imported: private to their owner."""
    latest = newest_per_key(events, lambda e: e.document_id)
    await CatalogueRepository(session).put_items(
        [
            {
                "kind": "document",
                "item_id": str(e.document_id),
                "owner_id": e.user_id,
                "visibility": "private",
                "titles": {e.language: e.title},
                "category": "",
                "difficulty": e.level,
                "languages": [e.language],
                "estimated_minutes": reading_minutes(e.word_count),
                "deleted": False,
                "changed_at": e.occurred_at,
            }
            for e in latest
        ]
    )


async def record_documents_deleted(session: AsyncSession, events: Sequence[ContentDeleted]) -> None:
    await CatalogueRepository(session).mark_deleted([(ItemRef("document", str(e.document_id)), e.occurred_at) for e in events])


async def record_completions(session: AsyncSession, events: Sequence[ScenarioCompleted]) -> None:
    """A completed run lets its learner rate the scenario, and ticks it off their learning paths."""
    await CatalogueRepository(session).mark_finished(
        [(e.user_id, ItemRef("scenario", e.scenario_id), e.completed_at) for e in events]
    )


async def record_study(session: AsyncSession, events: Sequence[ContentStudied]) -> None:
    """A document studied to the end ticks it off its learner's learning paths."""
    await CatalogueRepository(session).mark_finished(
        [
            (e.user_id, ItemRef("document", str(e.document_id)), e.occurred_at)
            for e in events
            if e.progress_percent >= DOCUMENT_FINISHED_PERCENT
        ]
    )


def item_message(ref: ItemRef, row: ItemRow | None, user_id: uuid.UUID) -> pb.ItemSummary:
    """How an organised item is shown to a learner. One they can no longer see (deleted, made
    private by its owner, or never known here) is shown as removed, with nothing of its content."""
    ref_message = pb.ItemRef(kind=ref.kind, id=ref.id)
    if not visible_to(row, user_id):
        return pb.ItemSummary(ref=ref_message, removed=True)
    return pb.ItemSummary(
        ref=ref_message,
        titles=row.titles,
        category=row.category,
        difficulty=row.difficulty,
        languages=row.languages,
        estimated_minutes=row.estimated_minutes,
    )
