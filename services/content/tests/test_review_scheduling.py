"""Recording reviews on SQLite and PostgreSQL: the deck schedules exactly as the fsrs package
does, a review counts once however often it is sent, and an offline client's batch lands in the
order its reviews happened."""

from __future__ import annotations

import uuid
from datetime import timedelta

import fsrs
import orjson
import pytest
from sqlalchemy import func, select

from parla.chassis.errors import InvalidArgument
from parla.chassis.messaging import outbox_table
from parla.content.db import CardRow
from parla.content.review.db import ReviewLogRow
from parla.content.review.sessions import ReviewInput

from .review_fixtures import START, Reviewing, exact_fsrs, learner

RATING = {"again": fsrs.Rating.Again, "hard": fsrs.Rating.Hard, "good": fsrs.Rating.Good, "easy": fsrs.Rating.Easy}


async def stored(db, card_id: str) -> CardRow:
    async with db.reading() as session:
        return await session.get(CardRow, uuid.UUID(card_id))


async def logs(db, card_id: str) -> list[ReviewLogRow]:
    async with db.reading() as session:
        return list(await session.scalars(select(ReviewLogRow).where(ReviewLogRow.card_id == uuid.UUID(card_id))))


async def recorded_events(db) -> list[dict]:
    async with db.reading() as session:
        rows = await session.execute(select(outbox_table.c.payload).where(outbox_table.c.event_type == "review.recorded"))
        return [orjson.loads(row[0]) for row in rows]


def assert_same_schedule(row: CardRow, expected: fsrs.Card) -> None:
    assert (fsrs.State(row.state), row.step) == (expected.state, expected.step)
    assert row.stability == pytest.approx(expected.stability)
    assert row.difficulty == pytest.approx(expected.difficulty)
    assert (row.due, row.last_review) == (expected.due, expected.last_review)


HISTORY = [  # (minutes after the previous review, rating)
    (0, "good"),
    (10, "good"),
    (60 * 24 * 3, "good"),
    (60 * 24 * 9, "again"),
    (10, "hard"),
    (60 * 24 * 2, "easy"),
    (60 * 24 * 40, "good"),
]


async def test_states_stability_difficulty_and_due_match_the_fsrs_package_over_a_scripted_history(db, reviewing: Reviewing):
    card_id = await reviewing.card("mesa")
    row = await stored(db, card_id)
    expected = fsrs.Card(card_id=row.fsrs_card_id, due=row.due)
    for minutes, rating in HISTORY:
        at = reviewing.clock.advance(minutes=minutes)
        result = await reviewing.rate(card_id, rating)
        assert result.status == "applied"
        expected, _ = exact_fsrs().review_card(expected, RATING[rating], review_datetime=at)
        assert_same_schedule(await stored(db, card_id), expected)
    final = await stored(db, card_id)
    assert (final.reps, final.lapses) == (len(HISTORY), 1), "one again after graduating: one lapse"


async def test_the_same_review_sent_twice_is_recorded_once_and_answers_duplicate(db, reviewing: Reviewing):
    card_id = await reviewing.card("cuenta")
    review_id = str(uuid.uuid4())
    first = await reviewing.rate(card_id, "good", review_id=review_id)
    reviewing.clock.advance(minutes=30)
    again = await reviewing.rate(card_id, "again", review_id=review_id)
    assert (first.status, again.status) == ("applied", "duplicate")
    assert again.card is not None and again.card.due == first.card.due, "the retry changed nothing"
    assert len(await logs(db, card_id)) == 1
    assert len(await recorded_events(db)) == 1


async def test_a_sync_applies_its_reviews_in_the_order_they_happened_and_answers_each_in_the_order_sent(db, reviewing: Reviewing):
    card_id = await reviewing.card("reserva")
    row = await stored(db, card_id)
    times = [START + timedelta(minutes=1), START + timedelta(minutes=12), START + timedelta(days=4)]
    ratings = ["good", "good", "hard"]
    reviewing.clock.advance(days=5)
    ids = [str(uuid.uuid4()) for _ in times]
    batch = [ReviewInput(ids[n], card_id, ratings[n], reviewed_at=times[n]) for n in (2, 0, 1)]  # sent out of order
    batch.append(ReviewInput(ids[0], card_id, "easy", reviewed_at=times[0]))  # the same review again
    results = await reviewing.sessions.sync(reviewing.learner, batch)
    assert [(r.client_review_id, r.status) for r in results] == [
        (ids[2], "applied"),
        (ids[0], "applied"),
        (ids[1], "applied"),
        (ids[0], "duplicate"),
    ]
    expected = fsrs.Card(card_id=row.fsrs_card_id, due=row.due)
    for at, rating in zip(times, ratings, strict=True):
        expected, _ = exact_fsrs().review_card(expected, RATING[rating], review_datetime=at)
    assert_same_schedule(await stored(db, card_id), expected)
    assert sorted(log.reviewed_at for log in await logs(db, card_id)) == times

    again = await reviewing.sessions.sync(reviewing.learner, batch)
    assert {result.status for result in again} == {"duplicate"}, "the same batch twice changes nothing"
    assert_same_schedule(await stored(db, card_id), expected)


async def test_a_review_made_offline_before_the_cards_latest_takes_its_place_in_time(db, reviewing: Reviewing):
    card_id = await reviewing.card("camarero")
    row = await stored(db, card_id)
    offline_at = reviewing.clock.advance(minutes=1)
    online_at = reviewing.clock.advance(minutes=20)
    await reviewing.rate(card_id, "good", at=online_at)  # another device, online
    reviewing.clock.advance(hours=2)
    late = await reviewing.rate(card_id, "again", at=offline_at)  # synced later, happened earlier
    assert late.status == "applied"
    expected = fsrs.Card(card_id=row.fsrs_card_id, due=row.due)
    expected, _ = exact_fsrs().review_card(expected, fsrs.Rating.Again, review_datetime=offline_at)
    expected, _ = exact_fsrs().review_card(expected, fsrs.Rating.Good, review_datetime=online_at)
    assert_same_schedule(await stored(db, card_id), expected)


async def test_a_review_of_a_card_not_in_the_deck_is_a_conflict_and_the_rest_of_the_batch_is_applied(db, reviewing: Reviewing):
    card_id = await reviewing.card("plato")
    theirs = await reviewing.card("vaso", caller=learner())
    batch = [
        ReviewInput(str(uuid.uuid4()), str(uuid.uuid4()), "good"),
        ReviewInput(str(uuid.uuid4()), theirs, "good"),
        ReviewInput(str(uuid.uuid4()), card_id, "good"),
    ]
    results = await reviewing.sessions.sync(reviewing.learner, batch)
    assert [r.status for r in results] == ["conflict", "conflict", "applied"]
    assert "not in your deck" in results[0].conflict
    assert (await stored(db, theirs)).last_review is None, "another learner's card is untouched"


async def test_a_review_dated_in_the_future_counts_as_made_now(db, reviewing: Reviewing):
    card_id = await reviewing.card("postre")
    result = await reviewing.rate(card_id, "good", at=reviewing.clock.now + timedelta(days=3))
    assert result.card.last_review == reviewing.clock.now


@pytest.mark.parametrize(
    ("field", "item"),
    [
        ("rating", lambda card: ReviewInput(str(uuid.uuid4()), card, "perfect")),
        ("client_review_id", lambda card: ReviewInput("r-1", card, "good")),
        ("card_id", lambda card: ReviewInput(str(uuid.uuid4()), "card-1", "good")),
    ],
)
async def test_a_malformed_review_is_refused_naming_its_field_and_nothing_is_recorded(db, reviewing: Reviewing, field, item):
    card_id = await reviewing.card("sal")
    with pytest.raises(InvalidArgument) as refused:
        await reviewing.sessions.sync(reviewing.learner, [ReviewInput(str(uuid.uuid4()), card_id, "good"), item(card_id)])
    assert field in refused.value.details
    assert await logs(db, card_id) == []


async def test_a_batch_over_1000_reviews_is_refused(reviewing: Reviewing):
    with pytest.raises(InvalidArgument, match="1,000"):
        await reviewing.sessions.sync(reviewing.learner, [ReviewInput(str(uuid.uuid4()), str(uuid.uuid4()), "good")] * 1001)


async def test_review_recorded_carries_the_rating_elapsed_days_predicted_recall_and_memory_before_and_after(
    db, reviewing: Reviewing
):
    card_id = await reviewing.card("aceite")
    await reviewing.rate(card_id, "good")
    reviewing.clock.advance(minutes=10)
    await reviewing.rate(card_id, "good")
    reviewing.clock.advance(days=6)
    await reviewing.rate(card_id, "hard")
    first, _, third = sorted(await recorded_events(db), key=lambda event: event["reviewed_at"])
    assert (first["rating"], first["elapsed_days"], first["retrievability"]) == ("good", None, 0)
    assert first["before"] == {"state": "new", "stability": None, "difficulty": None}
    assert third["rating"] == "hard" and third["elapsed_days"] == pytest.approx(6.0)
    assert 0 < third["retrievability"] < 1
    assert third["before"]["state"] == "review" and third["after"]["state"] == "review"
    assert third["after"]["stability"] != third["before"]["stability"]
    [log] = [log for log in await logs(db, card_id) if log.rating == int(fsrs.Rating.Hard)]
    assert log.retrievability == pytest.approx(third["retrievability"])


async def test_eight_lapses_make_a_card_a_leech_suspended_and_tagged(db, reviewing: Reviewing):
    card_id = await reviewing.card("difícil")
    await reviewing.rate(card_id, "easy")  # straight to review
    for lapse in range(1, 9):
        reviewing.clock.advance(days=30)
        await reviewing.rate(card_id, "again")  # a lapse
        if lapse < 8:
            assert (await stored(db, card_id)).queue != -1, f"suspended after {lapse} lapses"
            reviewing.clock.advance(minutes=15)
            await reviewing.rate(card_id, "good")  # relearnt
    card = await stored(db, card_id)
    assert (card.lapses, card.queue, card.tags) == (8, -1, ["leech"])
    async with db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(ReviewLogRow)) == 1 + 2 * 8 - 1


async def test_a_word_whose_card_is_remembered_for_three_weeks_becomes_known_unless_the_learner_ignores_it(
    db, reviewing: Reviewing
):
    from parla.content.words.service import WordService

    words = WordService(db=db)
    kept, ignored = await reviewing.card("montaña"), await reviewing.card("río")
    await words.set_statuses(reviewing.learner, [("es", "montaña", "learning"), ("es", "río", "ignored")])
    for card_id in (kept, ignored):
        reviewing.clock.now = START
        await reviewing.rate(card_id, "easy")
        for days in (10, 30, 90):
            await reviewing.rate(card_id, "good", at=reviewing.clock.advance(days=days))
    assert (await stored(db, kept)).stability >= 21
    page = await words.words(reviewing.learner, language="es", status="", limit=10, offset=0)
    assert {(word.lemma, word.status) for word in page.words} == {("montaña", "known"), ("río", "ignored")}


async def test_a_batch_from_a_clock_running_ahead_keeps_the_time_between_its_reviews(db, reviewing: Reviewing):
    card_id = await reviewing.card("adelantado")
    ahead = timedelta(hours=2)
    first_at, second_at = reviewing.clock.now - timedelta(minutes=30), reviewing.clock.now - timedelta(minutes=15)
    batch = [
        ReviewInput(str(uuid.uuid4()), card_id, "good", reviewed_at=first_at + ahead),
        ReviewInput(str(uuid.uuid4()), card_id, "good", reviewed_at=second_at + ahead),
    ]
    await reviewing.sessions.sync(reviewing.learner, batch)
    times = sorted(log.reviewed_at for log in await logs(db, card_id))
    assert times[1] - times[0] == timedelta(minutes=15), "not squeezed into one moment"
    assert times[1] == reviewing.clock.now, "the latest lands at most at now"


async def test_a_review_made_before_the_card_was_reset_is_a_conflict_and_leaves_it_new(db, reviewing: Reviewing):
    card_id = await reviewing.card("reiniciada")
    offline_at = reviewing.clock.now
    reviewing.clock.advance(hours=1)
    await reviewing.deck.change(reviewing.learner, card_id, "reset")
    reviewing.clock.advance(hours=1)
    result = await reviewing.rate(card_id, "good", at=offline_at)
    assert (result.status, "reset" in result.conflict) == ("conflict", True)
    assert (await stored(db, card_id)).last_review is None


def test_a_card_is_a_leech_at_the_threshold_and_again_every_half_threshold_so_an_unsuspended_one_gets_a_chance():
    from parla.content.review.domain import is_leech

    assert [n for n in range(1, 21) if is_leech(n, 8)] == [8, 12, 16, 20]
    assert [n for n in range(1, 4) if is_leech(n, 1)] == [1, 2, 3]


@pytest.mark.concurrent_transactions
async def test_one_review_id_sent_for_two_cards_at_once_is_recorded_once_and_the_other_answers_duplicate(
    db, reviewing: Reviewing
):
    import asyncio

    first, second = await reviewing.card("uno"), await reviewing.card("dos")
    review_id = str(uuid.uuid4())
    results = await asyncio.gather(
        reviewing.sessions.record(reviewing.learner, ReviewInput(review_id, first, "good")),
        reviewing.sessions.record(reviewing.learner, ReviewInput(review_id, second, "good")),
    )
    assert sorted(result.status for result in results) == ["applied", "duplicate"]
    async with db.reading() as session:
        assert await session.scalar(select(func.count()).select_from(ReviewLogRow)) == 1
