"""Gamification kept from scripted events on SQLite and PostgreSQL: XP granted and announced by
the system alone, duplicates that grant nothing, late events that correct what they change,
streaks in the learner's time zone, "all of" achievements against the catalogue as it was, and
weekly leaderboards of those who chose to appear."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from parla.analytics.gamification.projection import GamificationProjection
from parla.analytics.gamification.rules import BASE_XP
from parla.analytics.gamification.service import GamificationService
from parla.chassis.errors import InvalidArgument, NotFound
from parla.contracts.events import BookmarkAdded, CollectionChanged, RatingDimensions, RatingSubmitted
from parla.devstack.testing import outbox_events, scenario_completed

from .gamification_fixtures import DAY, MONDAY, feed, publish, published, registered, review, updated

HOUR = timedelta(hours=1)


@pytest.fixture
def game() -> GamificationProjection:
    return GamificationProjection()


def reader(db, now: datetime) -> GamificationService:
    return GamificationService(db=db, clock=lambda: now)


def completion(user, at, **overrides):
    fields = {"user_id": user, "completed_at": at, "score": 70.0, "minutes": 20, "estimated_minutes": 12}
    return scenario_completed(**(fields | overrides))


async def test_a_completed_run_grants_its_base_xp_and_announces_it_with_first_steps(db, game):
    learner = uuid.uuid4()
    run = completion(learner, MONDAY, difficulty="intermediate")
    await feed(db, game.completed, run)
    standing = await reader(db, MONDAY).standing(learner)
    assert (standing.xp, standing.level, standing.level_xp, standing.next_level_xp) == (75, 1, 0, 100)
    [granted] = await outbox_events(db, "xp.granted")
    assert (granted["user_id"], granted["source_id"], granted["amount"], granted["total"]) == (
        str(learner),
        str(run.run_id),
        75,
        75,
    )
    [unlocked] = await outbox_events(db, "achievement.unlocked")
    assert (unlocked["code"], unlocked["unlocked_at"]) == ("first_steps", MONDAY.isoformat().replace("+00:00", "Z"))
    assert standing.unlocked == {"first_steps": MONDAY}


async def test_a_learner_reads_the_xp_their_run_earned_and_no_one_else_can(db, game):
    learner, someone = uuid.uuid4(), uuid.uuid4()
    run = completion(learner, MONDAY, difficulty="intermediate")
    service = reader(db, MONDAY)
    with pytest.raises(NotFound, match="ask again shortly"):
        await service.run_xp(learner, str(run.run_id))  # not applied yet
    await feed(db, game.completed, run)
    grant = await service.run_xp(learner, str(run.run_id))
    assert (grant.amount, grant.multiplier_percent) == (75, 100)
    with pytest.raises(NotFound):
        await service.run_xp(someone, str(run.run_id))
    with pytest.raises(InvalidArgument):
        await service.run_xp(learner, "not-a-run")


async def test_the_same_completion_twice_grants_nothing_more_and_announces_nothing_more(db, game):
    learner = uuid.uuid4()
    run = completion(learner, MONDAY)
    await feed(db, game.completed, run)
    await feed(db, game.completed, run.model_copy(update={"event_id": uuid.uuid4()}))  # published again
    assert (await reader(db, MONDAY).standing(learner)).xp == BASE_XP["beginner"]
    assert len(await outbox_events(db, "xp.granted")) == 1 and len(await outbox_events(db, "achievement.unlocked")) == 1


async def test_a_week_of_daily_learning_earns_the_streak_multiplier_on_the_seventh_day(db, game):
    learner = uuid.uuid4()
    await feed(db, game.profiles, registered(learner, at=MONDAY - DAY, timezone="Europe/Madrid"))
    await feed(db, game.studied, *[_study(learner, MONDAY + n * DAY) for n in range(6)])
    await feed(db, game.completed, completion(learner, MONDAY + 6 * DAY))
    standing = await reader(db, MONDAY + 6 * DAY).standing(learner)
    assert standing.xp == BASE_XP["beginner"] * 110 // 100
    assert (standing.streak.current, standing.streak.freezes, standing.streak.done_today) == (7, 1, True)
    assert {"streak_starter", "week_warrior"} <= set(standing.unlocked)


async def test_a_review_that_arrives_after_a_later_completion_corrects_its_grant_and_announces_the_difference(db, game):
    learner = uuid.uuid4()
    await feed(db, game.studied, *[_study(learner, MONDAY + n * DAY) for n in range(5)])
    await feed(db, game.completed, completion(learner, MONDAY + 6 * DAY + 2 * HOUR))  # day 6 missing: a streak of 1
    assert (await reader(db, MONDAY + 6 * DAY).standing(learner)).xp == 50
    await feed(db, game.reviewed, review(learner, at=MONDAY + 5 * DAY))  # day 6 of 7 was learned after all
    standing = await reader(db, MONDAY + 6 * DAY).standing(learner)
    assert standing.xp == 55 and standing.streak.current == 7
    assert [e["amount"] for e in await outbox_events(db, "xp.granted")] == [50, 5]
    codes = [e["code"] for e in await outbox_events(db, "achievement.unlocked")]
    assert codes.count("week_warrior") == 1 and codes.count("first_steps") == 1


async def test_streak_days_are_the_learners_own_after_a_move_across_time_zones(db, game):
    learner = uuid.uuid4()
    await feed(db, game.profiles, registered(learner, at=MONDAY - DAY, timezone="America/Los_Angeles"))
    # 20:00 in Los Angeles on Monday, then the learner moves to Tokyo, where it is Tuesday noon.
    evening = datetime(2026, 6, 2, 3, tzinfo=UTC)
    await feed(db, game.studied, _study(learner, evening))
    await feed(db, game.profiles, updated(learner, at=evening + HOUR, timezone="Asia/Tokyo"))
    # Wednesday 09:00 in Tokyo: the next day of theirs, not a missed one.
    await feed(db, game.studied, _study(learner, datetime(2026, 6, 3, 0, tzinfo=UTC)))
    standing = await reader(db, datetime(2026, 6, 3, 1, tzinfo=UTC)).standing(learner)
    assert (standing.streak.current, standing.freezes_used) == (2, 0)


async def test_every_all_of_achievement_is_judged_against_the_scenarios_listed_when_the_set_was_finished(db, game):
    learner = uuid.uuid4()
    await publish(db, game, published("tapas", at=MONDAY - 3 * DAY), published("menu", at=MONDAY - 3 * DAY))
    await feed(db, game.completed, completion(learner, MONDAY, scenario_id="tapas", category="restaurant"))
    await feed(db, game.completed, completion(learner, MONDAY + HOUR, scenario_id="menu", category="restaurant"))
    await publish(db, game, published("paella", at=MONDAY + DAY))  # later: it takes nothing back
    await feed(db, game.completed, completion(learner, MONDAY + 2 * DAY, scenario_id="other", category="travel"))
    unlocked = (await reader(db, MONDAY + 2 * DAY).standing(learner)).unlocked
    assert unlocked["restaurant_champion"] == MONDAY + HOUR
    other = uuid.uuid4()
    await feed(db, game.completed, completion(other, MONDAY + 2 * DAY, scenario_id="tapas"))
    await feed(db, game.completed, completion(other, MONDAY + 2 * DAY + HOUR, scenario_id="menu"))
    assert "restaurant_champion" not in (await reader(db, MONDAY + 3 * DAY).standing(other)).unlocked  # paella is listed now


async def test_ratings_bookmarks_collections_shares_and_learned_words_count_once_each(db, game):
    learner = uuid.uuid4()
    dims = RatingDimensions(difficulty_accuracy=4, engagement=4, learning_effectiveness=4, cultural_authenticity=4)
    ratings = [
        RatingSubmitted(rating_id=uuid.uuid4(), user_id=learner, scenario_id=f"s{n}", overall=4, dimensions=dims)
        for n in range(10)
    ]
    await feed(db, game.rated, *ratings)
    await feed(db, game.rated, ratings[0].model_copy(update={"event_id": uuid.uuid4(), "overall": 5}))  # re-rated: not an 11th
    bookmarks = [BookmarkAdded(user_id=learner, item_kind="scenario", item_id=f"s{n % 19}") for n in range(25)]
    await feed(db, game.bookmarked, *bookmarks)  # 19 distinct items
    collections = [
        CollectionChanged(collection_id=uuid.uuid4(), owner_id=learner, change="created", visibility="public", item_count=0)
        for _ in range(5)
    ]
    await feed(db, game.collections_changed, *collections)
    card = uuid.uuid4()
    await feed(
        db,
        game.reviewed,
        review(learner, at=MONDAY, learned=True, card=card),
        review(learner, at=MONDAY + HOUR, learned=True, card=card),
    )
    unlocked = (await reader(db, MONDAY).standing(learner)).unlocked
    assert {"helpful_reviewer", "curator"} <= set(unlocked)
    assert not {"super_reviewer", "bookworm", "social_butterfly", "vocabulary_builder"} & set(unlocked)


async def test_the_weekly_board_shows_only_learners_who_chose_to_appear_most_xp_first_with_your_place(db, game):
    ana, ben, eve = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    await feed(
        db,
        game.profiles,
        registered(ana, at=MONDAY - DAY, opt_in=True, name="Ana"),
        registered(ben, at=MONDAY - DAY, opt_in=True, name="Ben"),
    )
    await feed(db, game.profiles, registered(eve, at=MONDAY - DAY, name="Eve"))
    await feed(
        db,
        game.completed,
        completion(ana, MONDAY),
        completion(ben, MONDAY, difficulty="advanced"),
        completion(eve, MONDAY, difficulty="advanced"),
    )
    await feed(db, game.completed, completion(ana, MONDAY + DAY, language="fr"))  # another language's board
    board = await reader(db, MONDAY + 2 * DAY).leaderboard(ana, language="es", week="", limit=10, offset=0)
    assert board.week_start == MONDAY.date()
    assert [(e.rank, e.display_name, e.xp, e.is_you) for e in board.entries] == [(1, "Ben", 100, False), (2, "Ana", 50, True)]
    assert (board.you.rank, board.you.xp) == (2, 50) and not board.has_more
    await feed(db, game.profiles, updated(ana, at=MONDAY + DAY, opt_in=False, name="Ana"))  # she leaves the boards
    board = await reader(db, MONDAY + 2 * DAY).leaderboard(ana, language="es", week=MONDAY.date().isoformat(), limit=10, offset=0)
    assert [e.display_name for e in board.entries] == ["Ben"] and board.you is None
    next_week = await reader(db, MONDAY + 7 * DAY).leaderboard(ben, language="es", week="", limit=10, offset=0)
    assert next_week.entries == []


@pytest.mark.parametrize(("field", "value"), [("language", "xx"), ("week", "yesterday"), ("limit", 500), ("offset", -1)])
async def test_a_leaderboard_request_out_of_bounds_is_refused_naming_the_field(db, field, value):
    query = {"language": "es", "week": "", "limit": 10, "offset": 0} | {field: value}
    with pytest.raises(InvalidArgument) as refused:
        await reader(db, MONDAY).leaderboard(uuid.uuid4(), **query)
    assert field in refused.value.details


async def test_a_replay_with_announcing_off_builds_the_same_standing_and_announces_nothing(db):
    replay = GamificationProjection(announce=False)
    learner = uuid.uuid4()
    await feed(db, replay.completed, completion(learner, MONDAY))
    assert (await reader(db, MONDAY).standing(learner)).xp == 50
    assert await outbox_events(db, "xp.granted") == [] and await outbox_events(db, "achievement.unlocked") == []


def _study(user, at):
    from parla.contracts.events import ContentStudied

    return ContentStudied(document_id=uuid.uuid4(), user_id=user, language="es", seconds=300, progress_percent=40, occurred_at=at)


async def test_a_place_beyond_the_first_thousand_is_shown_as_zero_rather_than_counted(db, game):
    from parla.analytics.gamification.projection import week_of
    from parla.analytics.gamification.repository import MAX_RANKED, GamificationRepository

    me = uuid.uuid4()
    ahead = [uuid.uuid4() for _ in range(MAX_RANKED)]
    await feed(db, game.profiles, *[registered(user, at=MONDAY - DAY, opt_in=True) for user in [me, *ahead]])
    async with db.transaction() as session:
        rows = [{"week": week_of(MONDAY), "language": "es", "user_id": user, "xp": 500, "listed": True} for user in ahead]
        await GamificationRepository(session).add_weekly(
            [*rows, {"week": week_of(MONDAY), "language": "es", "user_id": me, "xp": 100, "listed": True}]
        )
    board = await reader(db, MONDAY).leaderboard(me, language="es", week="", limit=5, offset=0)
    assert board.you is not None and (board.you.rank, board.you.xp) == (0, 100)
    assert [e.rank for e in board.entries] == [1, 2, 3, 4, 5] and board.has_more


async def test_a_milestone_repeated_in_one_batch_keeps_its_first_time_as_separate_batches_would(db):
    from parla.analytics.gamification.repository import GamificationRepository

    learner = uuid.uuid4()
    rows = [{"user_id": learner, "kind": "rating", "subject": "dinner", "at": MONDAY + n * HOUR} for n in (2, 0, 1)]
    async with db.transaction() as session:
        new = await GamificationRepository(session).add_milestones(rows)
    assert [(f.subject, f.at) for f in new[learner]] == [("dinner", MONDAY + 2 * HOUR)]
