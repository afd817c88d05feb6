"""What the tag tests share: real scenario words, scenario events as the consumer gets them,
and collections as the collections feature stores them."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, select

from parla.contracts.events import ScenarioPublished
from parla.organization.collections.db import CollectionRow
from parla.organization.consumers import on_scenarios_changed
from parla.organization.tags.db import GeneratedTagRow
from parla.organization.tags.worker import KeywordWorker

from .catalogue_fixtures import T0

MESA = """Reservar una mesa para cenar
Llamas por teléfono a un restaurante de Madrid para reservar mesa para cenar el sábado.
la reserva
la mesa
Quería reservar una mesa para cenar.
Quería hacer una reserva, por favor.
¿Tienen mesa libre para este sábado por la noche?"""
TISCH = """Einen Tisch zum Abendessen reservieren
die Reservierung
der Tisch
Ich würde gern einen Tisch zum Abendessen reservieren.
Haben Sie am Samstagabend noch einen Tisch frei?"""
HOTEL = """Registrarse en el hotel
la habitación
la llave
Tengo una reserva de una habitación doble en el hotel.
¿A qué hora se sirve el desayuno en el hotel?
¿Me da la llave de la habitación, por favor?"""


def scenario_changed(scenario_id: str, *, kind: type = ScenarioPublished, texts=None, text: str = "", at=T0, **fields):
    texts = {"es": MESA} if texts is None else texts
    return kind(
        scenario_id=scenario_id,
        owner_id=fields.get("owner_id"),
        visibility=fields.get("visibility", "public"),
        category="restaurant",
        difficulty="beginner",
        languages=fields.get("languages", list(texts) or ["es"]),
        titles={language: scenario_id for language in (texts or {"es": ""})},
        text=text or scenario_id,
        texts=texts,
        occurred_at=at,
    )


async def consume(db, *events) -> None:
    """As the consumer applies a batch (the read model, the generated tags deleted or queued),
    then as the keyword worker makes the queued ones."""
    async with db.transaction() as session:
        await on_scenarios_changed(session, list(events))
    while await KeywordWorker(db=db).work_once():
        pass


async def generated(db, scenario_id: str) -> dict[str, list[str]]:
    async with db.reading() as session:
        rows = await session.execute(
            select(GeneratedTagRow.language, GeneratedTagRow.tag)
            .where(GeneratedTagRow.scenario_id == scenario_id)
            .order_by(GeneratedTagRow.language, GeneratedTagRow.weight.desc(), GeneratedTagRow.tag)
        )
    found: dict[str, list[str]] = {}
    for language, tag in rows:
        found.setdefault(language, []).append(tag)
    return found


async def collection(db, owner, *, visibility: str = "public", name: str = "Eating out") -> str:
    collection_id = uuid.uuid4()
    async with db.transaction() as session:
        await session.execute(
            insert(CollectionRow).values(
                id=collection_id, owner_id=owner.user_id, name=name, visibility=visibility, created_at=T0, updated_at=T0
            )
        )
    return str(collection_id)


def found(page) -> list[tuple[str, str, bool, bool]]:
    return [(f.ref.kind, f.ref.id, f.mine, f.removed) for f in page.items]
