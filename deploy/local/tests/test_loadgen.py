"""The load generator's parts: learners' answers drawn from their memory, the report's figures,
and the bounds it refuses to go past."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from parla.loadgen.__main__ import options
from parla.loadgen.memory import Memory, rating_for
from parla.loadgen.report import Recorder, consumer_lag, percentile

NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


def test_a_learner_recalls_a_new_card_about_as_often_as_its_first_recall_says():
    memory = Memory(random.Random(7), first_recall=0.35)
    recalled = sum(memory.answer(f"card-{n}", NOW)[0] != "again" for n in range(4000))
    assert 0.32 < recalled / 4000 < 0.38


def test_recall_follows_retrievability_as_time_passes():
    memory = Memory(random.Random(3))
    memory.answer("card", NOW)  # first seen
    fresh = memory.recall_probability("card", NOW + timedelta(minutes=1))
    later = memory.recall_probability("card", NOW + timedelta(days=30))
    assert 0 < later < fresh <= 1


def test_drawn_recalls_match_the_probability_they_were_drawn_from():
    rng, draws = random.Random(11), []
    for n in range(3000):
        memory = Memory(rng)
        memory.answer(f"c{n}", NOW)
        days = rng.uniform(0.5, 20)
        rating, probability = memory.answer(f"c{n}", NOW + timedelta(days=days))
        draws.append((rating != "again", probability))
    expected = sum(p for _, p in draws) / len(draws)
    observed = sum(recalled for recalled, _ in draws) / len(draws)
    assert abs(observed - expected) < 0.03


@pytest.mark.parametrize(
    ("recalled", "probability", "rating"),
    [(False, 0.99, "again"), (True, 0.5, "hard"), (True, 0.8, "good"), (True, 0.97, "easy")],
)
def test_the_rating_says_how_sure_the_learner_was(recalled, probability, rating):
    assert rating_for(recalled, probability) == rating


def test_percentiles_are_nearest_rank():
    values = [float(n) for n in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99)) == (50.0, 95.0, 99.0)
    assert percentile([], 0.99) == 0.0


def test_rate_limited_requests_are_counted_apart_from_failures():
    recorder = Recorder()
    recorder.record("sign up", 0.2, 201)
    recorder.record("sign up", 0.1, 429)
    recorder.record("turn", 0.3, 503)
    recorder.record("turn", 5.0, 0)  # no answer at all
    recorder.record("rate", 0.1, 409)  # not yet: the completion has not reached the ratings
    assert (recorder.succeeded, recorder.failed, sum(recorder.limited.values()), sum(recorder.refused.values())) == (1, 2, 1, 1)
    report = "\n".join(recorder.lines({"analytics": 3}))
    assert "503: 1" in report and "no answer: 1" in report and "PARLA_AUTH_RATE_LIMIT" in report and "analytics 3" in report


def test_consumer_lag_is_summed_per_group_over_topics_and_partitions():
    page = "\n".join(
        [
            "# TYPE parla_consumer_lag gauge",
            'parla_consumer_lag{consumer="analytics",topic="scenario.completed",partition="0"} 4.0',
            'parla_consumer_lag{consumer="analytics",topic="review.recorded",partition="2"} 1.0',
            'parla_consumer_lag{consumer="content",topic="scenario.completed",partition="0"} 0.0',
        ]
    )
    assert consumer_lag([page, page]) == {"analytics": 10.0, "content": 0.0}


@pytest.mark.parametrize(
    ("argv", "refusal"),
    [
        (["--url", "http://parla.example.com"], "loopback"),
        (["--learners", "1001"], "--learners"),
        (["--duration", "7200"], "--duration"),
        (["--rate", "0"], "--rate"),
        (["--metrics", "http://10.0.0.5:9101/metrics"], "--metrics"),
    ],
)
def test_the_generator_stays_within_its_bounds_and_on_this_machine(argv, refusal, capsys):
    with pytest.raises(SystemExit):
        options(argv)
    assert refusal in capsys.readouterr().err
