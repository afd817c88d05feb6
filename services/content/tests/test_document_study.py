"""Studying a document on SQLite and PostgreSQL: time, progress, content.studied, and a mastery
that follows its flashcards in the deck."""

from __future__ import annotations

import uuid

import fsrs
import pytest
from sqlalchemy import select, update

from parla.chassis.auth import Principal
from parla.chassis.errors import Conflict, InvalidArgument
from parla.chassis.messaging import outbox_table
from parla.content.db import CardRow
from parla.content.documents.jobs import DocumentJobs
from parla.content.documents.runner import run_inline
from parla.content.documents.service import DocumentService
from parla.content.documents.study import MASTERED_DAYS, CardProgress, mastery

from .document_fakes import FakeStages, imported


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


async def done_document(db, caller: Principal) -> str:
    document_id = await imported(db, caller)
    await DocumentJobs(db=db, stages=FakeStages().stages(), runner=run_inline).work_once()
    return document_id


async def test_study_adds_up_time_keeps_the_furthest_progress_and_publishes_content_studied(db):
    caller = learner()
    service = DocumentService(db=db)
    document_id = await done_document(db, caller)
    await service.record_study(caller, document_id, seconds=300, progress_percent=60)
    studied = await service.record_study(caller, document_id, seconds=120, progress_percent=40)
    assert (studied.views, studied.study_seconds, studied.progress_percent) == (2, 420, 60)
    assert studied.last_studied_at is not None
    async with db.reading() as session:
        events = (await session.execute(select(outbox_table.c.event_type))).scalars().all()
    assert events.count("content.studied") == 2


async def test_mastery_follows_the_study_and_the_documents_cards_in_the_deck(db):
    caller = learner()
    service = DocumentService(db=db)
    document_id = await done_document(db, caller)

    async def current() -> str:
        document = await service.document(caller, document_id)
        return (await service.masteries(caller, [document]))[document.id]

    assert await current() == "not_started"
    await service.record_study(caller, document_id, seconds=60, progress_percent=100)
    assert await current() == "learning", "its card has not been reviewed yet"
    async with db.transaction() as session:
        await session.execute(update(CardRow).values(state=int(fsrs.State.Review), stability=5.0, last_review=CardRow.due))
    assert await current() == "reviewing"
    async with db.transaction() as session:
        await session.execute(update(CardRow).values(stability=MASTERED_DAYS + 1))
    assert await current() == "mastered"


async def test_only_a_done_document_can_be_studied_and_time_and_progress_are_bounded(db):
    caller = learner()
    service = DocumentService(db=db)
    queued = await imported(db, caller)
    with pytest.raises(Conflict, match="still being processed"):
        await service.record_study(caller, queued, seconds=60, progress_percent=10)
    done = await done_document(db, caller)
    for seconds, progress in ((0, 10), (14_401, 10), (60, 101), (60, -1)):
        with pytest.raises(InvalidArgument):
            await service.record_study(caller, done, seconds=seconds, progress_percent=progress)


@pytest.mark.parametrize(
    ("views", "progress", "cards", "expected"),
    [
        (0, 0, CardProgress(3, 0, 0, 0), "not_started"),
        (0, 0, CardProgress(3, 1, 0, 0), "learning"),
        (2, 100, CardProgress(3, 3, 2, 0), "learning"),
        (2, 90, CardProgress(3, 3, 3, 3), "learning"),
        (2, 100, CardProgress(3, 3, 3, 2), "reviewing"),
        (2, 100, CardProgress(3, 3, 3, 3), "mastered"),
    ],
)
def test_mastery_rule(views, progress, cards, expected):
    assert mastery(views=views, progress_percent=progress, cards=cards) == expected
