"""How fast the consumers absorb events, against a raw drain of the same topic in the same run.

    uv run python bench/ingest.py                      # 20,000 events, SQLite then PostgreSQL
    uv run python bench/ingest.py --events 5000 --databases sqlite

Starts the whole local stack (as `make run` does, or on PostgreSQL), produces ``--events`` valid
``scenario.completed`` events (2,000 learners, each run missing two words) straight to the topic,
and measures until every one is applied by analytics (a learning session and progress) and by
content (cards and their sources): both record each event in their inbox in the transaction of
its effect, so the inbox counts say when every effect is visible. Then a bare aiokafka consumer,
in a group of its own, reads the same records from the beginning: the raw drain.

Last, a completion made over HTTP at a steady ``--rate`` per second: how long until
GET /api/v1/progress shows it.
"""

from __future__ import annotations

import argparse
import asyncio
import time
import uuid

import httpx
import orjson
from _common import DATABASES, database_url, percentile, running_stack, sign_up, start_run
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from parla.analytics.db import LearningSessionRow
from parla.chassis.messaging import inbox_table
from parla.contracts.topics import topic_for
from parla.devstack.stack import Stack
from parla.devstack.testing import scenario_completed, vocabulary

TOPIC = topic_for("scenario.completed").name
TARGETS = "analytics >= 0.25x the raw drain; content >= 0.1x; progress shows an HTTP completion with p99 <= 250 ms at 100/s"
LEARNERS = 2000


async def produce(bootstrap: str, count: int) -> float:
    """``count`` completions, keyed by learner as the scenario service keys them; seconds taken."""
    learners = [uuid.uuid4() for _ in range(LEARNERS)]
    words = [vocabulary(f"palabra{n}", f"cosa{n % 50}") for n in range(100)]
    payloads = [
        (str(user).encode(), orjson.dumps(scenario_completed(user_id=user, vocabulary_missed=words[n % 100]).envelope()))
        for n, user in ((n, learners[n % LEARNERS]) for n in range(count))
    ]
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=20)
    await producer.start()
    began = time.perf_counter()
    try:
        sent = [await producer.send(TOPIC, value=value, key=key) for key, value in payloads]
        await asyncio.gather(*sent)
    finally:
        await producer.stop()
    return time.perf_counter() - began


async def applied(stack: Stack, consumer: str) -> int:
    engine = create_async_engine(database_url(stack, consumer))
    try:
        async with engine.connect() as connection:
            query = select(func.count()).select_from(inbox_table).where(inbox_table.c.consumer == consumer)
            return int(await connection.scalar(query))
    finally:
        await engine.dispose()


async def ingest(stack: Stack, count: int) -> dict[str, float]:
    """Seconds from the first record produced until each consumer applied all ``count``."""
    before = {name: await applied(stack, name) for name in ("analytics", "content")}
    began = time.perf_counter()
    produce_task = asyncio.create_task(produce(stack.config.kafka_bootstrap, count))
    done: dict[str, float] = {}
    deadline = began + 600
    while len(done) < 2 and time.perf_counter() < deadline:
        await asyncio.sleep(0.1)
        for name in ("analytics", "content"):
            if name not in done and await applied(stack, name) - before[name] >= count:
                done[name] = time.perf_counter() - began
    done["produce"] = await produce_task
    return done


async def raw_drain(bootstrap: str, count: int) -> float:
    consumer = AIOKafkaConsumer(
        TOPIC,
        bootstrap_servers=bootstrap,
        group_id=f"bench-drain-{uuid.uuid4()}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        max_poll_records=2000,
    )
    await consumer.start()
    try:
        read, began = 0, time.perf_counter()
        while read < count:
            batches = await consumer.getmany(timeout_ms=500, max_records=2000)
            read += sum(len(records) for records in batches.values())
        return time.perf_counter() - began
    finally:
        await consumer.stop()


async def completion_latency(stack: Stack, rate: float, seconds: float) -> list[float]:
    """Milliseconds from each completion's answer until the learner's progress shows it.

    One watcher reads the analytics database (what GET /api/v1/progress reads, uncached) every
    10 ms for the runs awaited, rather than each learner polling the API: at 100 completions a
    second, learners polling would load the gateway more than the completions do. At the end,
    every learner's progress is read through the API once, to be sure it shows the run."""
    count = int(rate * seconds)
    async with httpx.AsyncClient(base_url=stack.config.url(), timeout=60) as client:
        learners = []
        for n in range(count):  # set up first: a learner each, with a run started
            headers = await sign_up(client, f"ingest-{n}-{time.time_ns()}@example.com")
            learners.append((headers, await start_run(client, headers, "restaurant-dinner-reservation")))
        answered: dict[str, float] = {}
        shown: dict[str, float] = {}

        async def complete(headers: dict[str, str], run_id: str) -> None:
            (await client.post(f"/api/v1/runs/{run_id}/complete", headers=headers)).raise_for_status()
            answered[run_id] = time.perf_counter()

        async def watch() -> None:
            engine = create_async_engine(database_url(stack, "analytics"))
            try:
                while len(shown) < count:
                    waiting = [uuid.UUID(run) for run in answered if run not in shown]
                    if waiting:
                        async with engine.connect() as connection:
                            found = await connection.scalars(
                                select(LearningSessionRow.run_id).where(LearningSessionRow.run_id.in_(waiting))
                            )
                            now = time.perf_counter()
                            for run_id in found:
                                shown[str(run_id)] = now
                    await asyncio.sleep(0.01)
            finally:
                await engine.dispose()

        watcher = asyncio.create_task(watch())
        began, tasks = time.perf_counter(), []
        for n, (headers, run_id) in enumerate(learners):  # open loop: one every 1/rate seconds
            await asyncio.sleep(max(0.0, began + n / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(complete(headers, run_id)))
        await asyncio.gather(*tasks)
        await asyncio.wait_for(watcher, timeout=120)
        for headers, _ in learners:
            progress = (await client.get("/api/v1/progress", headers=headers)).json()
            if progress["scenarios_completed"] != 1:
                raise RuntimeError(f"progress does not show the completed run: {progress}")
    return [(shown[run] - answered[run]) * 1000 for run in answered]


def bench(database: str, count: int, rate: float, seconds: float) -> None:
    with running_stack(database) as stack:
        times = asyncio.run(ingest(stack, count))
        drain = asyncio.run(raw_drain(stack.config.kafka_bootstrap, count))
        latencies = asyncio.run(completion_latency(stack, rate, seconds))
    raw = count / drain
    print(f"\n[{database}] {count:,} events produced in {times['produce']:.1f} s", flush=True)
    print(f"  raw aiokafka drain          {raw:10,.0f} events/s  ({drain:.2f} s)  baseline")
    verdicts = []
    for name, target in (("analytics", 0.25), ("content", 0.1)):
        if name not in times:
            print(f"  {name:27s} did not apply every event within 600 s")
            verdicts.append(f"{name} NOT met")
            continue
        rate_ = count / times[name]
        print(f"  {name:27s} {rate_:10,.0f} events/s  ({times[name]:.2f} s)  {rate_ / raw:.3f}x the raw drain")
        verdicts.append(f"{name} >= {target}x {'met' if rate_ >= target * raw else 'NOT met'}")
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    print(f"  HTTP completion -> progress {len(latencies)} at {rate:g}/s: p50 {p50:.0f} ms, p99 {p99:.0f} ms")
    verdicts.append(f"progress p99 <= 250 ms {'met' if p99 <= 250 else 'NOT met'}")
    print(f"  target: {TARGETS}\n  result: {'; '.join(verdicts)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--databases", nargs="+", choices=DATABASES, default=list(DATABASES))
    parser.add_argument("--rate", type=float, default=100.0, help="HTTP completions per second")
    parser.add_argument("--seconds", type=float, default=5.0, help="how long completions go on at --rate")
    options = parser.parse_args()
    for database in options.databases:
        bench(database, options.events, options.rate, options.seconds)


if __name__ == "__main__":
    main()
