"""Rebuilding every projection from the topics: the same handlers, fed from the beginning.

The projection tables and this consumer's inbox are emptied in one transaction; then each
subscribed topic is read from its first record to the end it has when the rebuild starts, and
its events are applied in batches through the consumer's own ``BatchApplier`` (so inbox rows are
written as the live consumer writes them, and records that are not events are skipped, as the
live consumer dead-letters them). Run it with the analytics service stopped: when it starts
again, its consumers go on from their committed offsets, and the inbox skips what the rebuild
applied already.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from aiokafka import AIOKafkaConsumer, TopicPartition
from sqlalchemy import delete

from parla.analytics.dashboard import db as dashboard_db  # noqa: F401  (their tables are emptied too)
from parla.analytics.db import Base
from parla.analytics.discovery import db as discovery_db  # noqa: F401
from parla.analytics.gamification import db as gamification_db  # noqa: F401
from parla.chassis.db import Database
from parla.chassis.inbox import BatchApplier, Subscription
from parla.chassis.logging import get_logger
from parla.chassis.messaging import PoisonMessage, decode_event, inbox_table
from parla.contracts.topics import topic_for

log = get_logger(__name__)
BATCH = 500


async def empty_projections(db: Database, consumer: str) -> None:
    async with db.transaction() as session:
        for table in reversed(Base.metadata.sorted_tables):
            await session.execute(delete(table))
        await session.execute(delete(inbox_table).where(inbox_table.c.consumer == consumer))


async def rebuild(
    db: Database, *, bootstrap_servers: str, subscriptions: Sequence[Subscription], consumer: str
) -> dict[str, int]:
    """Empty the projections and apply every event of every subscribed topic again; how many
    events each topic gave."""
    await empty_projections(db, consumer)
    applied: dict[str, int] = {}
    for subscription in subscriptions:
        topic = topic_for(subscription.event.event_type).name
        applier = BatchApplier(name=consumer, db=db, subscription=subscription, pause=asyncio.sleep)
        applied[topic] = 0
        async for events in _batches(bootstrap_servers, topic):
            outcome = await applier.apply(events)
            applied[topic] += outcome.applied
        log.info("topic replayed", topic=topic, events=applied[topic])
    return applied


async def _batches(bootstrap_servers: str, topic: str):
    """The topic's events from its beginning to its end as it is now, in batches."""
    # No group: the reader is given every partition of the topic, and commits nothing.
    reader = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap_servers, group_id=None, enable_auto_commit=False, auto_offset_reset="earliest"
    )
    await reader.start()
    try:
        partitions = sorted(TopicPartition(topic, p) for p in reader.partitions_for_topic(topic) or ())
        if not partitions:
            return
        ends = await reader.end_offsets(partitions)
        remaining = {tp for tp in partitions if ends[tp] > 0}
        while remaining:
            fetched = await reader.getmany(*remaining, timeout_ms=1000, max_records=BATCH)
            events = []
            for partition, records in fetched.items():
                for record in records:
                    if record.offset >= ends[partition]:
                        continue
                    try:
                        events.append(decode_event(record.value, topic=topic))
                    except PoisonMessage:
                        pass  # dead-lettered when it was consumed live
            for partition in list(remaining):
                if await reader.position(partition) >= ends[partition]:
                    remaining.discard(partition)
            if events:
                yield events
    finally:
        await reader.stop()
