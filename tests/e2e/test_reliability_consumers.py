"""Reliability: every consumer process SIGKILLed mid-batch, again and again, under load. Every
event still reaches every consumer exactly once, and the redeliveries a kill causes are absorbed
by the inbox (observed on the restarted process's metrics)."""

from __future__ import annotations

import asyncio
import signal
import time

import asyncpg

from parla.devstack.testing import eventually

from .conftest import metric
from .reliability import (
    FULL,
    SCALE,
    Load,
    completions_counted,
    every_event_arrived,
    missing_from_inboxes,
    staged_since,
    subscribers,
)

# Each kill restarts the consumer with a pause between its database commit and its offset commit
# (fault injection), so that the next kill very likely lands in between: effects without their
# offsets, which must come back as redeliveries and be skipped.
WIDENED = {"PARLA_CONSUMER_COMMIT_PAUSE_SECONDS": "0.4"}


async def duplicates_skipped(stack, consumer: str) -> float:
    """Events the consumer's inbox skipped as already applied, since its process started."""
    return await metric(stack, consumer, "parla_consumer_events_duplicate_total", consumer=consumer)


async def test_each_consumer_killed_mid_batch_applies_every_event_once_and_absorbs_its_redeliveries(stack):
    consumers = sorted({consumer for group in subscribers().values() for consumer in group})
    if not FULL:  # bounded: the one that consumes the most
        consumers = ["analytics"]
    since = time.time()
    redelivered: dict[str, float] = dict.fromkeys(consumers, 0.0)
    load = Load(stack, learners=SCALE.learners, seconds=600)  # stopped once the kills are done
    with load:
        try:
            for consumer in consumers:
                await restart(stack, consumer, WIDENED, stop_first=True)
                for kill in range(SCALE.kills_per_consumer):
                    # What this process has skipped so far, read before its batch is awaited: the kill
                    # then follows the batch's commit at once, well inside the widened pause (a read
                    # in between could outlast the pause on a loaded machine, and the kill miss it).
                    skipped = await duplicates_skipped(stack, consumer)
                    await batch_committed(stack, consumer)  # mid-batch: its effects, not yet its offsets
                    stack.processes[consumer].send_signal(signal.SIGKILL)
                    redelivered[consumer] += skipped
                    await asyncio.to_thread(stack.processes[consumer].wait)
                    last = kill == SCALE.kills_per_consumer - 1
                    await restart(stack, consumer, None if last else WIDENED)
                # The batch comes back once the group has given the dead member's partitions to the
                # new one (its session times out first), and the inbox skips what was applied.
                redelivered[consumer] += await eventually(lambda c=consumer: skipped_some(stack, c), timeout=60)
        except BaseException:  # the other e2e tests share this stack: its consumers go back to normal
            for consumer in consumers:
                await restart(stack, consumer, stop_first=True)
            raise
        recorder = await load.finished(now=True)

    # The killed processes serve gRPC too: while one restarts, its routes answer 503 with
    # Retry-After (a clean refusal); nothing else may fail.
    unclean = {action: dict(counts) for action, counts in recorder.failures.items() if set(counts) - {503}}
    assert not unclean and recorder.unhinted == 0, "\n".join(recorder.lines())
    staged = await staged_since(stack, since)
    try:
        await eventually(lambda: every_event_arrived(stack, staged), timeout=120, interval=1)
    except AssertionError:
        raise AssertionError(f"events lost: {await missing_from_inboxes(stack, staged)}") from None
    assert await completions_counted(stack, load) == len(load.completed_runs)
    # A kill that landed between a batch's commit and its offsets' brought the batch back, and
    # the inbox skipped it; at least one such redelivery was seen.
    assert sum(redelivered.values()) >= 1, redelivered


async def skipped_some(stack, consumer: str) -> float | None:
    return await duplicates_skipped(stack, consumer) or None


async def batch_committed(stack, consumer: str, timeout: float = 30.0) -> None:
    """Returns as soon as the consumer's inbox grows: a batch's transaction has just committed,
    and (with the widened pause) its offsets are not committed yet."""
    dsn = stack.config.database_urls[consumer].replace("postgresql+asyncpg://", "postgresql://")
    connection = await asyncpg.connect(dsn)
    try:
        count = "SELECT count(*) FROM inbox WHERE consumer = $1"
        before, deadline = await connection.fetchval(count, consumer), time.monotonic() + timeout
        while await connection.fetchval(count, consumer) == before:
            assert time.monotonic() < deadline, f"{consumer} applied nothing for {timeout:.0f} s under load"
            await asyncio.sleep(0.02)
    finally:
        await connection.close()


async def restart(stack, consumer: str, extra_env: dict[str, str] | None = None, *, stop_first: bool = False) -> None:
    if stop_first:
        stack.stop_process(consumer)
    stack.start_process(consumer, extra_env)
    await asyncio.to_thread(stack.wait_healthy, 90)
