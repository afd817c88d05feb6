"""Gamification rules with no database: XP and levels, every one of the 27 achievements reachable
at the fact that completes it and awarded once, "all of" a category or difficulty against the
scenarios listed at the time. Streaks and freezes: test_gamification_streaks.py; order
independence: test_gamification_order.py."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from fractions import Fraction

import pytest

from parla.analytics.gamification import achievements
from parla.analytics.gamification.fold import (
    EMPTY_CATALOGUE,
    Catalogue,
    CompletionFact,
    Fact,
    Listing,
    MilestoneFact,
    SlotFact,
    State,
    fold,
    goes_on_from,
    slot_of,
)
from parla.analytics.gamification.rules import Run, level_for, run_xp, xp_for_level

T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)
MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


def completed(at, scenario="s1", *, language="es", difficulty="beginner", score=80.0, duration=900, estimated=10) -> list[Fact]:
    """A completed run as the projection records it: the learner's slot, then the run."""
    run = CompletionFact(
        at, f"{scenario}:{language}:{at.isoformat()}", scenario, language, difficulty, score, duration, estimated
    )
    return [SlotFact(slot_of(at)), run]


# --- levels ---------------------------------------------------------------------------------------


def threshold(level: int) -> int:
    """Σ_{l=2..L} ⌊100·1.15^(l−2)⌋ in exact rationals, independently of the code under test."""
    return sum(math.floor(100 * Fraction("1.15") ** (n - 2)) for n in range(2, level + 1))


@pytest.mark.parametrize("level", range(1, 101))
def test_the_xp_a_level_starts_at_is_the_sum_of_the_floored_terms(level):
    assert xp_for_level(level) == threshold(level)


def test_level_two_starts_at_100_xp_three_at_215_and_four_at_347():
    assert [xp_for_level(level) for level in (1, 2, 3, 4)] == [0, 100, 215, 347]


@pytest.mark.parametrize("level", range(2, 101))
def test_a_learner_reaches_a_level_at_its_threshold_and_not_one_xp_before(level):
    assert level_for(threshold(level)) == level
    assert level_for(threshold(level) - 1) == level - 1


def test_a_learner_with_no_xp_is_level_one():
    assert level_for(0) == level_for(-5) == 1


def test_level_100_is_the_last_whatever_the_xp():
    assert level_for(threshold(100)) == level_for(10**15) == 100


@pytest.mark.parametrize("level", [0, -1, 101])
def test_there_is_no_level_outside_1_to_100(level):
    with pytest.raises(ValueError):
        xp_for_level(level)


# --- XP of a run ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("difficulty", "base"), [("beginner", 50), ("intermediate", 75), ("advanced", 100)])
def test_a_run_earns_the_base_xp_of_its_difficulty(difficulty, base):
    assert run_xp(Run(difficulty, 70.0, 900, 0), 1) == (base, 100)


@pytest.mark.parametrize(
    ("difficulty", "score", "xp"),
    [
        ("advanced", 40.0, 100),  # nothing below 70
        ("advanced", 70.0, 100),
        ("advanced", 71.0, 101),  # 1% of the base a point
        ("advanced", 85.0, 115),
        ("advanced", 85.9, 115),  # a fraction of a point earns nothing
        ("advanced", 100.0, 130),  # 30% at a perfect run
        ("beginner", 85.0, 57),  # 7.5 rounded down
        ("beginner", 100.0, 65),
        ("intermediate", 85.0, 86),
        ("intermediate", 100.0, 97),
    ],
)
def test_the_quality_bonus_is_one_percent_of_the_base_per_point_above_70(difficulty, score, xp):
    assert run_xp(Run(difficulty, score, 900, 0), 1) == (xp, 100)


@pytest.mark.parametrize(
    ("difficulty", "score", "duration", "estimated", "xp"),
    [
        ("advanced", 70.0, 601, 10, 100),  # slower than estimated
        ("advanced", 70.0, 600, 10, 110),  # within the estimate: 10%
        ("advanced", 70.0, 301, 10, 110),
        ("advanced", 70.0, 300, 10, 125),  # within half of it: 25%
        ("advanced", 70.0, 1, 10, 125),
        ("beginner", 70.0, 600, 10, 55),
        ("beginner", 70.0, 300, 10, 62),
        ("intermediate", 70.0, 600, 10, 82),
        ("intermediate", 70.0, 300, 10, 93),
        ("advanced", 59.9, 300, 10, 100),  # rushing through is not rewarded
        ("advanced", 60.0, 300, 10, 125),
        ("advanced", 70.0, 1, 0, 100),  # no estimate, no speed bonus
    ],
)
def test_the_speed_bonus_rewards_a_run_scored_60_or_more_within_its_estimate(difficulty, score, duration, estimated, xp):
    assert run_xp(Run(difficulty, score, duration, estimated), 1) == (xp, 100)


@pytest.mark.parametrize(
    ("streak", "xp", "percent"),
    [(0, 50, 100), (1, 50, 100), (6, 50, 100), (7, 55, 110), (29, 55, 110), (30, 62, 125), (99, 62, 125), (100, 75, 150)],
)
def test_the_streak_multiplier_steps_up_on_the_7th_30th_and_100th_day(streak, xp, percent):
    assert run_xp(Run("beginner", 70.0, 900, 0), streak) == (xp, percent)


def test_the_multiplier_applies_to_the_base_and_both_bonuses_rounded_down():
    assert run_xp(Run("advanced", 100.0, 300, 10), 100) == ((100 + 30 + 25) * 3 // 2, 150)


# --- the 27 achievements --------------------------------------------------------------------------


@dataclass(frozen=True)
class Script:
    facts: list[Fact]  # the last one completes the achievement's condition
    catalogue: Catalogue = EMPTY_CATALOGUE


def runs(n: int, **fields) -> Script:
    return Script([fact for i in range(n) for fact in completed(T0 + i * HOUR, **fields)])


def days_in_a_row(n: int) -> Script:
    return Script([SlotFact(T0 + i * DAY) for i in range(n)])


def milestones(kind: str, n: int) -> Script:
    return Script([MilestoneFact(T0 + i * MINUTE, kind, f"{kind}-{i}") for i in range(n)])


def in_languages(*pairs: tuple[str, str]) -> Script:
    return Script(
        [fact for i, (scenario, language) in enumerate(pairs) for fact in completed(T0 + i * HOUR, scenario, language=language)]
    )


def all_of(kind: str, value: str) -> Script:
    catalogue = Catalogue({(kind, value): {"a": Listing(T0 - DAY), "b": Listing(T0 - DAY)}})
    difficulty = value if kind == "difficulty" else "beginner"
    return Script(completed(T0, "a", difficulty=difficulty) + completed(T0 + HOUR, "b", difficulty=difficulty), catalogue)


# The thresholds are DOMAIN.md's, written out rather than read from achievements.py.
SCRIPTS: dict[str, Callable[[], Script]] = {
    "first_steps": lambda: runs(1),
    "getting_started": lambda: runs(5),
    "dedicated_learner": lambda: runs(10),
    "scenario_master": lambda: runs(25),
    "century_club": lambda: runs(100),
    "restaurant_champion": lambda: all_of("category", "restaurant"),
    "travel_champion": lambda: all_of("category", "travel"),
    "streak_starter": lambda: days_in_a_row(3),
    "week_warrior": lambda: days_in_a_row(7),
    "month_master": lambda: days_in_a_row(30),
    "unstoppable": lambda: days_in_a_row(100),
    # a week earns a freeze, day 8 is missed, day 9 spends the freeze
    "comeback_kid": lambda: Script([*days_in_a_row(7).facts, SlotFact(T0 + 8 * DAY)]),
    "perfectionist": lambda: runs(1, score=100.0),
    "excellence_streak": lambda: runs(5, score=90.0),
    "cultural_expert": lambda: in_languages(("s1", "es"), ("s1", "fr"), ("s1", "de")),
    "speed_demon": lambda: runs(1, duration=300, estimated=10),
    "helpful_reviewer": lambda: milestones("rating", 10),
    "super_reviewer": lambda: milestones("rating", 50),
    "curator": lambda: milestones("collection", 5),
    "bookworm": lambda: milestones("bookmark", 20),
    "social_butterfly": lambda: milestones("share", 10),
    "vocabulary_builder": lambda: milestones("word", 100),
    "word_wizard": lambda: milestones("word", 500),
    "beginner_graduate": lambda: all_of("difficulty", "beginner"),
    "intermediate_achiever": lambda: all_of("difficulty", "intermediate"),
    "advanced_master": lambda: all_of("difficulty", "advanced"),
    "polyglot": lambda: in_languages(("a", "es"), ("b", "fr"), ("c", "de")),
}


def test_the_scripts_cover_every_achievement_of_the_catalogue():
    assert len(achievements.CATALOGUE) == len(achievements.BY_CODE) == 27
    assert set(SCRIPTS) == set(achievements.BY_CODE)


@pytest.mark.parametrize("code", list(SCRIPTS))
def test_each_achievement_unlocks_at_the_fact_that_completes_it_and_not_one_fact_before(code):
    script = SCRIPTS[code]()
    *before, last = script.facts
    assert all(fact.key < last.key for fact in before)
    state = State()
    fold(state, before, script.catalogue)
    assert code not in state.unlocked
    outcome = fold(state, [last], script.catalogue)
    assert outcome.unlocked[code] == state.unlocked[code] == last.at


def later(facts: list[Fact], by: timedelta) -> list[Fact]:
    """The same script again ``by`` later, with new runs and subjects."""

    def moved(fact: Fact) -> Fact:
        if isinstance(fact, CompletionFact):
            return replace(fact, at=fact.at + by, run_id=f"{fact.run_id}'")
        if isinstance(fact, MilestoneFact):
            return replace(fact, at=fact.at + by, subject=f"{fact.subject}'")
        return replace(fact, at=fact.at + by)

    return [moved(fact) for fact in facts]


@pytest.mark.parametrize("code", list(SCRIPTS))
def test_each_achievement_is_awarded_once_though_its_condition_is_met_again(code):
    script = SCRIPTS[code]()
    state = State()
    first = fold(state, script.facts, script.catalogue)
    again = later(script.facts, 200 * DAY)
    assert goes_on_from(state, again)
    second = fold(state, again, script.catalogue)
    assert code not in second.unlocked
    assert state.unlocked[code] == first.unlocked[code] == script.facts[-1].at


def test_an_achievement_met_several_times_in_one_fold_keeps_the_first_time():
    state = State()
    outcome = fold(state, runs(3).facts)
    assert outcome.unlocked["first_steps"] == state.unlocked["first_steps"] == T0


@pytest.mark.parametrize(
    ("code", "facts"),
    [
        (
            "excellence_streak",
            runs(4, score=95.0).facts + completed(T0 + 5 * HOUR, score=89.9) + completed(T0 + 6 * HOUR, score=95.0),
        ),
        ("perfectionist", runs(3, score=99.9).facts),
        ("speed_demon", runs(1, duration=301, estimated=10).facts),
        ("speed_demon", runs(1, duration=1, estimated=0).facts),
        ("cultural_expert", in_languages(("a", "es"), ("b", "fr"), ("c", "de")).facts),
        ("cultural_expert", in_languages(("s1", "es"), ("s1", "fr"), ("s1", "fr"), ("s1", "es")).facts),
        ("polyglot", in_languages(*[(f"s{i}", ("es", "fr")[i % 2]) for i in range(10)]).facts),
        ("week_warrior", [*days_in_a_row(6).facts, SlotFact(T0 + 5 * DAY + HOUR)]),
        ("curator", [MilestoneFact(T0 + i * MINUTE, "template", f"t{i}") for i in range(50)]),
    ],
)
def test_a_near_miss_unlocks_nothing(code, facts):
    state = State()
    fold(state, facts)
    assert code not in state.unlocked


# --- "all of" a category or difficulty ------------------------------------------------------------

RESTAURANT = ("category", "restaurant")


def champion_at(catalogue: Catalogue, *completions: tuple[str, datetime]) -> datetime | None:
    state = State()
    fold(state, [fact for scenario, at in completions for fact in completed(at, scenario)], catalogue)
    return state.unlocked.get("restaurant_champion")


def test_all_of_a_category_waits_for_every_listed_scenario():
    catalogue = Catalogue({RESTAURANT: {name: Listing(T0 - DAY) for name in ("a", "b", "c")}})
    assert champion_at(catalogue, ("a", T0), ("b", T0 + HOUR)) is None
    assert champion_at(catalogue, ("a", T0), ("b", T0 + HOUR), ("c", T0 + 2 * HOUR)) == T0 + 2 * HOUR


def test_a_scenario_listed_after_the_set_was_finished_neither_blocks_it_nor_takes_it_back():
    catalogue = Catalogue({RESTAURANT: {"a": Listing(T0 - DAY), "b": Listing(T0 - DAY), "c": Listing(T0 + DAY)}})
    state = State()
    first = fold(state, completed(T0, "a") + completed(T0 + HOUR, "b"), catalogue)
    assert first.unlocked["restaurant_champion"] == T0 + HOUR
    second = fold(state, completed(T0 + 2 * DAY, "a"), catalogue)
    assert "restaurant_champion" not in second.unlocked
    assert state.unlocked["restaurant_champion"] == T0 + HOUR


def test_a_scenario_listed_before_the_set_was_finished_is_required():
    catalogue = Catalogue({RESTAURANT: {"a": Listing(T0 - DAY), "b": Listing(T0 - DAY), "c": Listing(T0 + 30 * MINUTE)}})
    assert champion_at(catalogue, ("a", T0), ("b", T0 + HOUR)) is None
    assert champion_at(catalogue, ("a", T0), ("b", T0 + HOUR), ("c", T0 + 2 * HOUR)) == T0 + 2 * HOUR


def test_a_deleted_scenario_is_not_required_after_its_deletion():
    catalogue = Catalogue({RESTAURANT: {"a": Listing(T0 - DAY), "b": Listing(T0 - DAY, until=T0 + DAY)}})
    assert champion_at(catalogue, ("a", T0)) is None  # b is still listed
    assert champion_at(catalogue, ("a", T0), ("a", T0 + 2 * DAY)) == T0 + 2 * DAY
    assert champion_at(catalogue, ("b", T0), ("a", T0 + 2 * DAY)) == T0 + 2 * DAY


def test_completions_of_scenarios_outside_the_group_do_not_count():
    catalogue = Catalogue(
        {RESTAURANT: {"a": Listing(T0 - DAY), "b": Listing(T0 - DAY)}, ("category", "travel"): {"t": Listing(T0 - DAY)}}
    )
    assert champion_at(catalogue, ("a", T0), ("t", T0 + HOUR), ("x", T0 + 2 * HOUR)) is None
    assert champion_at(catalogue, ("a", T0), ("t", T0 + HOUR), ("b", T0 + 2 * HOUR)) == T0 + 2 * HOUR


def test_a_group_with_nothing_listed_yet_is_not_complete():
    catalogue = Catalogue({RESTAURANT: {"a": Listing(T0 + DAY)}})  # played by its author before it was published
    assert champion_at(catalogue, ("a", T0)) is None
    assert champion_at(catalogue, ("a", T0), ("a", T0 + 2 * DAY)) == T0 + 2 * DAY


def test_a_scenario_counts_in_whichever_language_it_was_completed():
    catalogue = Catalogue({RESTAURANT: {"a": Listing(T0 - DAY), "b": Listing(T0 - DAY)}})
    state = State()
    fold(state, completed(T0, "a", language="fr") + completed(T0 + HOUR, "b", language="de"), catalogue)
    assert state.unlocked["restaurant_champion"] == T0 + HOUR
