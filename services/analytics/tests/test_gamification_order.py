"""The gamification fold gives the same state whatever order or chunks its facts come in (what
the rebuild relies on), and its stored state round-trips. No database."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest

from parla.analytics.gamification.fold import (
    Catalogue,
    CompletionFact,
    Fact,
    Listing,
    MilestoneFact,
    SlotFact,
    State,
    TimezoneFact,
    fold,
    goes_on_from,
    slot_of,
)

T0 = datetime(2026, 6, 1, 9, tzinfo=UTC)
MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


def completed(at, scenario="s1", *, language="es", difficulty="beginner", score=80.0, duration=900, estimated=10) -> list[Fact]:
    """A completed run as the projection records it: the learner's slot, then the run."""
    run = CompletionFact(
        at, f"{scenario}:{language}:{at.isoformat()}", scenario, language, difficulty, score, duration, estimated
    )
    return [SlotFact(slot_of(at)), run]


# --- order independence, going on, and the stored state -------------------------------------------

START = datetime(2026, 3, 2, tzinfo=UTC)
SCENARIOS = {"r1": "beginner", "r2": "intermediate", "t1": "beginner", "t2": "advanced", "x": "advanced"}
LISTED = Catalogue(
    {
        ("category", "restaurant"): {"r1": Listing(START - DAY), "r2": Listing(START + 10 * DAY)},
        ("category", "travel"): {"t1": Listing(START - DAY), "t2": Listing(START - DAY, until=START + 40 * DAY)},
        ("difficulty", "beginner"): {"r1": Listing(START - DAY), "t1": Listing(START - DAY)},
        ("difficulty", "advanced"): {"t2": Listing(START - DAY, until=START + 40 * DAY), "x": Listing(START + 20 * DAY)},
    }
)


def random_script(seed: int) -> list[Fact]:
    """A few hundred mixed facts over 60 days (across Madrid's spring DST change), with a move
    from Madrid to New York and then to Tokyo, missed days, and ties in time."""
    rng = random.Random(seed)
    facts: list[Fact] = [
        TimezoneFact(START - DAY, "Europe/Madrid"),
        TimezoneFact(START + 30 * DAY + rng.randrange(24) * HOUR, "America/New_York"),
        TimezoneFact(START + 45 * DAY + rng.randrange(24) * HOUR, "Asia/Tokyo"),
    ]
    for day in range(60):
        if rng.random() < 0.1:
            continue
        for _ in range(rng.randint(1, 7)):
            at = START + day * DAY + rng.randrange(24 * 4) * 15 * MINUTE  # on slot starts: ties with slots
            roll = rng.random()
            if roll < 0.45:
                scenario = rng.choice(list(SCENARIOS))
                facts += completed(
                    at, scenario, language=rng.choice(("es", "fr", "de", "it")), difficulty=SCENARIOS[scenario],
                    score=rng.choice((50.0, 70.0, 85.5, 90.0, 95.0, 100.0)), duration=rng.randrange(60, 1500),
                    estimated=rng.choice((0, 10, 20)),
                )  # fmt: skip
            elif roll < 0.65:
                facts.append(SlotFact(slot_of(at + rng.randrange(15) * MINUTE)))
            else:
                kind = rng.choice(("rating", "collection", "bookmark", "share", "word"))
                facts.append(MilestoneFact(at, kind, f"{kind}-{len(facts)}"))
    return list({fact.key: fact for fact in facts}.values())  # a fact is stored once


def stored(state: State) -> State:
    return State.from_json(json.loads(json.dumps(state.to_json())))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_folding_in_later_only_chunks_stored_between_them_equals_folding_all_at_once(seed):
    facts = random_script(seed)
    assert len(facts) >= 200
    whole = State()
    everything = fold(whole, facts, LISTED)
    assert len(everything.grants) == sum(isinstance(fact, CompletionFact) for fact in facts)
    assert whole.freezes_used > 0 and len(whole.unlocked) >= 10  # the script exercises the rules

    ordered = sorted(facts, key=lambda fact: fact.key)
    cuts = [0, *sorted(random.Random(seed).sample(range(1, len(ordered)), 7)), len(ordered)]
    state, grants, unlocked = State(), [], {}
    for start, end in pairwise(cuts):
        chunk = ordered[start:end]
        assert goes_on_from(state, chunk)
        outcome = fold(state, chunk, LISTED)
        assert not unlocked.keys() & outcome.unlocked.keys()
        grants += outcome.grants
        unlocked |= outcome.unlocked
        state = stored(state)
    assert state == whole
    assert (grants, unlocked) == (everything.grants, everything.unlocked)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_folding_a_shuffled_list_equals_folding_it_in_time_order(seed):
    facts = sorted(random_script(seed), key=lambda fact: fact.key)
    shuffled = facts[:]
    random.Random(seed).shuffle(shuffled)
    in_order, any_order = State(), State()
    assert fold(in_order, facts, LISTED) == fold(any_order, shuffled, LISTED)
    assert in_order == any_order


def test_a_state_goes_on_only_with_facts_later_than_all_it_has_folded():
    assert goes_on_from(State(), [SlotFact(T0)])
    state = State()
    fold(state, [SlotFact(T0), MilestoneFact(T0 + HOUR, "rating", "a")])
    assert state.high_water == (T0 + HOUR, 2, "rating:a")
    assert goes_on_from(state, [SlotFact(T0 + 2 * HOUR), *completed(T0 + 3 * HOUR)])
    assert goes_on_from(state, [MilestoneFact(T0 + HOUR, "rating", "b")])  # same time, after it in order
    assert not goes_on_from(state, [MilestoneFact(T0 + HOUR, "rating", "a")])  # the high water itself
    assert not goes_on_from(state, [SlotFact(T0 + HOUR)])  # same time, before it in order
    assert not goes_on_from(state, [SlotFact(T0 + 2 * HOUR), SlotFact(T0 + 30 * MINUTE)])  # one of them earlier


def test_a_fresh_state_round_trips_through_json():
    assert stored(State()) == State()
    assert State.from_json(State().to_json()) == State()


def test_a_folded_state_round_trips_through_json_with_its_times_and_high_water():
    state = State()
    fold(state, random_script(4), LISTED)
    assert state.unlocked and state.high_water is not None and state.last_active_at is not None
    assert State.from_json(state.to_json()) == state
    assert stored(state) == state
    assert isinstance(stored(state).high_water, tuple)
