"""Prometheus metrics of every process: requests (RED per gRPC method and per HTTP route),
consumers, the outbox and the database pool, served on the process's metrics port
(``serve_metrics``).

Each process has one ``CollectorRegistry`` (made by its composition root and served on its
metrics port); nothing registers at import time, so tests can make as many as they like. Labels
are bounded sets (methods, route templates, status codes, topics), never a learner's id or a
raw path: each label value is a time series Prometheus keeps.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from parla.chassis.logging import get_logger

if TYPE_CHECKING:
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from parla.chassis.db import Database
    from parla.chassis.inbox import Applied

log = get_logger(__name__)

_BATCH_SIZES = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000)
_SECONDS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
# A request's time: from a cached read (a millisecond) to a tutor's reply (seconds).
_REQUEST_SECONDS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)


class GrpcServerMetrics:
    """RED per gRPC method: calls by status code, and their duration."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self.handled = Counter(
            "parla_grpc_server_handled",
            "gRPC calls answered, by method and status code",
            ("grpc_service", "grpc_method", "grpc_code"),
            registry=self.registry,
        )
        self.seconds = Histogram(
            "parla_grpc_server_handling_seconds",
            "Time to answer a gRPC call",
            ("grpc_service", "grpc_method"),
            buckets=_REQUEST_SECONDS,
            registry=self.registry,
        )

    def method(self, full_method: str) -> MethodMetrics:
        """The children of one method ("/parla.scenario.v1.CatalogueService/ListScenarios"),
        looked up once per method rather than per call."""
        service, _, name = full_method.lstrip("/").rpartition("/")
        return MethodMetrics(self, service, name)


class MethodMetrics:
    def __init__(self, metrics: GrpcServerMetrics, service: str, method: str) -> None:
        self._handled, self._labels = metrics.handled, (service, method)
        self._seconds = metrics.seconds.labels(service, method)
        self._by_code: dict[str, Counter] = {}

    def observe(self, code: str, seconds: float) -> None:
        counter = self._by_code.get(code)
        if counter is None:
            counter = self._by_code[code] = self._handled.labels(*self._labels, code)
        counter.inc()
        self._seconds.observe(seconds)


class HttpMetrics:
    """RED per HTTP route: requests by route template, method and status, and their duration."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        self.requests = Counter(
            "parla_http_requests", "HTTP requests answered", ("method", "route", "status"), registry=self.registry
        )
        self.seconds = Histogram(
            "parla_http_request_seconds",
            "Time to answer an HTTP request (to its last byte)",
            ("method", "route"),
            buckets=_REQUEST_SECONDS,
            registry=self.registry,
        )

        # Children looked up once per route and status, as ``MethodMetrics`` does for gRPC: this
        # runs on every request, probes included.
        self._children: dict[tuple[str, str, int], tuple[Counter, Histogram]] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        children = self._children.get((method, route, status))
        if children is None:
            children = self._children[(method, route, status)] = (
                self.requests.labels(method, route, str(status)),
                self.seconds.labels(method, route),
            )
        children[0].inc()
        children[1].observe(seconds)


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


class DatabaseMetrics(Collector):
    """The database pool's use, read when Prometheus scrapes: connections checked out against
    the pool's size, per pool, and (SQLite) writers waiting for their turn."""

    def __init__(self, db: Database, registry: CollectorRegistry | None = None) -> None:
        self._db = db
        if registry is not None:
            registry.register(self)

    def collect(self):  # type: ignore[no-untyped-def]
        in_use = GaugeMetricFamily("parla_db_pool_connections_in_use", "Connections checked out of the pool", labels=("pool",))
        size = GaugeMetricFamily("parla_db_pool_size", "Connections the pool keeps (0: it keeps no count)", labels=("pool",))
        for pool, (checked_out, steady) in self._db.pool_use().items():
            in_use.add_metric((pool,), checked_out)
            size.add_metric((pool,), steady)
        waiting = GaugeMetricFamily("parla_db_writers_waiting", "Writers waiting for SQLite's one write turn")
        waiting.add_metric((), self._db.writers_waiting())
        return [in_use, size, waiting]


def serve_metrics(registry: CollectorRegistry, host: str, port: int) -> None:
    """Serve ``registry`` at ``http://host:port/metrics`` (from a thread of prometheus_client),
    on a port of its own: request rates and routes are for operators, not the public."""
    try:
        start_http_server(port, addr=host, registry=registry)
    except OSError as error:  # metrics are not worth not serving learners for
        log.warning("metrics not served: the port is taken; set PARLA_METRICS_PORT to a free one", port=port, error=str(error))
        return
    log.info("metrics served", url=f"http://{host}:{port}/metrics")
