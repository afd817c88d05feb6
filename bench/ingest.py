"""How fast the consumers absorb events, against a raw drain of the same topic in the same run.

    uv run python bench/ingest.py                      # 20,000 events, SQLite then PostgreSQL
    uv run python bench/ingest.py --events 5000 --databases sqlite

Starts the whole local stack (as `make run` does, or on PostgreSQL), stops analytics and content,
produces ``--events`` valid ``scenario.completed`` events (2,000 learners, each run missing two
words) straight to the topic, starts the two services again and measures how fast each applies
the backlog: analytics (a learning session and progress) and content (cards and their sources)
both record each event in their inbox in the transaction of its effect, so the inbox counts say
when every effect is visible. The clock runs from the first event visible to the last, so a
service's start-up is not counted, and neither is the producer: consumers fed while the events
are still being produced could go no faster than the producer does. Then a bare aiokafka consumer,
in a group of its own, reads the same records from the beginning, timed the same way (first record
to last): the raw drain, once record by record (as the issue measured it) and once with
``getmany`` in batches of 2,000 (the fastest a Python consumer reads). Beside them, how fast
this process decodes and validates the same records and does nothing else: the ceiling of any
consumer that checks what it consumes, before it writes a row. On SQLite, the floor under each
consumer's rate (``_statements``): the SQL statements its code sends to apply the same events, run
by the bare ``sqlite3`` driver alone; and the rate its code applies them at in this process,
without Kafka; in batches of the live consumer's size (500) and of 5,000.

Last, a completion made over HTTP at a steady ``--rate`` per second: how long until the
learner's dashboard, progress, XP and trending show it (one transaction of the analytics
consumer writes all of them, so the watcher waits for the last one written, the run's XP grant),
and the CPU the stack's processes spent per completion meanwhile.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
import uuid

import httpx
import orjson
from _common import DATABASES, database_url, percentile, running_stack, sign_up, stack_cpu_seconds, start_run
from _statements import Floor, statements_floor
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from parla.analytics.gamification.db import XpGrantRow
from parla.chassis.messaging import decode_event, inbox_table
from parla.contracts.topics import topic_for
from parla.devstack.stack import Stack
from parla.devstack.testing import scenario_completed, vocabulary

TOPIC = topic_for("scenario.completed").name
TARGETS = (
    "analytics (every projection) >= 0.25x the raw drain; content >= 0.1x; "
    "dashboard and trending show an HTTP completion with p99 <= 250 ms at 100/s"
)
LEARNERS = 2000


def completions(count: int) -> list[tuple[bytes, bytes]]:
    """``count`` completions as (key, value) records, keyed by learner as the scenario service keys them."""
    learners = [uuid.uuid4() for _ in range(LEARNERS)]
    words = [vocabulary(f"palabra{n}", f"cosa{n % 50}") for n in range(100)]
    return [
        (str(user).encode(), orjson.dumps(scenario_completed(user_id=user, vocabulary_missed=words[n % 100]).envelope()))
        for n, user in ((n, learners[n % LEARNERS]) for n in range(count))
    ]


LARGE_BATCH = 5000


def floors(count: int) -> dict[str, tuple[Floor, Floor]]:
    """Each consumer's SQL alone, and its code in this process, on the same completions (SQLite):
    in batches of the live consumer's size, and in batches ten times as large (fewer commits,
    and a learner's several events of a batch added up into one row of each total)."""
    events = [decode_event(value, topic=TOPIC) for _, value in completions(count)]
    return {name: (statements_floor(name, events), statements_floor(name, events, LARGE_BATCH)) for name in CONSUMERS}


def validating_ceiling(count: int) -> float:
    """Events per second this process decodes and validates the same records at, and does nothing
    else: the most any consumer that checks what it consumes could apply, before writing anything."""
    values = [value for _, value in completions(count)]
    began = time.perf_counter()
    for value in values:
        decode_event(value, topic=TOPIC)
    return count / (time.perf_counter() - began)


async def produce(bootstrap: str, count: int) -> float:
    """``count`` completions produced to the topic; seconds taken."""
    payloads = completions(count)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", enable_idempotence=True, linger_ms=20)
    await producer.start()
    began = time.perf_counter()
    try:
        sent = [await producer.send(TOPIC, value=value, key=key) for key, value in payloads]
        await asyncio.gather(*sent)
    finally:
        await producer.stop()
    return time.perf_counter() - began


CONSUMERS = ("analytics", "content")


async def applied(stack: Stack, consumer: str) -> int:
    engine = create_async_engine(database_url(stack, consumer))
    try:
        async with engine.connect() as connection:
            return int(await connection.scalar(_inbox_count(consumer)))
    finally:
        await engine.dispose()


def _inbox_count(consumer: str):
    return select(func.count()).select_from(inbox_table).where(inbox_table.c.consumer == consumer)


async def absorbed(stack: Stack, consumer: str, before: int, count: int) -> float | None:
    """Events per second ``consumer`` applies ``count`` new events at, from the first visible to
    the last; None if it has not applied them all within 600 s."""
    engine = create_async_engine(database_url(stack, consumer))
    first: tuple[float, int] | None = None
    deadline = time.perf_counter() + 600
    try:
        while time.perf_counter() < deadline:
            async with engine.connect() as connection:
                seen = int(await connection.scalar(_inbox_count(consumer))) - before
            now = time.perf_counter()
            if first is None and seen > 0:
                first = (now, seen)
            if first is not None and seen >= count and now > first[0]:
                return (count - first[1]) / (now - first[0])
            await asyncio.sleep(0.02)
        return None
    finally:
        await engine.dispose()


async def ingest(stack: Stack, count: int) -> dict[str, float | None]:
    """Each consumer's rate over a backlog of ``count`` events; and the seconds producing took."""
    for name in CONSUMERS:
        stack.stop_process(name)
    before = {name: await applied(stack, name) for name in CONSUMERS}
    produced = await produce(stack.config.kafka_bootstrap, count)
    for name in CONSUMERS:
        stack.start_process(name)
    rates = await asyncio.gather(*(absorbed(stack, name, before[name], count) for name in CONSUMERS))
    stack.wait_healthy(timeout=120)
    return {"produce": produced, **dict(zip(CONSUMERS, rates, strict=True))}


async def raw_drain(bootstrap: str, count: int, *, batched: bool) -> float | None:
    """Records per second a bare consumer reads the topic at, from the first record to the last
    (those of the first fetch not counted, their clock not having run): record by record
    (``async for``), or with ``getmany`` in batches of 2,000. None if one fetch read them all."""
    consumer = AIOKafkaConsumer(
        TOPIC,
        bootstrap_servers=bootstrap,
        group_id=f"bench-drain-{uuid.uuid4()}",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        max_poll_records=2000 if batched else 500,
    )
    await consumer.start()
    try:
        read, first, uncounted = 0, 0.0, 0
        if batched:
            while read < count:
                batches = await consumer.getmany(timeout_ms=500, max_records=2000)
                read += sum(len(records) for records in batches.values())
                if not first and read:
                    first, uncounted = time.perf_counter(), read
        else:
            async for _ in consumer:
                first = first or time.perf_counter()
                read += 1
                if read >= count:
                    break
            uncounted = 1
        return (count - uncounted) / (time.perf_counter() - first) if count > uncounted else None
    finally:
        await consumer.stop()


async def completion_latency(stack: Stack, rate: float, seconds: float) -> tuple[list[float], dict[str, float]]:
    """Milliseconds from each completion's answer until the learner's dashboard shows it, and
    the CPU milliseconds each of the stack's processes spent per completion meanwhile (on the gateway,
    the scenario service, the relays and every consumer of the completion and of what follows
    from it, such as the XP grant): at more than the machine's cores' worth, completions queue.

    One watcher reads the analytics database (what the API reads, uncached) every 10 ms for the
    runs awaited, rather than each learner polling the API: at 100 completions a second, learners
    polling would load the gateway more than the completions do. It waits for the run's XP grant,
    written last in the consumer's one transaction with the learning session, the dashboard's day
    and the trending counts. At the end, every learner's progress, dashboard and XP are read
    through the API once, to be sure they show the run."""
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
                            found = await connection.scalars(select(XpGrantRow.run_id).where(XpGrantRow.run_id.in_(waiting)))
                            now = time.perf_counter()
                            for run_id in found:
                                shown[str(run_id)] = now
                    await asyncio.sleep(0.01)
            finally:
                await engine.dispose()

        watcher = asyncio.create_task(watch())
        cpu_before = stack_cpu_seconds(stack)
        began, tasks = time.perf_counter(), []
        for n, (headers, run_id) in enumerate(learners):  # open loop: one every 1/rate seconds
            await asyncio.sleep(max(0.0, began + n / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(complete(headers, run_id)))
        await asyncio.gather(*tasks)
        await asyncio.wait_for(watcher, timeout=120)
        cpu_after = stack_cpu_seconds(stack)
        cpu_per_completion = {name: (cpu_after[name] - cpu_before[name]) * 1000 / count for name in cpu_after}
        for headers, _ in learners:
            progress = (await client.get("/api/v1/progress", headers=headers)).json()
            days = (await client.get("/api/v1/dashboard", headers=headers)).json()["days"]
            xp = (await client.get("/api/v1/gamification", headers=headers)).json()["xp"]
            if progress["scenarios_completed"] != 1 or sum(day["scenarios"] for day in days) != 1 or xp <= 0:
                raise RuntimeError(f"the API does not show the completed run: {progress}, {days}, {xp} XP")
    return [(shown[run] - answered[run]) * 1000 for run in answered], cpu_per_completion


def bench(database: str, count: int, rate: float, seconds: float) -> None:
    with running_stack(database) as stack:
        results = asyncio.run(ingest(stack, count))
        raw = asyncio.run(raw_drain(stack.config.kafka_bootstrap, count, batched=False))
        batched = asyncio.run(raw_drain(stack.config.kafka_bootstrap, count, batched=True))
        latencies, cpu_ms = asyncio.run(completion_latency(stack, rate, seconds))
    ceiling = validating_ceiling(count)
    floor = floors(count) if database == "sqlite" else {}
    print(f"\n[{database}] {count:,} events produced in {results['produce']:.1f} s, then applied by the services", flush=True)
    print(f"  raw drain, record by record {raw:10,.0f} events/s  baseline (the issue's bare consumer)")
    if batched is None:
        print("  raw drain, getmany 2,000    read in one fetch: no rate")
    else:
        print(f"  raw drain, getmany 2,000    {batched:10,.0f} events/s  {batched / raw:.2f}x")
    print(f"  decoding and validating     {ceiling:10,.0f} events/s  {ceiling / raw:.2f}x (in one process, nothing written)")
    verdicts = []
    for name, target in (("analytics", 0.25), ("content", 0.1)):
        rate_ = results[name]
        if rate_ is None:
            print(f"  {name:27s} did not apply every event within 600 s")
            verdicts.append(f"{name} NOT met")
            continue
        print(f"  {name:27s} {rate_:10,.0f} events/s  {rate_ / raw:.3f}x the raw drain")
        verdicts.append(f"{name} >= {target}x {'met' if rate_ >= target * raw else 'NOT met'}")
        if name in floor:
            over = [_floor_lines(floor_, raw, ceiling, target) for floor_ in floor[name]]
            if all(over):
                verdicts.append(f"{name}: reading, decoding and its SQL alone take more than the target allows")
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    print(f"  HTTP completion -> dashboard {len(latencies)} at {rate:g}/s: p50 {p50:.0f} ms, p99 {p99:.0f} ms")
    cores, total = os.cpu_count() or 1, sum(cpu_ms.values())
    print(
        f"  CPU per completion          {total:6.1f} ms in the stack's processes, broker not counted "
        f"({', '.join(f'{name} {ms:.1f}' for name, ms in sorted(cpu_ms.items(), key=lambda item: -item[1]))}): "
        f"{total * rate / 1000:.2f} cores at {rate:g}/s, of the machine's {cores}"
    )
    verdicts.append(f"dashboard p99 <= 250 ms {'met' if p99 <= 250 else 'NOT met'}")
    print(f"  target: {TARGETS}\n  result: {'; '.join(verdicts)}", flush=True)


def _floor_lines(floor: Floor, raw: float, ceiling: float, target: float) -> bool:
    """Prints a consumer's floor; whether reading, decoding and its SQL alone exceed the target."""
    alone, code = floor.statements_alone, floor.in_process
    print(f"    in batches of {floor.batch:,}")
    print(f"      its code in this process {code:9,.0f} events/s  {code / raw:.3f}x (no Kafka, no decoding)")
    print(
        f"      its SQL alone            {alone:9,.0f} events/s  {alone / raw:.3f}x (the statements its code sent, "
        f"{floor.rows_per_event:.1f} rows an event, run by the bare sqlite3 driver)"
    )
    print(
        f"      per event                {1e6 / (target * raw):6.0f} µs at the target; reading the record "
        f"{1e6 / raw:.0f} µs, decoding it {1e6 / ceiling:.0f} µs and its SQL alone {1e6 / alone:.0f} µs, "
        "before any of its code"
    )
    return 1 / raw + 1 / ceiling + 1 / alone > 1 / (target * raw)


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
