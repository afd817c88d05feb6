"""Create every Kafka topic of the topic map (and its dead-letter twin) with explicit partitions.

    python -m parla.devstack.topics --bootstrap 127.0.0.1:9092

Idempotent; doubles as the broker readiness probe, since it retries until the broker answers.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError

from parla.contracts.topics import all_topic_names


async def wait_for_broker(bootstrap: str, timeout: float = 120.0) -> AIOKafkaAdminClient:
    """An admin client connected to a broker that answers metadata requests."""
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000)
        try:
            await admin.start()
            await admin.list_topics()
            return admin
        except (KafkaError, OSError) as exc:
            last_error = exc
            await admin.close()
            await asyncio.sleep(0.3)
    raise TimeoutError(f"Kafka at {bootstrap} did not answer within {timeout:.0f} s (last error: {last_error})")


async def ensure_topics(bootstrap: str, timeout: float = 120.0) -> list[str]:
    """Create the missing topics; returns the names created."""
    admin = await wait_for_broker(bootstrap, timeout)
    try:
        existing = set(await admin.list_topics())
        missing = [NewTopic(name, partitions, 1) for name, partitions in all_topic_names() if name not in existing]
        if missing:
            await admin.create_topics(missing)
        return [topic.name for topic in missing]
    finally:
        await admin.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", default="127.0.0.1:9092")
    parser.add_argument("--timeout", type=float, default=120.0)
    options = parser.parse_args()
    created = asyncio.run(ensure_topics(options.bootstrap, options.timeout))
    print(f"created {len(created)} topics" if created else "all topics exist")


if __name__ == "__main__":
    main()
