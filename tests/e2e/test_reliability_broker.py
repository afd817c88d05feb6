"""Reliability: the Kafka broker SIGKILLed under load, then restarted. Every write the API
accepted reaches every consumer subscribed to it exactly once: counted from the outboxes that
staged the events to the inboxes of their consumers, and by the projections."""

from __future__ import annotations

import asyncio
import time

from parla.devstack.testing import eventually
from parla.devstack.topics import wait_for_broker

from .conftest import completion_event_ids
from .reliability import SCALE, Load, completions_counted, every_event_arrived, missing_from_inboxes, staged_since


async def test_the_broker_killed_and_restarted_under_load_loses_and_doubles_no_accepted_write(stack, kafka):
    since = time.time()
    load = Load(stack, learners=SCALE.learners, seconds=600)  # stopped a little after the restart
    with load:
        await asyncio.sleep(4)
        kafka.kill()
        killed = time.time()
        await asyncio.sleep(SCALE.broker_outage_seconds)
        restarted = time.time()
        kafka.start()  # the learners stop while it boots; what they wrote meanwhile waits in the outboxes
        recorder = await load.finished(now=True)
    await (await wait_for_broker(kafka.bootstrap, timeout=120)).close()

    # What the API refused, it refused cleanly (503 or 504, with Retry-After): nothing else failed.
    unclean = {action: dict(counts) for action, counts in recorder.failures.items() if set(counts) - {503, 504}}
    assert not unclean and recorder.unhinted == 0, "\n".join(recorder.lines())
    for action in ("sign up", "turn", "complete run", "review"):  # the learners went everywhere
        assert recorder.latencies[action], f"no learner got as far as: {action}\n" + "\n".join(recorder.lines())
    completed = load.completed_runs
    assert completed, "no learner completed a run: the load was too light to prove anything"
    staged = await staged_since(stack, since)
    during = await staged_since(stack, killed, until=restarted)
    assert sum(map(len, during.values())) > 0, "nothing was written while the broker was down"
    # Each completion the API accepted staged exactly one event, and every staged event of every
    # type reaches every consumer subscribed to it.
    assert len(await completion_event_ids(stack, completed)) == len(completed)
    try:
        await eventually(lambda: every_event_arrived(stack, staged), timeout=120, interval=1)
    except AssertionError:
        raise AssertionError(f"events lost: {await missing_from_inboxes(stack, staged)}") from None
    # Nothing doubled: each consumer's inbox holds an event once (its key), and the effect it
    # guards was applied once: analytics counted each completed run once.
    assert await completions_counted(stack, load) == len(completed)
