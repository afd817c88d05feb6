"""Rating scenarios: gated on a completed run and on visibility, one per learner and scenario,
summary counters moved in SQL by every change, events staged in the outbox. Both backends."""

from __future__ import annotations

import asyncio
import random
import uuid

import pytest
from sqlalchemy import select

from parla.chassis.errors import Conflict, InvalidArgument, NotFound
from parla.devstack.testing import outbox_events
from parla.organization.ratings.db import RatingRow, RatingSummaryRow
from parla.organization.ratings.domain import COUNTERS, DIMENSIONS, Scores, summary_delta
from parla.organization.ratings.repository import RatingRepository

from .catalogue_fixtures import complete, delete_scenario, learner
from .rating_fixtures import dims, played_scenario, player, rate, rating_service


@pytest.fixture
def ratings(db):
    return rating_service(db)


async def rating_rows(db) -> list[RatingRow]:
    async with db.reading() as session:
        return list(await session.scalars(select(RatingRow).order_by(RatingRow.created_at)))


async def counters(db, scenario: str) -> dict[str, int]:
    async with db.reading() as session:
        row = await session.get(RatingSummaryRow, scenario)
    return {name: getattr(row, name) for name in COUNTERS} if row else dict.fromkeys(COUNTERS, 0)


async def recounted(db, scenario: str) -> dict[str, int]:
    """The counters computed from every rating, as the kept ones must always be."""
    totals = dict.fromkeys(COUNTERS, 0)
    for row in await rating_rows(db):
        if row.scenario_id == scenario:
            scores = Scores(row.overall, tuple(getattr(row, name) for name in DIMENSIONS), row.has_review)
            for name, change in summary_delta(None, scores).items():
                totals[name] += change
    return totals


# --- who may rate -------------------------------------------------------------------------


async def test_a_learner_who_completed_a_run_rates_the_scenario_and_the_summary_counts_it(db, ratings):
    scenario = await played_scenario(db)
    user = await player(db, scenario)
    rating = await rate(ratings, user, scenario, 5, "  Muy útil.\nRealista.  ", engagement=3)
    assert (rating.scenario_id, rating.user_id, rating.overall, rating.review, rating.mine) == (
        scenario,
        user.user_id,
        5,
        "Muy útil.\nRealista.",
        True,
    )
    assert rating.dimensions == dims(engagement=3) and rating.created_at == rating.updated_at
    summary = await ratings.summary(learner(), scenario)
    assert (summary.count, summary.mean, summary.distribution, summary.review_count) == (1, 5.0, (0, 0, 0, 0, 1), 1)
    assert summary.dimension_means == {**dict.fromkeys(DIMENSIONS, 4.0), "engagement": 3.0}
    assert await ratings.mine(user, scenario) == rating


async def test_rating_before_completing_a_run_is_a_conflict_that_says_to_finish_one_and_stores_nothing(db, ratings):
    scenario = await played_scenario(db)
    with pytest.raises(Conflict, match="finish a run of this scenario before rating it"):
        await rate(ratings, learner(), scenario)
    assert await rating_rows(db) == [] and await outbox_events(db, "rating.submitted") == []


async def test_another_learners_private_scenario_is_not_found_for_rating_summary_and_reviews(db, ratings):
    owner, other = learner(), learner()
    scenario = await played_scenario(db, "mi-cena-privada", visibility="private", owner=owner)
    await complete(db, owner, scenario)
    await complete(db, other, scenario)  # even a completed run (it was public once) does not let them in
    with pytest.raises(NotFound):
        await rate(ratings, other, scenario)
    with pytest.raises(NotFound):
        await ratings.summary(other, scenario)
    with pytest.raises(NotFound):
        await ratings.reviews(other, scenario, sort="", limit=0, offset=0)
    assert (await rate(ratings, owner, scenario, 3)).overall == 3
    assert (await ratings.summary(owner, scenario)).count == 1


async def test_a_scenario_never_published_is_not_found(db, ratings):
    user = learner()
    await complete(db, user, "never-published")
    with pytest.raises(NotFound):
        await rate(ratings, user, "never-published")


async def test_a_deleted_scenario_cannot_be_rated_nor_summarised_but_its_rater_may_still_read_and_delete_theirs(db, ratings):
    scenario = await played_scenario(db)
    user = await player(db, scenario)
    await rate(ratings, user, scenario, 2)
    await delete_scenario(db, scenario)
    with pytest.raises(NotFound):
        await rate(ratings, user, scenario, 5)
    with pytest.raises(NotFound):
        await ratings.summary(user, scenario)
    assert (await ratings.mine(user, scenario)).overall == 2
    await ratings.delete(user, scenario)
    assert await rating_rows(db) == []


# --- one rating per learner and scenario --------------------------------------------------


async def test_rating_again_changes_the_one_rating_keeping_its_id_and_moves_the_counters(db, ratings):
    scenario = await played_scenario(db)
    user, other = await player(db, scenario), await player(db, scenario)
    first = await rate(ratings, user, scenario, 2, "Demasiado fácil", difficulty_accuracy=1)
    await rate(ratings, other, scenario, 4)
    second = await rate(ratings, user, scenario, 5, "", difficulty_accuracy=5)
    assert (second.id, second.created_at) == (first.id, first.created_at) and second.updated_at > first.updated_at
    assert [(row.user_id, row.overall, row.has_review) for row in await rating_rows(db)] == [
        (user.user_id, 5, False),
        (other.user_id, 4, False),
    ]
    kept = await counters(db, scenario)
    assert kept == await recounted(db, scenario)
    assert (kept["count"], kept["stars_2"], kept["stars_4"], kept["stars_5"], kept["review_count"]) == (2, 0, 1, 1, 0)
    assert kept["sum_difficulty_accuracy"] == 5 + 4
    summary = await ratings.summary(learner(), scenario)
    assert (summary.mean, summary.distribution) == (4.5, (0, 0, 0, 1, 1))


async def test_each_rating_and_change_stages_rating_submitted_with_the_previous_overall_on_a_change(db, ratings):
    scenario = await played_scenario(db)
    user = await player(db, scenario)
    rating = await rate(ratings, user, scenario, 3, "Bien")
    await rate(ratings, user, scenario, 4, engagement=2)
    first, change = await outbox_events(db, "rating.submitted")
    assert first["rating_id"] == change["rating_id"] == str(rating.id)
    assert (first["user_id"], first["scenario_id"], first["overall"], first["has_review"], first["previous_overall"]) == (
        str(user.user_id),
        scenario,
        3,
        True,
        None,
    )
    assert (change["overall"], change["has_review"], change["previous_overall"]) == (4, False, 3)
    assert change["dimensions"] == dims(engagement=2)


async def test_deleting_a_rating_moves_the_counters_back_and_stages_rating_deleted(db, ratings):
    scenario = await played_scenario(db)
    user, other = await player(db, scenario), await player(db, scenario)
    rating = await rate(ratings, user, scenario, 1, "Aburrido", engagement=1)
    await rate(ratings, other, scenario, 5)
    await ratings.delete(user, scenario)
    assert [row.user_id for row in await rating_rows(db)] == [other.user_id]
    kept = await counters(db, scenario)
    assert kept == await recounted(db, scenario)
    assert (kept["count"], kept["stars_1"], kept["sum_engagement"], kept["review_count"]) == (1, 0, 4, 0)
    [deleted] = await outbox_events(db, "rating.deleted")
    assert (deleted["rating_id"], deleted["user_id"], deleted["scenario_id"], deleted["overall"]) == (
        str(rating.id),
        str(user.user_id),
        scenario,
        1,
    )
    with pytest.raises(NotFound, match="you have not rated this scenario"):
        await ratings.mine(user, scenario)


async def test_deleting_a_rating_that_is_not_there_is_not_found_and_stages_nothing(db, ratings):
    scenario = await played_scenario(db)
    with pytest.raises(NotFound):
        await ratings.delete(await player(db, scenario), scenario)
    assert await outbox_events(db, "rating.deleted") == []


async def test_a_summary_of_a_scenario_nobody_rated_is_zeros(db, ratings):
    scenario = await played_scenario(db)
    summary = await ratings.summary(learner(), scenario)
    assert (summary.count, summary.mean, summary.distribution, summary.review_count) == (0, 0.0, (0,) * 5, 0)
    assert set(summary.dimension_means.values()) == {0.0}


async def test_a_review_of_only_spaces_is_no_review(db, ratings):
    scenario = await played_scenario(db)
    rating = await rate(ratings, await player(db, scenario), scenario, review=" \n\t ")
    assert rating.review == "" and (await counters(db, scenario))["review_count"] == 0


@pytest.mark.parametrize("seed", [7, 2026])
async def test_kept_counters_equal_a_recount_after_any_mix_of_ratings_changes_and_deletions(db, ratings, seed):
    chance = random.Random(seed)
    scenarios = [await played_scenario(db, name) for name in ("at-the-pharmacy", "hotel-check-in")]
    users = [learner() for _ in range(5)]
    for user in users:
        for scenario in scenarios:
            await complete(db, user, scenario)
    for _ in range(40):
        user, scenario = chance.choice(users), chance.choice(scenarios)
        if chance.random() < 0.3:
            try:
                await ratings.delete(user, scenario)
            except NotFound:
                pass
            continue
        values = {name: chance.randint(1, 5) for name in DIMENSIONS}
        await ratings.rate(
            user, scenario, overall=chance.randint(1, 5), dimensions=values, review=chance.choice(["", "Útil", "  "])
        )
    for scenario in scenarios:
        assert await counters(db, scenario) == await recounted(db, scenario)


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"overall": 0}, "overall"),
        ({"overall": 6}, "overall"),
        ({"dimensions": {name: 3 for name in DIMENSIONS if name != "engagement"}}, "dimensions.engagement"),
        ({"dimensions": dims(cultural_authenticity=6)}, "dimensions.cultural_authenticity"),
        ({"dimensions": dims(difficulty_accuracy=0)}, "dimensions.difficulty_accuracy"),
        ({"review": "x" * 2001}, "review"),
        ({"review": "<b>genial</b>"}, "review"),
        ({"review": "bien\x07"}, "review"),
        ({"scenario_id": "Not A Slug"}, "scenario_id"),
        ({"scenario_id": "a" * 101}, "scenario_id"),
    ],
    ids=lambda value: str(value)[:40],
)
async def test_bad_input_is_invalid_argument_naming_the_field_and_stores_nothing(db, ratings, change, field):
    scenario = await played_scenario(db)
    user = await player(db, scenario)
    request = {"scenario_id": scenario, "overall": 4, "dimensions": dims(), "review": "", **change}
    with pytest.raises(InvalidArgument) as raised:
        await ratings.rate(user, request.pop("scenario_id"), **request)
    assert field in raised.value.details
    assert await rating_rows(db) == []


async def test_a_review_of_exactly_2000_characters_is_kept_whole(db, ratings):
    scenario = await played_scenario(db)
    assert len((await rate(ratings, await player(db, scenario), scenario, review="á" * 2000)).review) == 2000


# --- at the same time -----------------------------------------------------------------------


def both_find_no_rating(monkeypatch, db) -> None:
    """On PostgreSQL, hold each of two rating requests after its first look for the learner's
    rating until both looked, so that both find none and both go on to insert."""
    if db.engine.dialect.name != "postgresql":
        return  # SQLite writers take turns: the second cannot look before the first commits
    barrier, mine = asyncio.Barrier(2), RatingRepository.mine
    looked: set[asyncio.Task] = set()

    async def mine_then_wait(self, *args, **kwargs):
        found = await mine(self, *args, **kwargs)
        if asyncio.current_task() not in looked:
            looked.add(asyncio.current_task())
            await asyncio.wait_for(barrier.wait(), 10)
        return found

    monkeypatch.setattr(RatingRepository, "mine", mine_then_wait)


@pytest.mark.concurrent_transactions
async def test_two_first_ratings_by_one_learner_at_once_end_in_one_rating_counted_once(db, ratings, monkeypatch):
    scenario = await played_scenario(db)
    user = await player(db, scenario)
    both_find_no_rating(monkeypatch, db)
    results = await asyncio.gather(rate(ratings, user, scenario, 2), rate(ratings, user, scenario, 5))
    assert len({result.id for result in results}) == 1
    [row] = await rating_rows(db)
    kept = await counters(db, scenario)
    assert kept == await recounted(db, scenario) and kept["count"] == 1
    submitted = await outbox_events(db, "rating.submitted")
    assert [event["previous_overall"] for event in submitted] == [None, submitted[0]["overall"]]
    assert row.overall == submitted[1]["overall"]


@pytest.mark.concurrent_transactions
async def test_many_learners_rating_one_scenario_at_once_are_all_counted(db, ratings):
    scenario = await played_scenario(db)
    users = [await player(db, scenario) for _ in range(8)]
    await asyncio.gather(*(rate(ratings, user, scenario, 1 + n % 5) for n, user in enumerate(users)))
    kept = await counters(db, scenario)
    assert kept == await recounted(db, scenario) and kept["count"] == 8


async def test_a_rating_id_that_is_not_a_uuid_is_invalid_argument(db, ratings):
    with pytest.raises(InvalidArgument) as raised:
        await ratings.vote(learner(), "not-a-uuid", helpful=True)
    assert "rating_id" in raised.value.details
    with pytest.raises(NotFound):
        await ratings.vote(learner(), str(uuid.uuid4()), helpful=True)
