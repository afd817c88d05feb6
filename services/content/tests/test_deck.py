"""The review deck on SQLite and PostgreSQL: cards from completed runs, and what is due."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from parla.chassis.auth import Principal
from parla.chassis.errors import InvalidArgument
from parla.chassis.messaging import outbox_table
from parla.content.consumers import on_scenarios_completed
from parla.content.db import CardRow, CardSourceRow
from parla.content.review.deck import DeckService
from parla.contracts.events import Mistake, ScenarioCompleted
from parla.devstack.testing import scenario_completed, vocabulary

NOW = datetime.now(UTC)


def completion(user_id: uuid.UUID, lemmas: list[str], *, language: str = "es", mistakes=()) -> ScenarioCompleted:
    words = vocabulary(*lemmas)
    return scenario_completed(user_id=user_id, language=language, vocabulary_missed=words, mistakes=list(mistakes))


async def on_scenario_completed(session, event: ScenarioCompleted) -> None:
    """One event, as the consumer applies it when it isolates a failing batch."""
    await on_scenarios_completed(session, [event])


async def count(db, model_or_table) -> int:
    async with db.reading() as session:
        return await session.scalar(select(func.count()).select_from(model_or_table))


async def test_a_completion_adds_a_card_per_missed_word_and_mistake_with_events(db):
    event = completion(uuid.uuid4(), ["mesa", "reserva", "cuenta"], mistakes=[Mistake(said="un mesa", correction="una mesa")])
    async with db.transaction() as session:
        await on_scenario_completed(session, event)
    assert await count(db, CardRow) == 4
    assert await count(db, outbox_table) == 4
    async with db.reading() as session:
        sources = set((await session.execute(select(CardRow.source_kind, CardRow.source_id))).all())
    assert sources == {("scenario_run", str(event.run_id))}


async def test_a_lemma_the_learner_already_has_is_not_added_again(db):
    user = uuid.uuid4()
    async with db.transaction() as session:
        await on_scenario_completed(session, completion(user, ["mesa", "reserva"]))
    async with db.transaction() as session:
        await on_scenario_completed(session, completion(user, ["Mesa", "cuenta"]))
    assert await count(db, CardRow) == 3


async def test_each_run_naming_a_card_the_learner_has_is_one_more_source_of_it_and_a_run_again_adds_none(db):
    user = uuid.uuid4()
    first, second = completion(user, ["mesa", "cuenta"]), completion(user, ["mesa"])
    for event in (first, second, second, first):  # the last two again, as a replay outside the inbox would
        async with db.transaction() as session:
            await on_scenario_completed(session, event)
    async with db.reading() as session:
        sources = (await session.execute(select(CardRow.key, CardSourceRow.source_id).join(CardSourceRow))).all()
    assert sorted(sources) == sorted([("cuenta", str(first.run_id)), ("mesa", str(first.run_id)), ("mesa", str(second.run_id))])


async def test_a_batch_adds_one_card_per_learner_language_and_lemma_however_many_of_its_runs_name_it(db):
    user, other = uuid.uuid4(), uuid.uuid4()
    async with db.transaction() as session:
        await on_scenario_completed(session, completion(user, ["mesa"]))
    batch = [
        completion(user, ["mesa", "reserva"]),
        completion(user, ["Reserva", "cuenta"]),
        completion(user, ["cuenta"], language="it"),
        completion(other, ["mesa", "reserva"]),
    ]
    async with db.transaction() as session:
        await on_scenarios_completed(session, batch)
    async with db.reading() as session:
        cards = set((await session.execute(select(CardRow.user_id, CardRow.language, CardRow.key))).all())
    assert cards == {
        (user, "es", "mesa"),
        (user, "es", "reserva"),
        (user, "es", "cuenta"),
        (user, "it", "cuenta"),
        (other, "es", "mesa"),
        (other, "es", "reserva"),
    }
    assert await count(db, outbox_table) == 6  # one card.created per card, the first included


async def test_the_same_lemma_in_another_language_or_for_another_learner_is_a_new_card(db):
    user = uuid.uuid4()
    async with db.transaction() as session:
        await on_scenario_completed(session, completion(user, ["casa"]))
        await on_scenario_completed(session, completion(user, ["casa"], language="it"))
        await on_scenario_completed(session, completion(uuid.uuid4(), ["casa"]))
    assert await count(db, CardRow) == 3


async def test_due_cards_are_the_callers_own_most_overdue_first_and_capped(db):
    user = uuid.uuid4()
    async with db.transaction() as session:
        await on_scenario_completed(session, completion(user, [f"palabra{i}" for i in range(5)]))
        await on_scenario_completed(session, completion(uuid.uuid4(), ["ajena"]))
        cards = list(await session.scalars(select(CardRow).where(CardRow.user_id == user).order_by(CardRow.key)))
        for offset, card in enumerate(cards):
            card.due = NOW - timedelta(hours=offset)
        cards[0].due = NOW + timedelta(days=3)  # not due yet
    service = DeckService(db=db)
    caller = Principal(subject=str(user), roles=frozenset({"learner"}))
    due, total = await service.due_cards(caller, language="", limit=2)
    assert total == 4
    assert [c.key for c in due] == ["palabra4", "palabra3"]
    none, zero = await service.due_cards(caller, language="fr", limit=10)
    assert (none, zero) == ([], 0)


async def test_a_negative_limit_is_refused(db):
    with pytest.raises(InvalidArgument):
        await DeckService(db=db).due_cards(Principal(str(uuid.uuid4()), frozenset()), language="", limit=-1)


def learner_of(user: uuid.UUID) -> Principal:
    return Principal(subject=str(user), roles=frozenset({"learner"}))


async def test_the_cards_a_run_added_are_listed_by_its_id_for_its_learner_alone_including_a_word_already_known(db):
    learner = uuid.uuid4()
    first = completion(learner, ["mesa"])
    second = completion(learner, ["mesa", "cuenta", "propina"])  # mesa: one more source of the same card
    async with db.transaction() as session:
        await on_scenarios_completed(session, [first])
    async with db.transaction() as session:
        await on_scenarios_completed(session, [second])
    deck, caller = DeckService(db=db), learner_of(learner)
    page, more = await deck.from_source(caller, kind="scenario_run", source_id=str(second.run_id), limit=2, offset=0)
    rest, done = await deck.from_source(caller, kind="scenario_run", source_id=str(second.run_id), limit=2, offset=2)
    assert more and not done
    assert sorted(view.card.key for view in page + rest) == ["cuenta", "mesa", "propina"]
    assert all(str(second.run_id) in {s.source_id for s in view.sources} for view in page + rest)
    someone, _ = await deck.from_source(
        learner_of(uuid.uuid4()), kind="scenario_run", source_id=str(second.run_id), limit=50, offset=0
    )
    assert someone == []


@pytest.mark.parametrize(("kind", "source_id", "limit"), [("run", "x", 10), ("scenario_run", "", 10), ("document", "x", 201)])
async def test_a_card_listing_with_an_unknown_kind_no_source_or_too_large_a_page_is_refused(db, kind, source_id, limit):
    with pytest.raises(InvalidArgument):
        await DeckService(db=db).from_source(learner_of(uuid.uuid4()), kind=kind, source_id=source_id, limit=limit, offset=0)
