"""Daily streaks through the fold, in the learner's own time zone, with no database: days across
local midnight in zones a whole, half or three quarters of an hour off UTC, Madrid's 23- and
25-hour DST days, moves between time zones, freezes earned and spent, the streak as the learner
sees it today, and the streak multiplier a completion gets on the Nth day in a row."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest

from parla.analytics.gamification.fold import (
    CompletionFact,
    Fact,
    SlotFact,
    State,
    StreakNow,
    TimezoneFact,
    fold,
    slot_of,
    streak_now,
)

T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)
MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)
LA, MADRID, TOKYO, NEW_YORK = "America/Los_Angeles", "Europe/Madrid", "Asia/Tokyo", "America/New_York"


def local(zone: str, y: int, m: int, d: int, hour: int, minute: int = 0, *, second_time: bool = False) -> datetime:
    """A wall-clock time in ``zone`` as a UTC instant (``second_time``: the repeated hour's second pass)."""
    return datetime(y, m, d, hour, minute, fold=int(second_time), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def learning(zone: str, *times: datetime) -> list[Fact]:
    """A learner in ``zone`` who learned at each of ``times``."""
    return [TimezoneFact(min(times) - DAY, zone), *(SlotFact(slot_of(at)) for at in times)]


def streaks(facts: list[Fact]) -> list[int]:
    """The streak after each slot, folding the facts one by one."""
    state, seen = State(), []
    for fact in sorted(facts, key=lambda f: f.key):
        fold(state, [fact])
        if isinstance(fact, SlotFact):
            seen.append(state.streak)
    return seen


def daily(n: int, start: datetime = T0) -> list[Fact]:
    return [SlotFact(start + i * DAY) for i in range(n)]


def folded(facts: list[Fact]) -> State:
    state = State()
    fold(state, facts)
    return state


# --- days around local midnight -------------------------------------------------------------------


def test_23_30_and_00_30_in_los_angeles_are_two_days_though_the_same_utc_day():
    late, early = local(LA, 2026, 6, 1, 23, 30), local(LA, 2026, 6, 2, 0, 30)
    assert late.date() == early.date()
    assert streaks(learning(LA, late, early)) == [1, 2]


def test_16_30_and_17_30_in_los_angeles_are_one_day_though_two_utc_days():
    before, after = local(LA, 2026, 6, 1, 16, 30), local(LA, 2026, 6, 1, 17, 30)
    assert before.date() != after.date()
    assert streaks(learning(LA, before, after, local(LA, 2026, 6, 2, 17, 30))) == [1, 1, 2]


@pytest.mark.parametrize("zone", ["UTC", LA, MADRID, "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Pacific/Chatham"])
def test_the_last_minute_before_local_midnight_and_midnight_itself_are_consecutive_days(zone):
    last_minute, midnight = local(zone, 2026, 6, 1, 23, 59), local(zone, 2026, 6, 2, 0, 0)
    assert slot_of(midnight) == midnight
    assert slot_of(last_minute) == midnight - 15 * MINUTE
    assert slot_of(last_minute).astimezone(ZoneInfo(zone)).date() == date(2026, 6, 1)
    assert streaks(learning(zone, last_minute, midnight)) == [1, 2]


def test_every_local_midnight_of_every_time_zone_starts_a_slot():
    """So a slot never straddles a local midnight: every zone's offset is a multiple of 15 minutes."""
    for name in sorted(available_timezones()):
        for day in (date(2026, 1, 15), date(2026, 7, 15)):
            midnight = datetime.combine(day, time(), ZoneInfo(name)).astimezone(UTC)
            assert slot_of(midnight) == midnight, name


# --- Madrid's DST changes: the last Sundays of March and October ----------------------------------


def test_madrids_2026_changes_make_a_23_and_a_25_hour_day():
    def hours(day: date) -> timedelta:
        return local(MADRID, *(day + DAY).timetuple()[:3], 0) - local(MADRID, *day.timetuple()[:3], 0)

    assert (hours(date(2026, 3, 29)), hours(date(2026, 10, 25))) == (23 * HOUR, 25 * HOUR)


def test_the_23_hour_day_of_the_spring_change_counts_as_one_day():
    times = [local(MADRID, 2026, 3, 28, 23, 30), local(MADRID, 2026, 3, 29, 0, 30)]
    times += [local(MADRID, 2026, 3, 29, 23, 30), local(MADRID, 2026, 3, 30, 0, 15)]
    assert times[3] - times[1] < 23 * HOUR  # less than a day apart, yet two days
    assert streaks(learning(MADRID, *times)) == [1, 2, 2, 3]


def test_24_hours_after_saturday_night_before_the_spring_change_is_already_monday():
    saturday = local(MADRID, 2026, 3, 28, 23, 30)
    assert streaks(learning(MADRID, saturday, saturday + 24 * HOUR)) == [1, 1]  # Sunday was missed


def test_the_25_hour_day_of_the_autumn_change_counts_as_one_day():
    times = [local(MADRID, 2026, 10, 24, 23, 30), local(MADRID, 2026, 10, 25, 0, 30)]
    times += [local(MADRID, 2026, 10, 25, 23, 30), local(MADRID, 2026, 10, 26, 0, 30)]
    assert times[2] - times[1] == 24 * HOUR  # a whole day apart, yet one day
    assert streaks(learning(MADRID, *times)) == [1, 2, 2, 3]


def test_the_repeated_hour_of_the_autumn_change_is_one_day():
    first = local(MADRID, 2026, 10, 25, 2, 30)
    second = local(MADRID, 2026, 10, 25, 2, 30, second_time=True)
    assert second - first == HOUR
    assert streaks(learning(MADRID, first, second)) == [1, 1]


@pytest.mark.parametrize("start", [date(2026, 3, 22), date(2026, 10, 18)])
@pytest.mark.parametrize(("hour", "minute"), [(0, 0), (0, 30), (12, 0), (23, 45)])
def test_learning_every_day_at_the_same_local_time_across_a_dst_change_gains_one_day_a_day(start, hour, minute):
    times = [local(MADRID, *(start + i * DAY).timetuple()[:3], hour, minute) for i in range(14)]
    assert streaks(learning(MADRID, *times)) == list(range(1, 15))
    state = folded(learning(MADRID, *times))
    assert (state.freezes_used, state.longest) == (0, 14)


# --- moves between time zones ---------------------------------------------------------------------


def moved(before: str, times_before: list[datetime], after: str, move_at: datetime, times_after: list[datetime]) -> list[Fact]:
    return [*learning(before, *times_before), TimezoneFact(move_at, after), *(SlotFact(slot_of(at)) for at in times_after)]


@pytest.mark.parametrize(
    ("zone", "hour"),
    [(TOKYO, 8), (TOKYO, 20), (NEW_YORK, 8), (NEW_YORK, 20)],
)
def test_a_move_from_madrid_keeps_the_streak_on_consecutive_local_days(zone, hour):
    madrid = [local(MADRID, 2026, 6, d, 10) for d in (1, 2, 3)]
    there = [local(zone, 2026, 6, d, hour) for d in (4, 5)]
    facts = moved(MADRID, madrid, zone, local(MADRID, 2026, 6, 3, 14), there)
    assert streaks(facts) == [1, 2, 3, 4, 5]
    state = folded(facts)
    assert (state.timezone, state.freezes_used) == (zone, 0)


def test_a_move_to_a_zone_ahead_adds_no_day_to_an_evening_already_learned():
    # 23:50 in Madrid, then Tokyo minutes later, where it is already tomorrow morning
    evening = local(MADRID, 2026, 6, 1, 23, 50)
    facts = moved(MADRID, [evening], TOKYO, evening + MINUTE, [evening + 5 * MINUTE, local(TOKYO, 2026, 6, 2, 21)])
    facts.append(SlotFact(slot_of(local(TOKYO, 2026, 6, 3, 9))))
    assert streaks(facts) == [1, 1, 1, 2]


def test_a_move_to_a_zone_behind_adds_no_day_to_a_date_already_learned():
    morning = local(MADRID, 2026, 6, 1, 10)
    facts = moved(MADRID, [morning], NEW_YORK, morning + HOUR, [local(NEW_YORK, 2026, 6, 1, 20), local(NEW_YORK, 2026, 6, 2, 9)])
    assert streaks(facts) == [1, 1, 2]


def test_an_evening_in_los_angeles_and_the_morning_after_next_in_tokyo_are_consecutive_days():
    # 21 hours apart: Monday 20:00 in Los Angeles is already Tuesday noon in Tokyo
    facts = moved(LA, [local(LA, 2026, 6, 1, 20)], TOKYO, local(LA, 2026, 6, 1, 21), [local(TOKYO, 2026, 6, 3, 9)])
    assert streaks(facts) == [1, 2]
    assert folded(facts).freezes_used == 0


EARLY_MOVE_WEST = moved(
    MADRID, [local(MADRID, 2026, 6, 1, 10), local(MADRID, 2026, 6, 2, 5, 30)], NEW_YORK, local(MADRID, 2026, 6, 2, 9), []
)


def test_a_move_west_after_learning_early_in_the_morning_costs_no_day():
    facts = [*EARLY_MOVE_WEST, SlotFact(slot_of(local(NEW_YORK, 2026, 6, 3, 9)))]
    assert streaks(facts) == [1, 2, 3]


def test_after_a_move_west_the_streak_shown_the_next_local_morning_is_alive():
    assert streak_now(folded(EARLY_MOVE_WEST), local(NEW_YORK, 2026, 6, 3, 8), NEW_YORK) == StreakNow(2, 0, False)


# --- freezes --------------------------------------------------------------------------------------


def test_a_freeze_is_earned_every_7_streak_days_and_at_most_3_are_held():
    state, held = State(), []
    for fact in daily(35):
        fold(state, [fact])
        held.append(state.freezes)
    assert held == [min(3, day // 7) for day in range(1, 36)]


@pytest.mark.parametrize(("days", "missed"), [(7, 1), (14, 1), (14, 2), (21, 1), (21, 3)])
def test_missed_days_are_covered_by_the_freezes_held_and_add_nothing_to_the_streak(days, missed):
    held = min(3, days // 7)
    back = T0 + (days + missed) * DAY
    state = State()
    fold(state, daily(days))
    outcome = fold(state, [SlotFact(back)])
    assert (state.streak, state.freezes, state.freezes_used) == (days + 1, held - missed, missed)
    assert outcome.unlocked["comeback_kid"] == back


@pytest.mark.parametrize(("days", "missed"), [(7, 2), (14, 3), (21, 4), (6, 1)])
def test_a_gap_longer_than_the_freezes_held_resets_the_streak_and_keeps_the_freezes(days, missed):
    state = folded([*daily(days), SlotFact(T0 + (days + missed) * DAY)])
    assert (state.streak, state.longest, state.freezes, state.freezes_used) == (1, days, days // 7, 0)
    assert "comeback_kid" not in state.unlocked


def test_comeback_kid_is_unlocked_at_the_first_freeze_spent_and_later_freezes_are_counted_too():
    first = T0 + 8 * DAY
    state = State()
    fold(state, [*daily(7), SlotFact(first), *daily(6, T0 + 9 * DAY)])  # day 14 of the streak earns a freeze
    later = fold(state, [SlotFact(T0 + 16 * DAY)])
    assert state.unlocked["comeback_kid"] == first and "comeback_kid" not in later.unlocked
    assert (state.streak, state.freezes_used) == (15, 2)


def test_freezes_kept_through_a_reset_save_the_next_streak():
    # a week (one freeze), three days missed (reset, freeze kept), two days, one missed, back
    facts = [*daily(7), *daily(2, T0 + 10 * DAY), SlotFact(T0 + 13 * DAY)]
    state = folded(facts)
    assert (state.streak, state.freezes, state.freezes_used, state.longest) == (3, 0, 1, 7)


def test_the_longest_streak_is_kept_after_a_reset_and_grows_when_passed():
    state = folded([*daily(10), *daily(3, T0 + 15 * DAY)])
    assert (state.streak, state.longest) == (3, 10)
    fold(state, daily(9, T0 + 18 * DAY))
    assert (state.streak, state.longest) == (12, 12)


def test_many_activities_in_a_day_count_as_one_day():
    assert folded([SlotFact(T0 + i * 15 * MINUTE) for i in range(40)]).streak == 1


# --- the streak as the learner sees it now --------------------------------------------------------


def test_a_learner_who_never_learned_has_no_streak():
    assert streak_now(State(), T0, "UTC") == StreakNow(0, 0, False)


def test_a_streak_learned_today_shows_done():
    assert streak_now(folded(daily(3)), T0 + 2 * DAY + 5 * HOUR, "UTC") == StreakNow(3, 0, True)


def test_a_streak_learned_yesterday_is_alive_and_not_yet_done():
    assert streak_now(folded(daily(3)), T0 + 3 * DAY, "UTC") == StreakNow(3, 0, False)


def test_missed_days_covered_by_freezes_keep_the_streak_alive_showing_the_freezes_left():
    state = folded(daily(14))  # two freezes, last learned on day 14
    last = T0 + 13 * DAY
    assert streak_now(state, last + 2 * DAY, "UTC") == StreakNow(14, 1, False)
    assert streak_now(state, last + 3 * DAY, "UTC") == StreakNow(14, 0, False)
    assert streak_now(state, last + 4 * DAY, "UTC").current == 0
    assert state.freezes == 2  # nothing is spent by looking


def test_a_streak_broken_shows_zero():
    assert streak_now(folded(daily(3)), T0 + 4 * DAY, "UTC").current == 0


def test_today_is_the_learners_day_in_their_time_zone():
    state = folded(learning(LA, local(LA, 2026, 6, 1, 23, 30)))
    assert streak_now(state, local(LA, 2026, 6, 1, 23, 50), LA) == StreakNow(1, 0, True)  # 2 June in UTC
    assert streak_now(state, local(LA, 2026, 6, 2, 0, 10), LA) == StreakNow(1, 0, False)
    assert streak_now(state, local(LA, 2026, 6, 3, 0, 10), LA).current == 0


# --- the streak multiplier of a completion --------------------------------------------------------


def completed(at: datetime, run_id: str = "run") -> list[Fact]:
    """A beginner run worth its 50 base XP and no bonus, with its slot, as the projection records it."""
    return [SlotFact(slot_of(at)), CompletionFact(at, run_id, "s1", "es", "beginner", 70.0, 900, 0)]


@pytest.mark.parametrize(
    ("day", "xp", "percent"),
    [(1, 50, 100), (6, 50, 100), (7, 55, 110), (29, 55, 110), (30, 62, 125), (99, 62, 125), (100, 75, 150), (101, 75, 150)],
)
def test_a_completion_on_the_nth_day_in_a_row_gets_the_multiplier_of_day_n(day, xp, percent):
    outcome = fold(State(), [*daily(day - 1), *completed(T0 + (day - 1) * DAY + HOUR)])
    assert [(grant.amount, grant.percent) for grant in outcome.grants] == [(xp, percent)]


def test_every_completion_of_the_seventh_day_gets_its_multiplier_even_the_first():
    facts = [*daily(6), *completed(T0 + 6 * DAY + MINUTE, "a"), *completed(T0 + 6 * DAY + HOUR, "b")]
    assert [grant.percent for grant in fold(State(), facts).grants] == [110, 110]


def test_a_completion_after_a_frozen_day_gets_the_multiplier_of_the_streak_it_kept():
    outcome = fold(State(), [*daily(7), *completed(T0 + 8 * DAY)])  # day 8 missed, frozen: streak 8
    assert [grant.percent for grant in outcome.grants] == [110]


def test_a_completion_after_three_frozen_days_keeps_the_multiplier_and_after_four_gets_none():
    outcome = fold(State(), [*daily(30), *completed(T0 + 33 * DAY)])  # 3 missed, freezes: 3 — still kept
    assert [grant.percent for grant in outcome.grants] == [125]
    outcome = fold(State(), [*daily(30), *completed(T0 + 34 * DAY)])  # 4 missed: broken
    assert [grant.percent for grant in outcome.grants] == [100]
