"""What the reliability suite (tests/e2e/test_reliability_*.py) shares: its scale, simulated
learners in the background while a fault lasts, and the accounting of every event from the
outboxes that staged it to the inboxes of every consumer subscribed to it.

`make reliability` runs the suite at full scale (PARLA_RELIABILITY=full: a 30-second broker
outage, every consumer killed five times, 100 poison messages); `make test` runs the same tests
bounded, so that they keep their place in CI's time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from parla.analytics.consumers import events as analytics_events
from parla.content.consumers import events as content_events
from parla.devstack.stack import Stack
from parla.gateway.events import events as gateway_events
from parla.loadgen.__main__ import run
from parla.loadgen.learners import Learner
from parla.loadgen.report import Recorder
from parla.organization.consumers import events as organization_events
from parla.persona.consumers import events as persona_events
from parla.scenario.consumers import events as scenario_events

from .conftest import query

FULL = os.environ.get("PARLA_RELIABILITY") == "full"


@dataclass(frozen=True)
class Scale:
    learners: int
    broker_outage_seconds: float
    kills_per_consumer: int
    poison_messages: int


SCALE = (
    Scale(learners=12, broker_outage_seconds=30, kills_per_consumer=5, poison_messages=100)
    if FULL
    else Scale(learners=4, broker_outage_seconds=4, kills_per_consumer=1, poison_messages=20)
)
PRODUCERS = ("gateway", "scenario", "content", "persona", "organization", "analytics")


def subscribers() -> dict[str, set[str]]:
    """Event type -> the services that consume it, as the code declares it."""
    found: dict[str, set[str]] = defaultdict(set)
    for declared in (
        analytics_events(),
        content_events(),
        organization_events(),
        persona_events(),
        scenario_events(),
        gateway_events(),
    ):
        for subscription in declared.subscriptions:
            found[subscription.event.event_type].add(declared.service)
    return found


@dataclass
class Load:
    """Simulated learners (the load generator) in a thread of their own for ``seconds``."""

    stack: Stack
    learners: int
    seconds: float
    rate: float = 25.0
    population: list[Learner] = field(default_factory=list)
    recorder: Recorder | None = None

    def __post_init__(self) -> None:
        self._thread = threading.Thread(target=self._run, name="simulated learners", daemon=True)
        self._stop = threading.Event()

    def _run(self) -> None:
        chosen = argparse.Namespace(
            url=self.stack.config.url(), learners=self.learners, duration=self.seconds, rate=self.rate, seed=17
        )
        self.recorder = asyncio.run(run(chosen, self.population, self._stop.is_set))

    def __enter__(self) -> Load:
        self._thread.start()
        return self

    def __exit__(self, failure: type[BaseException] | None, *_: object) -> None:
        if failure is not None:  # the test failed: the learners stop now, not at the end of ``seconds``
            self._stop.set()
        self._thread.join(timeout=self.seconds + 120)

    async def finished(self, *, now: bool = False) -> Recorder:
        """The learners' report once they have stopped: at the end of ``seconds``, or ``now``."""
        if now:
            self._stop.set()
        await asyncio.to_thread(self._thread.join, self.seconds + 120)
        assert self.recorder is not None, "the simulated learners did not finish"
        return self.recorder

    @property
    def completed_runs(self) -> set[str]:
        return {run_id for learner in self.population for run_id in learner.completed_runs}

    @property
    def learners_ids(self) -> list[str]:
        return [learner.user_id for learner in self.population if learner.user_id]


async def completions_counted(stack: Stack, load: Load) -> int:
    """How many completions analytics counted for the simulated learners: one per completed
    run, or an event was applied twice."""
    rows = await query(
        stack,
        "analytics",
        "SELECT coalesce(sum(completions), 0) FROM learner_scenarios WHERE user_id = ANY(CAST(:users AS uuid[]))",
        users=load.learners_ids,
    )
    return int(rows[0][0])


async def staged_since(stack: Stack, since: float, until: float | None = None) -> dict[str, set[str]]:
    """Event type -> ids of the events every outbox staged from ``since`` (to ``until``; epoch seconds)."""
    staged: dict[str, set[str]] = defaultdict(set)
    for service in PRODUCERS:
        rows = await query(
            stack,
            service,
            "SELECT event_type, event_id FROM outbox"
            " WHERE created_at >= to_timestamp(:since) AND created_at < to_timestamp(:until)",
            since=since,
            until=until or 4e9,
        )
        for event_type, event_id in rows:
            staged[event_type].add(str(event_id))
    return staged


async def missing_from_inboxes(stack: Stack, staged: dict[str, set[str]]) -> dict[str, int]:
    """For each consumer, how many staged events of the types it subscribes to its inbox lacks."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for event_type, consumers in subscribers().items():
        for consumer in consumers:
            wanted[consumer] |= staged.get(event_type, set())
    missing = {}
    for consumer, ids in wanted.items():
        rows = await query(stack, consumer, "SELECT event_id FROM inbox WHERE consumer = :consumer", consumer=consumer)
        missing[consumer] = len(ids - {str(event_id) for (event_id,) in rows})
    return missing


async def every_event_arrived(stack: Stack, staged: dict[str, set[str]]) -> bool:
    return not any((await missing_from_inboxes(stack, staged)).values())
