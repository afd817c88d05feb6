"""Create every Kafka topic of the topic map (and its dead-letter twin) with explicit partitions.

    python -m parla.devstack.topics --bootstrap 127.0.0.1:9092

Idempotent; doubles as the broker readiness probe, since it waits until the broker answers.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError

from parla.contracts.topics import all_topic_names

# A broker start takes seconds: probing often costs nothing and answers within a tick of it.
POLL_SECONDS = 0.05


def _addresses(bootstrap: str) -> list[tuple[str, int]]:
    hosts = [entry.strip().rsplit(":", 1) for entry in bootstrap.split(",") if entry.strip()]
    return [(host, int(port)) for host, port in hosts]


async def _listening(address: tuple[str, int]) -> bool:
    try:
        _, writer = await asyncio.open_connection(*address)
    except OSError:
        return False
    writer.close()
    return True


async def _wait_for_listener(bootstrap: str, deadline: float, check: Callable[[], None]) -> None:
    """Until one bootstrap address accepts connections. Probed with plain sockets: a Kafka client
    logs an error for every refused connection, and refusals are expected while the JVM starts."""
    addresses = _addresses(bootstrap)
    while time.monotonic() < deadline:
        check()
        if any([await _listening(address) for address in addresses]):
            return
        await asyncio.sleep(POLL_SECONDS)


async def wait_for_broker(
    bootstrap: str, timeout: float = 120.0, check: Callable[[], None] = lambda: None
) -> AIOKafkaAdminClient:
    """An admin client connected to a broker that answers metadata requests.

    ``check`` runs on every probe and may raise to give up early (the broker process exited).
    """
    deadline = time.monotonic() + timeout
    await _wait_for_listener(bootstrap, deadline, check)
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        check()
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000)
        try:
            await admin.start()
            await admin.list_topics()
            return admin
        except (KafkaError, OSError) as exc:
            last_error = exc
            await admin.close()
            await asyncio.sleep(POLL_SECONDS)
    raise TimeoutError(f"Kafka at {bootstrap} did not answer within {timeout:.0f} s (last error: {last_error})")


async def ensure_topics(bootstrap: str, timeout: float = 120.0, check: Callable[[], None] = lambda: None) -> list[str]:
    """Create the missing topics in one request; returns the names created."""
    admin = await wait_for_broker(bootstrap, timeout, check)
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
