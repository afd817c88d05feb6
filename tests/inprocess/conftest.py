"""The services' use cases wired together in one process, each built as its composition root
builds it, with the network between them replaced by direct calls:

- the scenario service's runs, whose tutor is the persona service's ``TutorService`` servicer,
  called with the same protobuf messages the gRPC hop carries (serialized as on the wire);
- the content service's consumer of ``scenario.completed``, fed the event exactly as the
  scenario service staged it in its outbox.

Every database is SQLite, copied from a template migrated once per session. Matrices over every
scenario × language × persona run here: through the gateway they would take many minutes.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from parla.chassis.auth import Principal, current_principal
from parla.chassis.db import Database, assert_no_transaction, make_engine
from parla.chassis.inbox import BatchApplier, Subscription
from parla.chassis.messaging import decode_event, outbox_table
from parla.content import main as content_main
from parla.content.config import ContentSettings
from parla.content.db import CardRow
from parla.content.review.deck import DeckService
from parla.contracts.rpc.persona.v1 import tutor_pb2 as tpb
from parla.devstack.testdb import MigratedTemplates
from parla.persona import main as persona_main
from parla.persona.config import PersonaSettings
from parla.scenario import main as scenario_main
from parla.scenario.catalogue_service import CatalogueService
from parla.scenario.domain.mistakes import Mistake
from parla.scenario.run_service import RunService
from parla.scenario.tutor import Tutor, TutorReply, TutorRequest, reply_request

TUTOR_SERVICE = tpb.DESCRIPTOR.services_by_name["TutorService"].full_name


@contextmanager
def acting_as(caller: Principal) -> Iterator[None]:
    """The verified caller, as each service's gRPC server interceptor sets it from the token."""
    token = current_principal.set(caller)
    try:
        yield
    finally:
        current_principal.reset(token)


def new_learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


class InProcessTutor:
    """The scenario service's tutor, answered by the persona service's ``TutorService`` servicer
    in this process. What crosses is what the gRPC hop carries: the request the scenario service
    builds (``reply_request``) and the servicer's answer, each through its wire format."""

    def __init__(self, servicer: Any) -> None:
        self._servicer = servicer

    async def reply(self, request: TutorRequest) -> TutorReply:
        return await self.ask(reply_request(request))

    async def ask(self, message: tpb.ReplyRequest) -> TutorReply:
        # What the gRPC client interceptors check before every call to another process.
        assert_no_transaction("TutorService.Reply")
        sent = tpb.ReplyRequest.FromString(message.SerializeToString())
        answer = tpb.ReplyResponse.FromString((await self._servicer.Reply(sent, None)).SerializeToString())
        feedback = [*answer.feedback, *([answer.notice] if answer.notice else [])]
        return TutorReply(answer.tutor_line, feedback, [Mistake(m.said, m.correction, m.explanation) for m in answer.mistakes])


@dataclass
class Platform:
    catalogue: CatalogueService
    runs: RunService
    review: DeckService
    scenario_db: Database
    content_db: Database
    content_subscriptions: dict[str, Subscription]

    delivered_up_to: int = 0

    async def deliver_completions(self) -> int:
        """Hand every ``scenario.completed`` staged since the last call to the content service's
        consumer, decoded as the consumer decodes a Kafka message and applied as one batch by the
        consumer's own ``BatchApplier``. Returns how many were delivered."""
        async with self.scenario_db.reading() as session:
            rows = (
                await session.execute(
                    select(outbox_table.c.id, outbox_table.c.payload, outbox_table.c.topic)
                    .where(outbox_table.c.event_type == "scenario.completed", outbox_table.c.id > self.delivered_up_to)
                    .order_by(outbox_table.c.id)
                )
            ).all()
        if not rows:
            return 0
        events = [decode_event(payload, topic=topic) for _, payload, topic in rows]
        applier = BatchApplier(
            name="content", db=self.content_db, subscription=self.content_subscriptions["scenario.completed"], pause=asyncio.sleep
        )
        outcome = await applier.apply(events)
        assert not outcome.failed, outcome.failed
        self.delivered_up_to = rows[-1][0]
        return len(rows)

    async def deck(self, learner: Principal) -> list[CardRow]:
        cards, _ = await self.review.due_cards(learner, language="", limit=200)
        return cards


def _without_fsync(db: Database) -> Database:
    # Durability across a power cut is not what these tests are about; thousands of commits are.
    def relaxed(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA synchronous=OFF")

    event.listen(db.engine.sync_engine, "connect", relaxed)
    return db


@asynccontextmanager
async def running_platform(
    templates: MigratedTemplates, directory: Path, tutor: Callable[[InProcessTutor], Tutor] = lambda persona: persona
) -> AsyncIterator[Platform]:
    """Every service's migrated database in ``directory`` and its use cases wired together; the
    runs' tutor is the persona service's, or what ``tutor`` makes of it."""
    databases: dict[str, Database] = {}
    for name, migrations in (
        ("scenario", scenario_main.MIGRATIONS),
        ("persona", persona_main.MIGRATIONS),
        ("content", content_main.MIGRATIONS),
    ):
        url = await templates.sqlite_copy(name, migrations, directory / f"{name}.db")
        databases[name] = _without_fsync(Database(make_engine(url)))
    try:
        persona = await persona_main.build(databases["persona"], PersonaSettings(ai_base_url=""))
        [servicer] = [r.servicer for r in persona.registrations if r.full_name == TUTOR_SERVICE]
        content = await content_main.build(databases["content"], ContentSettings())
        catalogue = CatalogueService(db=databases["scenario"])
        await catalogue.seed_system_scenarios()
        yield Platform(
            catalogue=catalogue,
            runs=RunService(db=databases["scenario"], tutor=tutor(InProcessTutor(servicer))),
            review=DeckService(db=databases["content"]),
            scenario_db=databases["scenario"],
            content_db=databases["content"],
            content_subscriptions={s.event.event_type: s for s in content.subscriptions},
        )
    finally:
        for db in databases.values():
            await db.dispose()
