"""Review sessions on SQLite and PostgreSQL: which card comes next, with what intervals, within
the learner's daily limits; and the learner's settings."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from parla.chassis.errors import InvalidArgument, NotFound
from parla.content.review.domain import day_start

from .review_fixtures import Reviewing, exact_fsrs, learner


async def next_front(reviewing: Reviewing, session_id: str) -> str | None:
    found = await reviewing.sessions.next_card(reviewing.learner, session_id)
    return found.card.card.front if found.card else None


async def test_a_due_learning_step_comes_first_then_the_review_most_likely_forgotten_then_new_cards(reviewing: Reviewing):
    steady = await reviewing.card("estable")  # reviewed and well remembered
    shaky = await reviewing.card("frágil")  # reviewed, remembered badly
    for card_id in (steady, shaky):
        await reviewing.rate(card_id, "good")
        reviewing.clock.advance(minutes=10)
        await reviewing.rate(card_id, "easy" if card_id == steady else "good")
    learning = await reviewing.card("paso")
    await reviewing.rate(learning, "again")  # in its learning steps
    await reviewing.card("nuevo")
    reviewing.clock.advance(days=60)  # everything overdue
    session = await reviewing.sessions.start(reviewing.learner)
    sid = str(session.session.id)
    assert (session.learning_due, session.review_due, session.new_available) == (1, 2, 1)
    assert await next_front(reviewing, sid) == "paso"
    await reviewing.rate(learning, "good", session=sid)
    await reviewing.rate(learning, "good", session=sid)  # out of its steps: into review
    shown = await reviewing.sessions.next_card(reviewing.learner, sid)
    assert shown.card.card.front == "frágil", "lower predicted recall first"
    assert 0 < shown.retrievability < 1


async def test_the_next_card_comes_with_the_four_intervals_fsrs_gives_it(reviewing: Reviewing):
    card_id = await reviewing.card("ventana")
    session = await reviewing.sessions.start(reviewing.learner)
    shown = await reviewing.sessions.next_card(reviewing.learner, str(session.session.id))
    assert str(shown.card.card.id) == card_id
    from parla.content.review.convert import fsrs_card

    current = fsrs_card(shown.card.card)
    expected = [exact_fsrs().review_card(current, rating, review_datetime=reviewing.clock.now)[0].due for rating in range(1, 5)]
    assert [name for name, _ in shown.intervals] == ["again", "hard", "good", "easy"]
    assert [due for _, due in shown.intervals] == expected
    assert shown.retrievability == 0.0, "a new card has no memory yet"


async def test_due_cards_carry_the_same_intervals_as_the_next_card_would_so_they_can_be_reviewed_offline(reviewing: Reviewing):
    learned, fresh = await reviewing.card("puerta"), await reviewing.card("techo")
    await reviewing.rate(learned, "good")
    reviewing.clock.advance(days=30)
    session = await reviewing.sessions.start(reviewing.learner)
    cards, _ = await reviewing.deck.due_cards(reviewing.learner, language="", limit=10)
    found, at = await reviewing.sessions.intervals(reviewing.learner, cards)
    assert at == reviewing.clock.now and {str(c.id) for c in cards} == {learned, fresh}
    shown = await reviewing.sessions.next_card(reviewing.learner, str(session.session.id))
    assert found[shown.card.card.id] == shown.intervals
    assert all([name for name, _ in found[c.id]] == ["again", "hard", "good", "easy"] for c in cards)
    assert found[uuid.UUID(learned)] != found[uuid.UUID(fresh)], "each card's own memory"


async def test_the_daily_new_card_limit_holds_until_the_learners_next_day(reviewing: Reviewing):
    await reviewing.sessions.update_settings(reviewing.learner, new_cards_per_day=2, time_zone="America/Mexico_City")
    for word in ("uno", "dos", "tres"):
        await reviewing.card(word)
    sid = str((await reviewing.sessions.start(reviewing.learner)).session.id)
    seen = set()
    for _ in range(2):
        shown = await reviewing.sessions.next_card(reviewing.learner, sid)
        seen.add(shown.card.card.front)
        await reviewing.rate(str(shown.card.card.id), "easy", session=sid)
    assert await next_front(reviewing, sid) is None, "two new cards today already"
    view = (await reviewing.sessions.next_card(reviewing.learner, sid)).session
    assert (view.new_available, view.session.reviewed) == (0, 2)
    tomorrow = day_start(reviewing.clock.now, "America/Mexico_City") + timedelta(days=1, minutes=1)
    reviewing.clock.now = tomorrow
    assert await next_front(reviewing, sid) == ({"uno", "dos", "tres"} - seen).pop()


async def test_the_daily_review_limit_leaves_the_rest_for_tomorrow(reviewing: Reviewing):
    await reviewing.sessions.update_settings(reviewing.learner, reviews_per_day=1)
    for word in ("rojo", "azul"):
        card_id = await reviewing.card(word)
        await reviewing.rate(card_id, "easy")
    reviewing.clock.advance(days=40)
    sid = str((await reviewing.sessions.start(reviewing.learner)).session.id)
    shown = await reviewing.sessions.next_card(reviewing.learner, sid)
    assert shown.session.review_due == 1
    await reviewing.rate(str(shown.card.card.id), "good", session=sid)
    assert await next_front(reviewing, sid) is None


async def test_suspended_and_buried_cards_are_left_out_and_a_buried_one_returns_the_next_day(reviewing: Reviewing):
    suspended, buried = await reviewing.card("uno"), await reviewing.card("dos")
    await reviewing.deck.change(reviewing.learner, suspended, "suspend")
    await reviewing.deck.change(reviewing.learner, buried, "bury")
    sid = str((await reviewing.sessions.start(reviewing.learner)).session.id)
    assert await next_front(reviewing, sid) is None
    reviewing.clock.advance(days=1)
    assert await next_front(reviewing, sid) == "dos"


async def test_a_session_for_one_language_shows_only_its_cards(reviewing: Reviewing):
    await reviewing.card("maison", language="fr")
    await reviewing.card("casa", language="es")
    sid = str((await reviewing.sessions.start(reviewing.learner, language="fr")).session.id)
    assert await next_front(reviewing, sid) == "maison"


async def test_another_learners_session_is_not_found(reviewing: Reviewing):
    sid = str((await reviewing.sessions.start(reviewing.learner)).session.id)
    with pytest.raises(NotFound):
        await reviewing.sessions.next_card(learner(), sid)
    with pytest.raises(NotFound):
        await reviewing.sessions.next_card(reviewing.learner, str(uuid.uuid4()))


async def test_settings_start_at_the_defaults_and_change_only_what_is_given(reviewing: Reviewing):
    defaults = await reviewing.sessions.settings(reviewing.learner)
    assert (defaults.desired_retention, defaults.new_cards_per_day, defaults.reviews_per_day, defaults.time_zone) == (
        0.9,
        20,
        200,
        "UTC",
    )
    await reviewing.sessions.update_settings(reviewing.learner, desired_retention=0.85)
    changed = await reviewing.sessions.update_settings(reviewing.learner, time_zone="Europe/Madrid")
    assert (changed.desired_retention, changed.time_zone, changed.new_cards_per_day) == (0.85, "Europe/Madrid", 20)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"desired_retention": 0.5}, "desired_retention"),
        ({"desired_retention": 0.99}, "desired_retention"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
    ],
)
async def test_settings_out_of_range_are_refused_with_what_to_use(reviewing: Reviewing, change, field):
    with pytest.raises(InvalidArgument) as refused:
        await reviewing.sessions.update_settings(reviewing.learner, **change)
    assert field in refused.value.details


async def test_a_higher_desired_retention_gives_shorter_intervals(reviewing: Reviewing):
    async def good_interval() -> timedelta:
        card_id = await reviewing.card(f"palabra{uuid.uuid4().hex[:6]}")
        await reviewing.rate(card_id, "easy")
        result = await reviewing.rate(card_id, "good", at=reviewing.clock.advance(days=5))
        return result.card.due - result.card.last_review

    relaxed = await good_interval()
    await reviewing.sessions.update_settings(reviewing.learner, desired_retention=0.97)
    assert await good_interval() < relaxed


async def test_a_daily_new_card_limit_of_zero_pauses_new_cards(reviewing: Reviewing):
    await reviewing.card("pausa")
    await reviewing.sessions.update_settings(reviewing.learner, new_cards_per_day=0)
    assert (await reviewing.sessions.settings(reviewing.learner)).new_cards_per_day == 0
    sid = str((await reviewing.sessions.start(reviewing.learner)).session.id)
    assert await next_front(reviewing, sid) is None


async def test_a_session_of_chosen_words_holds_only_their_cards_that_are_new_or_due(reviewing: Reviewing):
    mesa, silla = await reviewing.card("mesa"), await reviewing.card("silla")
    await reviewing.card("plato")  # not among the words
    await reviewing.rate(silla, "easy")  # learnt: not due for days
    view = await reviewing.sessions.start(reviewing.learner, language="es", lemmas=["Mesa", "silla", "vaso"])
    assert (view.session.card_ids, view.new_available) == ([mesa], 1)
    sid = str(view.session.id)
    assert await next_front(reviewing, sid) == "mesa"
    await reviewing.rate(mesa, "easy", session=sid)
    assert await next_front(reviewing, sid) is None, "nothing else: the deck's other cards are not in it"


async def test_a_session_of_chosen_words_needs_their_language(reviewing: Reviewing):
    with pytest.raises(InvalidArgument) as refused:
        await reviewing.sessions.start(reviewing.learner, lemmas=["mesa"])
    assert "language" in refused.value.details


async def test_with_nothing_else_left_a_learning_step_due_within_20_minutes_is_shown_now(reviewing: Reviewing):
    card_id = await reviewing.card("pronto")
    sid = str((await reviewing.sessions.start(reviewing.learner)).session.id)
    await reviewing.rate(card_id, "again", session=sid)  # its next step is in a minute
    assert await next_front(reviewing, sid) == "pronto"
    await reviewing.rate(card_id, "good", session=sid)  # the next step is in 10 minutes: still shown
    assert await next_front(reviewing, sid) == "pronto"
    await reviewing.rate(card_id, "good", session=sid)  # graduated: days away
    assert await next_front(reviewing, sid) is None
