"""Importing documents and running their jobs, on SQLite and PostgreSQL, with small fake stages
(the real ones are tested on their own and end to end)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from parla.chassis.auth import Principal
from parla.chassis.errors import Conflict, InvalidArgument, NotFound
from parla.chassis.messaging import outbox_table
from parla.content.db import CardRow
from parla.content.documents.db import DocumentRow
from parla.content.documents.jobs import GAVE_UP, DocumentJobs, Stages
from parla.content.documents.runner import StageCrashed, run_inline
from parla.content.documents.service import DocumentService
from parla.content.words.service import WordService, statuses_for_analysis

from .document_fakes import MATERIAL, SENTENCE, FakeStages, imported


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


@pytest.fixture
def fake() -> FakeStages:
    return FakeStages()


@pytest.fixture
def jobs(db, fake: FakeStages) -> DocumentJobs:
    return DocumentJobs(db=db, stages=fake.stages(), runner=run_inline, lease_seconds=60, max_attempts=2)


async def test_an_import_is_stored_and_queued_at_once(db):
    caller = learner()
    document = await DocumentService(db=db).document(caller, await imported(db, caller))
    assert (document.stage, document.percent, document.kind, document.filename) == ("queued", 0, "txt", "notes.txt")


async def test_a_job_runs_every_stage_and_the_document_is_done_with_its_analysis_and_one_event(db, jobs, fake):
    caller = learner()
    document_id = await imported(db, caller)
    assert await jobs.work_once() is True
    document, material = await DocumentService(db=db).material(caller, document_id)
    assert (document.stage, document.percent) == ("done", 100)
    assert (document.language, document.level, document.topics, document.word_count) == ("fr", "A2", ["marché"], 7)
    assert document.title == "Au marché", "the document's own title, as none was given"
    assert material is not None and material.material == MATERIAL
    assert "sentences" not in material.analysis, "the text keeps the sentences; the stored analysis does not"
    assert "terms" not in material.analysis, "the body's words are an index of their own"
    documents, _ = await DocumentService(db=db).documents(caller, limit=0, offset=0, q="matin")
    assert [str(found.id) for found in documents] == [document_id], "found by a word of its body"
    assert fake.calls == ["extract", "analyse", "generate"]
    async with db.reading() as session:
        events = (await session.execute(select(outbox_table.c.event_type))).scalars().all()
        [card] = (await session.scalars(select(CardRow))).all()
    assert sorted(events) == ["card.created", "content.imported"]
    assert (card.key, card.front, card.source_kind, card.source_id) == ("marché", "marché", "document", document_id)
    assert SENTENCE in card.back and "no dictionary gloss" in card.back


async def test_the_material_is_glossed_in_the_language_the_import_asked_for(db, jobs, fake):
    caller = learner()
    document_id = await imported(db, caller, gloss_language="en")
    await imported(db, learner())
    await jobs.work_once()
    await jobs.work_once()
    assert fake.glossed == ["en", ""]
    assert (await DocumentService(db=db).document(caller, document_id)).gloss_language == "en"


async def test_an_unknown_gloss_language_is_refused_and_nothing_is_stored(db):
    caller = learner()
    with pytest.raises(InvalidArgument, match="gloss_language"):
        await imported(db, caller, gloss_language="xx")
    documents, total = await DocumentService(db=db).documents(caller, limit=0, offset=0)
    assert (documents, total) == ([], 0)


@pytest.mark.concurrent_transactions  # the statuses are read while the text is stored
async def test_the_analysis_is_given_the_owners_word_statuses(db, fake):
    caller = learner()
    await WordService(db=db).set_statuses(caller, [("fr", "marché", "known")])
    await WordService(db=db).set_statuses(learner(), [("fr", "samedi", "known")])
    jobs = DocumentJobs(
        db=db, stages=fake.stages(), runner=run_inline, known_words=lambda user_id: statuses_for_analysis(db, user_id)
    )
    await imported(db, caller)
    await jobs.work_once()
    assert fake.known == [{"fr": {"marché": "known"}}]


async def test_a_documents_flashcards_join_the_deck_once_beside_the_cards_the_learner_has(db, jobs):
    caller = learner()
    for _ in range(2):  # the same word in two documents: one card
        await imported(db, caller)
        await jobs.work_once()
    async with db.reading() as session:
        cards = (await session.scalars(select(CardRow))).all()
        created = (
            await session.execute(select(outbox_table.c.event_type).where(outbox_table.c.event_type == "card.created"))
        ).all()
    assert (len(cards), len(created)) == (1, 1)


async def test_with_nothing_queued_a_round_does_nothing(db, jobs, fake):
    assert await jobs.work_once() is False
    assert fake.calls == []


async def test_a_document_the_reader_refuses_fails_with_the_reason_and_the_next_one_is_processed(db, jobs, fake):
    caller = learner()
    refused = await imported(db, caller)
    fake.failing["extract"] = "this PDF is password-protected; export it without a password"
    await jobs.work_once()
    fake.failing.clear()
    accepted = await imported(db, caller)
    await jobs.work_once()
    service = DocumentService(db=db)
    failed = await service.document(caller, refused)
    assert (failed.stage, failed.failure_reason) == ("failed", "this PDF is password-protected; export it without a password")
    assert (await service.document(caller, accepted)).stage == "done"
    assert (await service.material(caller, refused))[1] is None, "a failed document shows no material"


async def test_a_stage_that_crashes_is_tried_again_and_after_its_attempts_the_document_fails(db, jobs, fake):
    caller = learner()
    document_id = await imported(db, caller)
    fake.crashing.add("analyse")
    await jobs.work_once()
    first = await DocumentService(db=db).document(caller, document_id)
    assert first.stage == "analysing", "the text it extracted is kept; the crashed stage is next"
    await jobs.work_once()
    last = await DocumentService(db=db).document(caller, document_id)
    assert last.stage == "failed"
    assert last.failure_reason == GAVE_UP.format(attempts=2, error="the worker process stopped")
    assert fake.calls == ["extract", "analyse", "analyse"]


async def test_a_stage_that_raises_counts_as_a_crash_and_the_worker_goes_on(db, fake):
    def broken(analysis, text, gloss_language, dictionary_dir):
        raise KeyError("vocabulary")

    stages = fake.stages()
    jobs = DocumentJobs(db=db, stages=Stages(stages.extract, stages.analyse, broken), runner=run_inline, max_attempts=1)
    caller = learner()
    document_id = await imported(db, caller)
    assert await jobs.work_once() is True
    failed = await DocumentService(db=db).document(caller, document_id)
    assert failed.stage == "failed"
    assert "KeyError in the broken" in failed.failure_reason


async def test_a_stage_stopped_by_the_services_shutdown_leaves_the_document_for_the_next_start_uncounted(db, fake):
    closed = []

    async def interrupted(stage, *args):
        jobs.stop()  # the shutdown stops the worker process under the running stage
        raise StageCrashed("the worker process stopped")

    jobs = DocumentJobs(db=db, stages=fake.stages(), runner=interrupted, max_attempts=1, on_stop=lambda: closed.append(True))
    caller = learner()
    document_id = await imported(db, caller)
    await jobs.work_once()
    async with db.reading() as session:
        document = await session.get(DocumentRow, uuid.UUID(document_id))
    assert (document.stage, document.attempts, document.lease_until) == ("extracting", 0, None)
    assert closed == [True], "stopping stops the worker process"


async def test_a_job_whose_worker_died_resumes_from_its_stage_once_the_lease_runs_out(db, jobs, fake):
    caller = learner()
    document_id = await imported(db, caller)
    fake.crashing.add("analyse")
    await jobs.work_once()  # extracted, then the analysis "died"
    fake.crashing.clear()
    held = datetime.now(UTC) + timedelta(minutes=5)
    async with db.transaction() as session:  # as if another worker held it, alive
        await session.execute(update(DocumentRow).values(lease_until=held))
    assert await jobs.work_once() is False, "a document with a live lease is left to its worker"
    async with db.transaction() as session:  # that worker died; its lease ran out
        await session.execute(update(DocumentRow).values(lease_until=datetime.now(UTC) - timedelta(seconds=1)))
    assert await jobs.work_once() is True
    assert (await DocumentService(db=db).document(caller, document_id)).stage == "done"
    assert fake.calls == ["extract", "analyse", "analyse", "generate"], "extraction is not done twice"


async def test_each_stage_hands_its_output_to_the_next_in_memory_and_a_resumed_one_reads_what_was_stored(db, jobs, fake):
    caller = learner()
    straight = await imported(db, caller)
    await jobs.work_once()
    resumed = await imported(db, caller, "Le marché ouvre tôt le dimanche.")
    fake.crashing.add("generate")
    await jobs.work_once()  # extracted and analysed, then the generation "died"
    assert (await DocumentService(db=db).document(caller, resumed)).stage == "generating"
    fake.crashing.clear()
    await jobs.work_once()
    assert fake.generated_from == [
        (True, ""),  # straight from the analysis, with its sentences
        (True, ""),
        (False, "Le marché ouvre tôt le dimanche."),  # the stored analysis, and the text to cut again
    ]
    for document_id in (straight, resumed):
        assert (await DocumentService(db=db).document(caller, document_id)).stage == "done"


@pytest.mark.concurrent_transactions  # the learner deletes while the job stores the text
async def test_a_document_deleted_while_a_stage_runs_ends_its_job_with_nothing_stored(db, fake):
    caller = learner()
    service = DocumentService(db=db)
    document_id = await imported(db, caller)

    async def deleted_during_the_analysis(stage, *args):
        if stage is fake_stages.analyse:
            await service.delete(caller, document_id)
        return await run_inline(stage, *args)

    fake_stages = fake.stages()
    jobs = DocumentJobs(db=db, stages=fake_stages, runner=deleted_during_the_analysis)
    assert await jobs.work_once() is True, "the round ends without an error"
    assert await service.documents(caller, limit=20, offset=0) == ([], 0)
    async with db.reading() as session:
        events = (await session.execute(select(outbox_table.c.event_type))).scalars().all()
        assert events == ["content.deleted"], "announced as deleted, never as imported"
        assert (await session.scalars(select(CardRow))).all() == [], "no cards from it"
    assert await jobs.work_once() is False


async def test_another_learners_document_is_not_found_for_reading_listing_or_deleting(db):
    owner, stranger = learner(), learner()
    document_id = await imported(db, owner)
    service = DocumentService(db=db)
    with pytest.raises(NotFound):
        await service.document(stranger, document_id)
    with pytest.raises(NotFound):
        await service.delete(stranger, document_id)
    assert await service.documents(stranger, limit=20, offset=0) == ([], 0)
    assert (await service.document(owner, document_id)).stage == "queued"


async def test_a_deleted_document_is_gone_with_its_material_and_its_job_stops(db, jobs):
    caller = learner()
    service = DocumentService(db=db)
    document_id = await imported(db, caller)
    await service.delete(caller, document_id)
    with pytest.raises(NotFound):
        await service.document(caller, document_id)
    assert await jobs.work_once() is False


async def test_documents_are_listed_newest_first_a_page_at_a_time(db):
    caller = learner()
    ids = [await imported(db, caller, f"Texte numéro {n}.") for n in range(3)]
    page, total = await DocumentService(db=db).documents(caller, limit=2, offset=0)
    assert total == 3
    assert [str(d.id) for d in page] == [ids[2], ids[1]]


@pytest.mark.parametrize(
    ("content", "text", "complaint"),
    [
        (b"", None, "empty"),
        (b"   \n ", None, "empty"),
        (b"hola", "hola", "either a file or text"),
        (None, None, "either a file or text"),
        (bytes(range(256)) * 4, None, ""),
    ],
)
async def test_an_import_that_cannot_be_a_document_is_refused_with_a_reason_and_nothing_is_stored(db, content, text, complaint):
    caller = learner()
    service = DocumentService(db=db)
    with pytest.raises(InvalidArgument) as refused:
        await service.import_document(caller, title="", filename="x.txt", content=content, text=text)
    assert complaint in refused.value.message
    assert await service.documents(caller, limit=20, offset=0) == ([], 0)


async def test_a_title_over_255_characters_is_refused(db):
    with pytest.raises(InvalidArgument, match="255"):
        await DocumentService(db=db).import_document(learner(), title="t" * 256, filename="", text="Hola.")


async def test_study_material_shows_the_learners_statuses_as_they_are_now_and_keeps_their_notes(db, jobs):
    caller = learner()
    document_id = await imported(db, caller)
    await jobs.work_once()
    await WordService(db=db).set_statuses(caller, [("fr", "samedi", "known")])
    service = DocumentService(db=db)
    view = await service.study_material(caller, document_id)
    assert view.statuses == {"samedi": "known"}
    assert (await service.update_notes(caller, document_id, "Revoir les jours.")).material.notes == "Revoir les jours."
    assert (await service.study_material(caller, document_id)).material.notes == "Revoir les jours."
    with pytest.raises(InvalidArgument, match="20,000"):
        await service.update_notes(caller, document_id, "x" * 20_001)


async def test_study_material_of_a_document_not_done_says_where_its_job_is_or_why_it_failed(db, jobs, fake):
    caller = learner()
    service = DocumentService(db=db)
    waiting = await imported(db, caller)
    with pytest.raises(Conflict, match=r"still being processed \(queued, 0%\)"):
        await service.study_material(caller, waiting)
    fake.failing["extract"] = "the file is damaged; export it again"
    await jobs.work_once()
    with pytest.raises(Conflict, match="could not be processed: the file is damaged"):
        await service.study_material(caller, waiting)
    with pytest.raises(Conflict):
        await service.update_notes(caller, waiting, "notes")
