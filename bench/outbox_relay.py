"""Outbox relay throughput: committed events per second reaching Kafka through the outbox,
against the same idempotent producer sending directly (the baseline), in one run, one broker.

    make bench                      # or: uv run python bench/outbox_relay.py --events 2000

Uses KAFKA_BOOTSTRAP_SERVERS when set, otherwise starts the local broker in a temporary folder.
The database is a SQLite file, the embedded default.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import orjson
from sqlalchemy import func, select

from parla.chassis.db import Database, make_engine
from parla.chassis.messaging import add_event, make_producer, messaging_metadata, outbox_table
from parla.chassis.relay import OutboxRelay
from parla.contracts.events import ScenarioStarted
from parla.contracts.topics import topic_for
from parla.devstack.kafka import KafkaRunner
from parla.devstack.testing import free_port
from parla.devstack.topics import ensure_topics


def event() -> ScenarioStarted:
    return ScenarioStarted(
        run_id=uuid.uuid4(),
        user_id=uuid.uuid4(),
        scenario_id="hotel-check-in",
        language="es",
        category="travel",
        difficulty="beginner",
    )


async def direct(bootstrap: str, count: int) -> float:
    """Baseline: one send_and_wait per event, as a service that published directly would."""
    producer = make_producer(bootstrap, client_id="bench-direct")
    await producer.start()
    try:
        topic = topic_for("scenario.started").name
        started = time.perf_counter()
        for _ in range(count):
            item = event()
            await producer.send_and_wait(topic, value=orjson.dumps(item.envelope()), key=item.partition_key().encode())
        return count / (time.perf_counter() - started)
    finally:
        await producer.stop()


async def through_outbox(bootstrap: str, count: int, folder: Path) -> float:
    """Each event committed in its own transaction; timed until the relay marked the last one sent."""
    db = Database(make_engine(f"sqlite+aiosqlite:///{folder / f'bench-{uuid.uuid4().hex}.db'}"))
    async with db.engine.begin() as connection:
        await connection.run_sync(messaging_metadata.create_all)
    relay = OutboxRelay(db=db, bootstrap_servers=bootstrap, service="bench", poll_seconds=1.0)
    task = asyncio.create_task(relay.run())
    try:
        await asyncio.sleep(1.0)  # let the relay's producer connect before the clock starts
        started = time.perf_counter()
        for _ in range(count):
            async with db.transaction() as session:
                await add_event(session, event())
        while True:
            async with db.reading() as session:
                pending = await session.scalar(
                    select(func.count()).select_from(outbox_table).where(outbox_table.c.sent_at.is_(None))
                )
            if pending == 0:
                return count / (time.perf_counter() - started)
            await asyncio.sleep(0.01)
    finally:
        relay.stop()
        await task
        await db.dispose()


async def main(count: int, rounds: int) -> None:
    runner = None
    bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    with tempfile.TemporaryDirectory() as tmp:
        if not bootstrap:
            runner = KafkaRunner(Path(tmp) / "kafka", port=free_port(), controller_port=free_port())
            runner.start()
            bootstrap = runner.bootstrap
        try:
            await ensure_topics(bootstrap)
            await direct(bootstrap, 200)  # warm-up: connections, metadata, JIT in the broker
            baseline, outbox = [], []
            for _ in range(rounds):
                baseline.append(await direct(bootstrap, count))
                outbox.append(await through_outbox(bootstrap, count, Path(tmp)))
        finally:
            if runner is not None:
                runner.stop()
    base, relay = statistics.median(baseline), statistics.median(outbox)
    print(f"events per round: {count}, rounds: {rounds} (medians)")
    print(f"baseline  direct producer, send_and_wait per event : {base:8.0f} events/s")
    print(f"outbox    commit per event -> relay -> Kafka ack    : {relay:8.0f} events/s  ({relay / base:.2f}x baseline)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    asyncio.run(main(options.events, options.rounds))
