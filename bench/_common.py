"""What the benches share: the whole local stack on a temporary data directory (SQLite files, as
`make run` uses, or one PostgreSQL database per service), learners signed up through the API, and
percentiles.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx

from parla.devstack.kafka import KafkaRunner
from parla.devstack.keys import ensure_keys
from parla.devstack.postgres import PostgresRunner
from parla.devstack.stack import SERVICES, Stack, StackConfig
from parla.devstack.testing import free_port
from parla.devstack.topics import ensure_topics

DATABASES = ("sqlite", "postgresql")
PASSWORD = "bench password"


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _postgres_databases(root: Path, resources: ExitStack) -> dict[str, str]:
    """A PostgreSQL server of its own (stopped with ``resources``), with one fresh database per
    service and the gateway."""
    runner = PostgresRunner(root / "postgres", port=free_port())
    # As root the runner keeps its data in /var/tmp, outside the temporary folder: remove it too.
    resources.callback(shutil.rmtree, runner.data_dir, ignore_errors=True)
    resources.callback(runner.stop)
    runner.start()
    return {name: runner.create_database(f"bench_{name}", fresh=True) for name in (*SERVICES, "gateway")}


@contextmanager
def running_stack(
    database: str = "sqlite", extra_env: dict[str, str] | None = None, log_level: str = "WARNING"
) -> Iterator[Stack]:
    """Kafka, every service and the gateway, healthy, on a temporary data directory; all stopped
    and removed on exit. ``database`` is "sqlite" (the embedded default) or "postgresql".

    Logs are quiet by default, so that writing them does not compete for the CPU being measured;
    ``log_level="INFO"`` logs as `make run` does. Sign-ups are not rate limited."""
    if database not in DATABASES:
        raise ValueError(f"database must be one of {DATABASES}, not {database!r}")
    with tempfile.TemporaryDirectory(prefix="parla-bench-") as tmp, ExitStack() as resources:
        root = Path(tmp)
        databases: dict[str, str] = {}
        if database == "postgresql":
            databases = _postgres_databases(root, resources)
        # The broker takes a few seconds to listen; the client library logs each refused connection.
        logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
        kafka = KafkaRunner(root / "kafka", port=free_port(), controller_port=free_port())
        resources.callback(kafka.stop)
        kafka.start()
        asyncio.run(ensure_topics(kafka.bootstrap))
        private, public = ensure_keys(root / "keys")
        stack = Stack(
            StackConfig(
                data_dir=root,
                kafka_bootstrap=kafka.bootstrap,
                private_key=private,
                public_key=public,
                http_port=free_port(),
                grpc_ports={name: free_port() for name in SERVICES},
                database_urls=databases,
                extra_env={"PARLA_LOG_LEVEL": log_level, "PARLA_AUTH_RATE_LIMIT": "100000/minute", **(extra_env or {})},
            )
        )
        resources.callback(stack.stop)
        stack.start()
        stack.wait_healthy(timeout=180)
        yield stack


def database_url(stack: Stack, service: str) -> str:
    """The SQLAlchemy URL of ``service``'s database in a running stack."""
    return stack.config.database_urls.get(service) or f"sqlite+aiosqlite:///{stack.config.data_dir / f'{service}.db'}"


async def sign_up(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    """A new learner's authorization header."""
    answer = await client.post(
        "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "display_name": email.split("@")[0]}
    )
    answer.raise_for_status()
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


async def start_run(client: httpx.AsyncClient, headers: dict[str, str], scenario_id: str) -> str:
    answer = await client.post("/api/v1/runs", json={"scenario_id": scenario_id, "language": "es"}, headers=headers)
    answer.raise_for_status()
    return answer.json()["id"]
