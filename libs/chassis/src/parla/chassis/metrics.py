"""Prometheus metrics of a service's messaging: consumers and the outbox, served on the
service's metrics port (``serve_metrics``).

Each service process has one ``CollectorRegistry`` (made by its composition root and served on
its metrics port); nothing registers at import time, so tests can make as many as they like.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

if TYPE_CHECKING:
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from parla.chassis.inbox import Applied

_BATCH_SIZES = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000)
_SECONDS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


class ConsumerMetrics:
    """Per consumer group and topic: events processed, duplicates skipped, retried and
    dead-lettered; batch sizes and processing time; lag per partition."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        labels = ("consumer", "topic")
        r = self.registry
        self.processed = Counter("parla_consumer_events_processed", "Events applied (their effect committed)", labels, registry=r)
        self.duplicates = Counter("parla_consumer_events_duplicate", "Events skipped: the inbox had them", labels, registry=r)
        self.retried = Counter("parla_consumer_events_retried", "Event attempts after a handler failure", labels, registry=r)
        self.batches_retried = Counter(
            "parla_consumer_batches_retried", "Whole batches retried: the database was unreachable", labels, registry=r
        )
        self.dead = Counter("parla_consumer_events_dead_lettered", "Records sent to <topic>.dlq", labels, registry=r)
        self.batch_size = Histogram("parla_consumer_batch_size", "Records per batch", labels, buckets=_BATCH_SIZES, registry=r)
        self.batch_seconds = Histogram(
            "parla_consumer_batch_seconds", "Time to decode, apply and commit a batch", labels, buckets=_SECONDS, registry=r
        )
        self.lag = Gauge(
            "parla_consumer_lag",
            "Records on the partition not yet consumed, after the last batch",
            (*labels, "partition"),
            registry=r,
        )

    def batch_done(self, group: str, topic: str, outcome: Applied, records: int, seconds: float) -> None:
        self.processed.labels(group, topic).inc(outcome.applied)
        self.duplicates.labels(group, topic).inc(outcome.duplicates)
        self.retried.labels(group, topic).inc(outcome.retried)
        self.batch_size.labels(group, topic).observe(records)
        self.batch_seconds.labels(group, topic).observe(seconds)

    def batch_retried(self, group: str, topic: str) -> None:
        self.batches_retried.labels(group, topic).inc()

    def dead_lettered(self, group: str, topic: str) -> None:
        self.dead.labels(group, topic).inc()

    def record_lag(self, group: str, consumer: AIOKafkaConsumer, following: Mapping[TopicPartition, int]) -> None:
        """The lag of each partition just consumed: its high watermark (as of the last fetch)
        less ``following``, the offset after its last record."""
        for partition, offset in following.items():
            highwater = consumer.highwater(partition)
            if highwater is not None:
                self.lag.labels(group, partition.topic, str(partition.partition)).set(max(highwater - offset, 0))


class OutboxMetrics:
    """The outbox's backlog: rows not yet sent, and the age of the oldest (kept by the relay)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self.backlog = Gauge("parla_outbox_unsent", "Outbox rows not yet acknowledged by Kafka", registry=self.registry)
        self.oldest_age = Gauge(
            "parla_outbox_oldest_unsent_age_seconds",
            "Age of the oldest outbox row not yet sent (0 when none)",
            registry=self.registry,
        )
        self.published = Counter("parla_outbox_published", "Outbox rows acknowledged by Kafka", registry=self.registry)
        self.failed = Counter("parla_outbox_send_failures", "Outbox rows Kafka did not take (retried)", registry=self.registry)

    def backlog_seen(self, unsent: int, oldest_age_seconds: float) -> None:
        self.backlog.set(unsent)
        self.oldest_age.set(oldest_age_seconds)


def serve_metrics(registry: CollectorRegistry, host: str, port: int) -> None:
    """Serve ``registry`` at ``http://host:port/metrics`` (from a thread of prometheus_client)."""
    start_http_server(port, addr=host, registry=registry)
