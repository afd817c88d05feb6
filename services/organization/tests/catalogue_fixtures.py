"""The read model seeded as the consumers would seed it from events."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.contracts.events import (
    ContentDeleted,
    ContentImported,
    ScenarioCompleted,
    ScenarioDeleted,
    ScenarioPublished,
    ScenarioUpdated,
)
from parla.organization.catalogue import service as catalogue
from parla.organization.catalogue.domain import ItemRef
from parla.organization.collections.service import record_items_changed

T0 = datetime(2026, 3, 1, 12, tzinfo=UTC)


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


def admin() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner", "admin"}))


def scenario_event(
    scenario_id: str,
    *,
    kind: type = ScenarioPublished,
    owner: Principal | None = None,
    visibility: str = "public",
    category: str = "restaurant",
    difficulty: str = "beginner",
    minutes: int = 15,
    titles: dict[str, str] | None = None,
    text: str = "",
    at: datetime = T0,
):
    return kind(
        scenario_id=scenario_id,
        owner_id=owner.user_id if owner else None,
        visibility=visibility,
        category=category,
        difficulty=difficulty,
        languages=list((titles or {"es": scenario_id}).keys()),
        titles=titles or {"es": scenario_id},
        estimated_minutes=minutes,
        text=text or scenario_id,
        occurred_at=at,
    )


async def publish_scenario(db: Database, scenario_id: str, **fields) -> str:
    """A scenario in the read model, public by default (``visibility="private", owner=...`` for a learner's own)."""
    kind = ScenarioPublished if fields.get("visibility", "public") == "public" else ScenarioUpdated
    async with db.transaction() as session:
        await catalogue.record_scenarios(session, [scenario_event(scenario_id, kind=kind, **fields)])
        await record_items_changed(session, [ItemRef("scenario", scenario_id)])
    return scenario_id


async def delete_scenario(db: Database, scenario_id: str, *, at: datetime | None = None, **fields) -> None:
    async with db.transaction() as session:
        event = scenario_event(scenario_id, kind=ScenarioDeleted, at=at or T0 + timedelta(hours=1), **fields)
        await catalogue.record_scenarios(session, [event])
        await record_items_changed(session, [ItemRef("scenario", scenario_id)])


async def complete(db: Database, user: Principal, scenario_id: str) -> None:
    """The learner completed a run of the scenario (as ``scenario.completed`` records it)."""
    event = ScenarioCompleted(
        run_id=uuid.uuid4(),
        user_id=user.user_id,
        scenario_id=scenario_id,
        title=scenario_id,
        language="es",
        category="restaurant",
        difficulty="beginner",
        score=80,
        phases_total=3,
        phases_completed=3,
        started_at=T0,
        completed_at=T0 + timedelta(minutes=12),
        duration_seconds=720,
        estimated_minutes=15,
    )
    async with db.transaction() as session:
        await catalogue.record_completions(session, [event])


async def import_document(db: Database, user: Principal, *, title: str = "Un artículo", words: int = 600) -> str:
    """A document of the learner's, imported (as ``content.imported`` records it); returns its id."""
    document_id = uuid.uuid4()
    event = ContentImported(
        document_id=document_id, user_id=user.user_id, title=title, kind="txt", language="es", level="B1", word_count=words
    )
    async with db.transaction() as session:
        await catalogue.record_documents(session, [event])
        await record_items_changed(session, [ItemRef("document", str(document_id))])
    return str(document_id)


async def delete_document(db: Database, user: Principal, document_id: str) -> None:
    async with db.transaction() as session:
        await catalogue.record_documents_deleted(
            session, [ContentDeleted(document_id=uuid.UUID(document_id), user_id=user.user_id)]
        )
