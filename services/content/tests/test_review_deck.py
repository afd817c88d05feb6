"""The deck as a learner manages it, on SQLite and PostgreSQL: cards of their own, one card per
word with every source kept, editing, suspending, resetting and deleting."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from parla.chassis.errors import InvalidArgument, NotFound
from parla.content.consumers import on_scenarios_completed
from parla.content.review.db import ReviewLogRow
from parla.devstack.testing import scenario_completed, vocabulary

from .review_fixtures import Reviewing, learner


async def test_a_card_of_the_learners_own_is_new_with_its_manual_source_and_tags(reviewing: Reviewing):
    view = await reviewing.deck.add(reviewing.learner, language="es", front=" la mesa ", back="the table", tags=["Casa", "casa "])
    assert (view.card.front, view.card.back, view.card.key, view.card.tags) == ("la mesa", "the table", "la mesa", ["casa"])
    assert view.card.last_review is None and view.card.queue == 0
    assert [(source.kind, source.source_id) for source in view.sources] == [("manual", str(view.card.id))]


async def test_a_word_the_learner_already_has_gets_another_source_not_a_second_card(db, reviewing: Reviewing):
    completed = scenario_completed(user_id=reviewing.learner.user_id, language="es", vocabulary_missed=vocabulary("mesa"))
    async with db.transaction() as session:
        await on_scenarios_completed(session, [completed])
    reviewing.clock.now = datetime.now(UTC)  # the consumer's clock is the real one
    again = await reviewing.deck.add(reviewing.learner, language="es", front="Mesa", back="table", tags=[], lemma="mesa")
    assert again.card.source_kind == "scenario_run", "the card the run made, not a new one"
    assert [source.kind for source in again.sources] == ["scenario_run", "manual"]
    repeat = scenario_completed(user_id=reviewing.learner.user_id, language="es", vocabulary_missed=vocabulary("mesa"))
    async with db.transaction() as session:
        await on_scenarios_completed(session, [repeat, repeat])
    view = await reviewing.deck.card(reviewing.learner, str(again.card.id))
    assert [source.source_id for source in view.sources][-1] == str(repeat.run_id)
    assert len(view.sources) == 3, "each source once"


async def test_editing_changes_the_sides_given_and_replaces_tags_only_when_asked(reviewing: Reviewing):
    card_id = await reviewing.card("cuchara")
    await reviewing.deck.edit(reviewing.learner, card_id, tags=["cocina"], replace_tags=True)
    view = await reviewing.deck.edit(reviewing.learner, card_id, back="spoon")
    assert (view.card.front, view.card.back, view.card.tags) == ("cuchara", "spoon", ["cocina"])


async def test_unsuspending_a_leech_returns_it_to_its_queue_without_the_leech_tag(reviewing: Reviewing):
    card_id = await reviewing.card("olvido")
    await reviewing.rate(card_id, "easy")
    await reviewing.deck.edit(reviewing.learner, card_id, tags=["leech", "mío"], replace_tags=True)
    await reviewing.deck.change(reviewing.learner, card_id, "suspend")
    view = await reviewing.deck.change(reviewing.learner, card_id, "unsuspend")
    assert (view.card.queue, view.card.tags) == (2, ["mío"])


async def test_reset_makes_a_card_new_again_and_keeps_its_log(db, reviewing: Reviewing):
    card_id = await reviewing.card("reloj")
    await reviewing.rate(card_id, "good")
    view = await reviewing.deck.change(reviewing.learner, card_id, "reset")
    assert (view.card.last_review, view.card.stability, view.card.queue, view.card.reps) == (None, None, 0, 0)
    async with db.reading() as session:
        assert len((await session.scalars(select(ReviewLogRow))).all()) == 1


async def test_a_deleted_card_is_gone_and_its_log_stays(db, reviewing: Reviewing):
    card_id = await reviewing.card("silla")
    await reviewing.rate(card_id, "good")
    await reviewing.deck.delete(reviewing.learner, card_id)
    with pytest.raises(NotFound):
        await reviewing.deck.card(reviewing.learner, card_id)
    async with db.reading() as session:
        assert len((await session.scalars(select(ReviewLogRow))).all()) == 1


async def test_another_learners_card_is_not_found_for_reading_changing_or_deleting(reviewing: Reviewing):
    card_id = await reviewing.card("puerta")
    stranger = learner()
    for attempt in (
        reviewing.deck.card(stranger, card_id),
        reviewing.deck.edit(stranger, card_id, back="x"),
        reviewing.deck.change(stranger, card_id, "suspend"),
        reviewing.deck.delete(stranger, card_id),
        reviewing.deck.card(reviewing.learner, str(uuid.uuid4())),
        reviewing.deck.card(reviewing.learner, "not-an-id"),
    ):
        with pytest.raises(NotFound):
            await attempt


@pytest.mark.parametrize(
    ("card", "field"),
    [
        ({"language": "xx", "front": "a", "back": "b"}, "language"),
        ({"language": "es", "front": "  ", "back": "b"}, "front"),
        ({"language": "es", "front": "a", "back": "b" * 2001}, "back"),
        ({"language": "es", "front": "a", "back": "b", "tags": ["t" * 51]}, "tags"),
    ],
)
async def test_a_card_with_a_bad_field_is_refused_naming_it(reviewing: Reviewing, card, field):
    with pytest.raises(InvalidArgument) as refused:
        await reviewing.deck.add(reviewing.learner, **{"tags": [], **card})
    assert field in refused.value.details


async def test_an_unknown_change_is_refused_with_the_changes_there_are(reviewing: Reviewing):
    card_id = await reviewing.card("vela")
    with pytest.raises(InvalidArgument, match="suspend, unsuspend, bury, reset"):
        await reviewing.deck.change(reviewing.learner, card_id, "freeze")
