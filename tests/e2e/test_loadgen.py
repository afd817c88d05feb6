"""The load generator against the running system: simulated learners sign up, play, review,
import, rate and bookmark with no request failing, and the consumers keep up."""

from __future__ import annotations

import asyncio

from parla.devstack.stack import SERVICES
from parla.loadgen.__main__ import main

from .conftest import metric


async def test_simulated_learners_use_every_journey_without_a_failure_and_the_consumers_keep_up(stack, capsys):
    completions = {"consumer": "analytics", "topic": "scenario.completed"}
    before = await metric(stack, "analytics", "parla_consumer_events_processed_total", **completions)
    metrics = ",".join(stack.config.metrics_url(service) for service in SERVICES)
    argv = ["--url", stack.config.url(), "--learners", "6", "--duration", "12", "--rate", "25", "--seed", "5"]
    status = await asyncio.to_thread(main, [*argv, "--metrics", metrics, "--drain", "30"])
    report = capsys.readouterr().out
    assert status == 0, report
    assert " 0 failed" in report and "consumers caught up" in report
    for action in ("sign up", "turn", "complete run", "review"):
        assert f"\n{action} " in report, f"no learner got as far as: {action}\n{report}"
    after = await metric(stack, "analytics", "parla_consumer_events_processed_total", **completions)
    assert after > before  # the completions reached analytics
