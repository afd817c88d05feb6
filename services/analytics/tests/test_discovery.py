"""Discovery kept from scripted events on SQLite and PostgreSQL: decayed trending, popularity and
top rated, listing only public scenarios still there, whatever order the events come in."""

from __future__ import annotations

import math
import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from parla.analytics.discovery import domain
from parla.analytics.discovery.service import DiscoveryProjection, DiscoveryService
from parla.chassis.errors import InvalidArgument
from parla.contracts.events import (
    BookmarkAdded,
    BookmarkRemoved,
    RatingDeleted,
    RatingDimensions,
    RatingSubmitted,
    ScenarioDeleted,
    ScenarioPublished,
    ScenarioUpdated,
    ScenarioViewed,
)
from parla.devstack.testing import scenario_completed

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
DAY = timedelta(days=1)
HANDLERS = {
    ScenarioPublished: "scenarios_changed",
    ScenarioUpdated: "scenarios_changed",
    ScenarioDeleted: "scenarios_changed",
    ScenarioViewed: "viewed",
    RatingSubmitted: "rated",
    RatingDeleted: "unrated",
    BookmarkAdded: "bookmarked",
    BookmarkRemoved: "unbookmarked",
}


def published(scenario_id: str, *, kind=ScenarioPublished, visibility="public", category="restaurant", at=NOW - 30 * DAY):
    return kind(
        scenario_id=scenario_id, visibility=visibility, category=category, difficulty="beginner", languages=["es", "fr"],
        titles={"es": f"{scenario_id} es", "fr": f"{scenario_id} fr"}, text=scenario_id, occurred_at=at,
    )  # fmt: skip


def viewed(scenario_id: str, at: datetime, language: str = "es") -> ScenarioViewed:
    return ScenarioViewed(
        user_id=uuid.uuid4(),
        scenario_id=scenario_id,
        language=language,
        category="restaurant",
        difficulty="beginner",
        occurred_at=at,
    )


def rated(scenario_id: str, overall: int, *, previous: int | None = None, at: datetime = NOW) -> RatingSubmitted:
    dims = RatingDimensions(difficulty_accuracy=4, engagement=4, learning_effectiveness=4, cultural_authenticity=4)
    return RatingSubmitted(
        rating_id=uuid.uuid4(), user_id=uuid.uuid4(), scenario_id=scenario_id, overall=overall, dimensions=dims,
        previous_overall=previous, occurred_at=at,
    )  # fmt: skip


async def apply(db, *events, projection: DiscoveryProjection | None = None) -> None:
    """Each event type as its consumer applies a batch of it, in the order given."""
    projection = projection or DiscoveryProjection(top_rated_minimum=3)
    async with db.transaction() as session:
        for event in events:
            if isinstance(event, type(scenario_completed())):
                await projection.completed(session, [event])
            else:
                await getattr(projection, HANDLERS[type(event)])(session, [event])


@pytest.fixture
def discovery(db) -> DiscoveryService:
    return DiscoveryService(db=db, clock=lambda: NOW)


def ids(page) -> list[str]:
    return [found.scenario.scenario_id for found in page.scenarios]


def test_engagement_halves_every_half_life_and_a_stored_sum_keeps_the_order_of_decayed_scores():
    half = domain.DEFAULT_HALF_LIFE
    one_view_then = domain.contribution(domain.VIEW, NOW - half, half)
    assert math.isclose(domain.decayed(one_view_then, NOW, half), 0.5)
    assert math.isclose(domain.decayed(domain.contribution(domain.COMPLETION, NOW, half), NOW, half), 5.0)
    with pytest.raises(ValueError):
        DiscoveryProjection(timedelta(hours=1))


async def test_trending_prefers_recent_engagement_to_more_engagement_long_ago(db, discovery):
    await apply(db, published("old-favourite"), published("new-hit"))
    await apply(db, *(viewed("old-favourite", NOW - 6 * DAY) for _ in range(10)), *(viewed("new-hit", NOW) for _ in range(3)))
    page = await discovery.page("trending", language="es")
    assert ids(page) == ["new-hit", "old-favourite"]
    assert [round(found.score, 6) for found in page.scenarios] == [3.0, 2.5]
    french = await discovery.page("trending", language="fr")
    assert [found.score for found in french.scenarios] == [0.0, 0.0], "the views were of the Spanish version"


async def test_trending_is_per_language_of_the_engagement(db, discovery):
    await apply(db, published("a"), published("b"), viewed("a", NOW, "fr"), viewed("b", NOW, "es"), viewed("b", NOW, "es"))
    assert ids(await discovery.page("trending", language="fr"))[0] == "a"
    assert ids(await discovery.page("trending", language="es"))[0] == "b"


async def test_only_public_scenarios_still_there_are_listed(db, discovery):
    await apply(db, published("shown"), published("hidden", kind=ScenarioUpdated, visibility="private"), published("gone"))
    await apply(db, published("gone", kind=ScenarioDeleted, at=NOW - DAY), viewed("hidden", NOW), viewed("gone", NOW))
    for order in ("trending", "popular"):
        assert ids(await discovery.page(order, language="es")) == ["shown"]
    await apply(db, published("shown", kind=ScenarioUpdated, visibility="private", at=NOW - DAY))
    assert ids(await discovery.page("trending", language="es")) == []


async def test_engagement_before_the_scenario_is_known_counts_once_it_is(db, discovery):
    await apply(
        db,
        viewed("early", NOW),
        rated("early", 5),
        BookmarkAdded(user_id=uuid.uuid4(), item_kind="scenario", item_id="early", occurred_at=NOW),
    )
    assert ids(await discovery.page("trending", language="es")) == []
    await apply(db, published("early"))
    [found] = (await discovery.page("trending", language="es")).scenarios
    assert math.isclose(found.score, 1 + 4 + 4)


async def test_the_same_events_in_any_order_and_batching_give_the_same_lists(db, discovery):
    events = [published(s) for s in ("a", "b", "c")] + [
        viewed(random.Random(n).choice("abc"), NOW - timedelta(hours=n)) for n in range(60)
    ]
    events += [rated("a", 5, at=NOW - DAY), rated("b", 3), BookmarkAdded(user_id=uuid.uuid4(), item_kind="scenario", item_id="c")]
    shuffled = events[:]
    random.Random(3).shuffle(shuffled)
    await apply(db, *shuffled)
    first = {(f.scenario.scenario_id, round(f.score, 9)) for f in (await discovery.page("trending", language="es")).scenarios}
    expected = {}
    for event in events:  # the scores recomputed from the events by the domain's own rules
        if isinstance(event, ScenarioViewed):
            expected[event.scenario_id] = expected.get(event.scenario_id, 0) + domain.decayed(
                domain.contribution(domain.VIEW, event.occurred_at, domain.DEFAULT_HALF_LIFE), NOW, domain.DEFAULT_HALF_LIFE
            )
    expected["a"] += domain.decayed(
        domain.contribution(domain.RATING, NOW - DAY, domain.DEFAULT_HALF_LIFE), NOW, domain.DEFAULT_HALF_LIFE
    )
    assert {s for s, _ in first} == {"a", "b", "c"}
    found = dict(first)
    assert math.isclose(found["a"], expected["a"], rel_tol=1e-9)


async def test_popular_is_a_bayesian_average_so_one_five_star_rating_does_not_win(db, discovery):
    await apply(db, published("lucky"), published("loved"))
    await apply(db, rated("lucky", 5), *(rated("loved", 5 if n % 2 else 4) for n in range(40)))
    popular = await discovery.page("popular", language="es")
    assert ids(popular) == ["loved", "lucky"]
    top = await discovery.page("top_rated", language="es")
    assert ids(top) == ["loved"], "top rated needs at least 3 ratings here"
    assert math.isclose(top.scenarios[0].score, 4.5)


async def test_a_changed_rating_moves_the_sum_and_a_deleted_one_the_count(db, discovery):
    await apply(db, published("s"), rated("s", 2), rated("s", 4), rated("s", 4))
    assert math.isclose((await discovery.page("top_rated", language="es")).scenarios[0].row.mean_rating, 10 / 3)
    await apply(db, rated("s", 5, previous=2))
    [found] = (await discovery.page("top_rated", language="es")).scenarios
    assert (found.row.ratings, found.row.mean_rating) == (3, pytest.approx(13 / 3))
    await apply(db, RatingDeleted(rating_id=uuid.uuid4(), user_id=uuid.uuid4(), scenario_id="s", overall=5))
    assert (await discovery.page("top_rated", language="es")).scenarios == []


async def test_bookmarks_of_scenarios_count_toward_popularity_and_of_documents_do_not(db, discovery):
    await apply(db, published("kept"), published("plain"))
    marks = [BookmarkAdded(user_id=uuid.uuid4(), item_kind="scenario", item_id="kept") for _ in range(3)]
    await apply(db, *marks, BookmarkAdded(user_id=uuid.uuid4(), item_kind="document", item_id=str(uuid.uuid4())))
    page = await discovery.page("popular", language="es")
    assert ids(page) == ["kept", "plain"] and page.scenarios[0].stats.bookmarks == 3
    await apply(db, BookmarkRemoved(user_id=uuid.uuid4(), item_kind="scenario", item_id="kept"))
    assert (await discovery.page("popular", language="es")).scenarios[0].stats.bookmarks == 2


async def test_completions_count_in_trending_and_popularity(db, discovery):
    await apply(db, published("played"), published("idle"))
    await apply(db, scenario_completed(scenario_id="played", language="es", completed_at=NOW))
    page = await discovery.page("trending", language="es")
    assert ids(page)[0] == "played" and math.isclose(page.scenarios[0].score, 5.0)
    assert ids(await discovery.page("popular", language="es"))[0] == "played"


async def test_the_hub_combines_the_lists_and_a_list_per_category(db, discovery):
    await apply(db, published("dinner"), published("airport", category="travel"), viewed("airport", NOW))
    hub = await discovery.hub(language="es", limit=5)
    assert [f.scenario.scenario_id for f in hub["trending"]] == ["airport", "dinner"]
    assert {c: [f.scenario.scenario_id for f in found] for c, found in hub["categories"].items()} == {
        "restaurant": ["dinner"],
        "travel": ["airport"],
    }


async def test_lists_page_and_refuse_what_is_not_a_language_or_category(db, discovery):
    await apply(db, *(published(f"s{n}") for n in range(5)), *(viewed(f"s{n}", NOW) for n in range(5) for _ in range(n)))
    first = await discovery.page("trending", language="es", limit=2)
    rest = await discovery.page("trending", language="es", limit=2, offset=2)
    assert ids(first) == ["s4", "s3"] and first.has_more and ids(rest) == ["s2", "s1"]
    for arguments, field in (({"language": "xx"}, "language"), ({"language": "es", "category": "space"}, "category")):
        with pytest.raises(InvalidArgument) as refused:
            await discovery.page("trending", **arguments)
        assert field in refused.value.details
