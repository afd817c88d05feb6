"""The whole system as processes: every service and the gateway on PostgreSQL and a real Kafka
broker, exporting traces over OTLP/HTTP to a receiver the tests read."""

from __future__ import annotations

import gzip
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import orjson
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from parla.devstack.stack import SERVICES, Stack, StackConfig
from parla.devstack.testing import free_port

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class ExportedSpan:
    service: str
    name: str
    trace_id: str
    span_id: str
    parent_span_id: str
    kind: int
    attributes: dict[str, str | int | bool | float] = field(default_factory=dict)


@dataclass
class OtlpReceiver:
    """A minimal OTLP/HTTP trace receiver: what the services' real exporters send lands here."""

    spans: list[ExportedSpan] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, request: ExportTraceServiceRequest) -> None:
        with self.lock:
            for resource_spans in request.resource_spans:
                attributes = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
                service = attributes.get("service.name", "?")
                for scope_spans in resource_spans.scope_spans:
                    for span in scope_spans.spans:
                        self.spans.append(
                            ExportedSpan(
                                service=service,
                                name=span.name,
                                trace_id=span.trace_id.hex(),
                                span_id=span.span_id.hex(),
                                parent_span_id=span.parent_span_id.hex(),
                                kind=span.kind,
                                attributes={a.key: _value(a.value) for a in span.attributes},
                            )
                        )

    def trace(self, trace_id: str) -> list[ExportedSpan]:
        with self.lock:
            return [span for span in self.spans if span.trace_id == trace_id]


def _value(value) -> str | int | bool | float:
    kind = value.WhichOneof("value")
    return getattr(value, kind) if kind in ("string_value", "int_value", "bool_value", "double_value") else str(value)


@pytest.fixture(scope="session")
def otlp() -> Iterator[tuple[OtlpReceiver, str]]:
    receiver = OtlpReceiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if self.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            request = ExportTraceServiceRequest()
            request.ParseFromString(body)
            receiver.add(request)
            self.send_response(200)
            self.send_header("Content-Type", "application/x-protobuf")
            self.end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield receiver, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def stack(kafka, postgres, signing_keys, otlp, tmp_path_factory) -> Iterator[Stack]:
    root = tmp_path_factory.mktemp("stack")
    private, public = root / "jwt_private.pem", root / "jwt_public.pem"
    private.write_bytes(signing_keys.private_pem)
    public.write_bytes(signing_keys.public_pem)
    databases = {name: postgres.create_database(f"e2e_{name}") for name in (*SERVICES, "gateway")}
    config = StackConfig(
        data_dir=root,
        kafka_bootstrap=kafka.bootstrap,
        private_key=private,
        public_key=public,
        http_port=free_port(),
        grpc_ports={name: free_port() for name in SERVICES},
        metrics_ports={name: free_port() for name in (*SERVICES, "gateway")},
        database_urls=databases,
        extra_env={
            "OTEL_EXPORTER_OTLP_ENDPOINT": otlp[1],
            "OTEL_BSP_SCHEDULE_DELAY": "100",
            "PARLA_AUTH_RATE_LIMIT": "100000/minute",
            "PARLA_OUTBOX_POLL_SECONDS": "0.5",
            # A document whose job was killed is taken up again this soon after a restart.
            "PARLA_DOCUMENT_LEASE_SECONDS": "3",
        },
    )
    stack = Stack(config)
    stack.start()
    try:
        stack.wait_healthy(timeout=180)
        yield stack
    finally:
        stack.stop()


@pytest.fixture
async def api(stack) -> AsyncIterator[httpx.AsyncClient]:
    async with gateway_client(stack) as client:
        yield client


def gateway_client(stack: Stack) -> httpx.AsyncClient:
    """A client of the stack's gateway. A connection is not reused after 2 s idle: the gateway
    (uvicorn) closes one after 5 s, and a request sent on it just then is answered by nothing
    ("Server disconnected")."""
    return httpx.AsyncClient(base_url=stack.config.url(), timeout=20.0, limits=httpx.Limits(keepalive_expiry=2.0))


@dataclass(frozen=True)
class Learner:
    user_id: str
    access_token: str
    email: str = ""

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


async def new_learner(api: httpx.AsyncClient, **profile: str) -> Learner:
    email = f"{uuid.uuid4().hex[:12]}@example.com"
    answer = await api.post(
        "/api/v1/auth/register",
        json={
            "email": email,
            "password": "a long password",
            "display_name": "Learner",
            **profile,
        },
    )
    assert answer.status_code == 201, answer.text
    body = answer.json()
    return Learner(body["user"]["id"], body["access_token"], email)


async def play(api: httpx.AsyncClient, learner: Learner, scenario_id: str, *, phases: int = 1) -> dict:
    """Start a run, say the phrases of its first ``phases`` phases, complete it; returns the run."""
    scenario = (await api.get(f"/api/v1/scenarios/{scenario_id}", params={"language": "es"}, headers=learner.headers)).json()
    run = (await api.post("/api/v1/runs", json={"scenario_id": scenario_id, "language": "es"}, headers=learner.headers)).json()
    for phase in scenario["phases"][:phases]:
        for phrase in phase["phrases"]:
            turn = await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": phrase["text"]}, headers=learner.headers)
            assert turn.status_code == 200, turn.text
    done = await api.post(f"/api/v1/runs/{run['id']}/complete", headers=learner.headers)
    assert done.status_code == 200, done.text
    return done.json()


def vocabulary_count(scenario: dict) -> int:
    return len({item["lemma"] for phase in scenario["phases"] for item in phase["vocabulary"]})


async def query(stack: Stack, service: str, sql: str, **params: object) -> list[tuple]:
    """Rows from one service's own database: for asserting what the public API cannot show."""
    config = stack.config
    engine = create_async_engine(config.database_urls.get(service) or f"sqlite+aiosqlite:///{config.data_dir / f'{service}.db'}")
    try:
        async with engine.connect() as connection:
            return [tuple(row) for row in await connection.execute(text(sql), params)]
    finally:
        await engine.dispose()


async def completion_event_ids(stack: Stack, run_ids: set[str]) -> set[str]:
    """The ids of the ``scenario.completed`` events the scenario service staged for these runs."""
    rows = await query(stack, "scenario", "SELECT event_id, payload FROM outbox WHERE event_type = 'scenario.completed'")
    return {str(event_id) for event_id, payload in rows if orjson.loads(payload)["run_id"] in run_ids}


async def inbox_count(stack: Stack, service: str, event_ids: set[str]) -> int:
    rows = await query(stack, service, "SELECT event_id FROM inbox")
    return sum(1 for (event_id,) in rows if str(event_id) in event_ids)


async def metric(stack, service: str, name: str, **labels: str) -> float:
    """A sample of the service's Prometheus metrics, as its /metrics page shows it, summed over
    the labels not given (0 if absent)."""
    async with httpx.AsyncClient(timeout=10) as client:
        page = (await client.get(stack.config.metrics_url(service))).text
    return sum(
        sample.value
        for family in text_string_to_metric_families(page)
        for sample in family.samples
        if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items())
    )
