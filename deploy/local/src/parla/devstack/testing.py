"""pytest fixtures for real infrastructure: PostgreSQL, Apache Kafka and databases per service.

Where each comes from, in order:
- PostgreSQL: ``PARLA_TEST_POSTGRES_DSN`` (any database on the server, e.g.
  ``postgresql+asyncpg://user:pw@host:5432/postgres``), else testcontainers when a Docker engine
  answers, else the local runner (Debian's package).
- Kafka: ``KAFKA_BOOTSTRAP_SERVERS``, else testcontainers when a Docker engine answers, else the
  local runner (official jars via Maven). Only a broker this suite started can be stopped by the
  outage test; with an external broker that test is skipped.

A migrated database per test (``backend``, ``database_factory``) comes from ``parla.devstack.testdb``,
loaded with this plugin.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import orjson
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.engine import make_url

from parla.chassis.auth import ALGORITHM, AUDIENCE
from parla.chassis.db import Database
from parla.chassis.messaging import outbox_table
from parla.contracts.events import ScenarioCompleted, VocabularyOutcome
from parla.devstack.kafka import KafkaRunner
from parla.devstack.ports import free_port
from parla.devstack.postgres import PostgresRunner
from parla.devstack.topics import ensure_topics

# The database fixtures are a plugin of their own, loaded with this one; imported below before
# pytest loads it, so its asserts are rewritten as a plugin's are.
pytest_plugins = ["parla.devstack.testdb"]
pytest.register_assert_rewrite("parla.devstack.testdb")
from parla.devstack.testdb import MigratedTemplates, sqlite_url  # noqa: E402, F401 (tests import them from here)


def docker_engine_available() -> bool:
    if shutil.which("docker") is None:
        return False
    return subprocess.run(["docker", "info"], capture_output=True).returncode == 0


async def eventually(check: Callable[[], Awaitable[Any]], *, timeout: float = 30.0, interval: float = 0.2) -> Any:
    """Poll ``check`` until it returns a truthy value (which is returned) or ``timeout`` passes.

    Waits for asynchronous effects (events consumed, spans exported) without fixed sleeps.
    """
    deadline = asyncio.get_running_loop().time() + timeout
    last: Any = None
    while True:
        last = await check()
        if last:
            return last
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {timeout} s; last value: {last!r}")
        await asyncio.sleep(interval)


# --- tokens -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SigningKeys:
    private_pem: bytes
    public_pem: bytes

    def token(
        self,
        subject: str,
        *,
        roles: tuple[str, ...] = ("learner",),
        expires_in: timedelta = timedelta(minutes=5),
        token_type: str = "access",
        issuer: str = "parla",
    ) -> str:
        """A token as the gateway signs it (or, with other arguments, as it must not be accepted)."""
        now = datetime.now(UTC)
        claims = {
            "sub": subject,
            "roles": list(roles),
            "typ": token_type,
            "iss": issuer,
            "aud": AUDIENCE,
            "iat": now,
            "exp": now + expires_in,
        }
        return jwt.encode(claims, serialization.load_pem_private_key(self.private_pem, None), algorithm=ALGORITHM)


def new_signing_keys() -> SigningKeys:
    key = Ed25519PrivateKey.generate()
    return SigningKeys(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()),
        key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
    )


@pytest.fixture(scope="session")
def signing_keys() -> SigningKeys:
    return new_signing_keys()


def tamper(token: str) -> str:
    """The token with one character of its payload changed, so its signature no longer matches."""
    header, payload, signature = token.split(".")
    middle = len(payload) // 2
    flipped = "A" if payload[middle] != "A" else "B"
    return ".".join([header, payload[:middle] + flipped + payload[middle + 1 :], signature])


# --- PostgreSQL ---------------------------------------------------------------------------------


@dataclass
class PostgresServer:
    """Creates databases on a server; ``base_url`` points at any database on it."""

    base_url: str
    runner: PostgresRunner | None = None

    def create_database(self, name: str) -> str:
        """A new, empty database (dropped first if it exists); returns its SQLAlchemy URL."""
        if self.runner is not None:
            return self.runner.create_database(name, fresh=True)
        import asyncpg

        url = make_url(self.base_url)

        async def create() -> None:
            connection = await asyncpg.connect(
                host=url.host, port=url.port or 5432, user=url.username, password=url.password, database=url.database
            )
            try:
                await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                await connection.execute(f'CREATE DATABASE "{name}"')
            finally:
                await connection.close()

        asyncio.run(create())
        return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    given = os.environ.get("PARLA_TEST_POSTGRES_DSN")
    if given:
        yield PostgresServer(given)
        return
    if docker_engine_available():
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer("postgres:16", driver="asyncpg") as container:
            yield PostgresServer(container.get_connection_url())
        return
    runner = PostgresRunner(tmp_path_factory.mktemp("postgres"), port=free_port(), durable=False)
    runner.start()
    try:
        yield PostgresServer(runner.dsn("postgres"), runner)
    finally:
        runner.discard()


# --- Kafka --------------------------------------------------------------------------------------


@dataclass
class KafkaBroker:
    bootstrap: str
    runner: KafkaRunner | None = None

    @property
    def controllable(self) -> bool:
        return self.runner is not None

    def stop(self) -> None:
        assert self.runner is not None
        self.runner.stop()

    def start(self) -> None:
        assert self.runner is not None
        self.runner.start()

    def kill(self) -> None:
        assert self.runner is not None
        self.runner.kill()


@pytest.fixture(scope="session")
def kafka(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KafkaBroker]:
    given = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
    if given:
        asyncio.run(ensure_topics(given))
        yield KafkaBroker(given)
        return
    if docker_engine_available():
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer("apache/kafka:4.1.0").with_kraft() as container:
            bootstrap = container.get_bootstrap_server()
            asyncio.run(ensure_topics(bootstrap))
            yield KafkaBroker(bootstrap)
        return
    port = free_port()
    runner = KafkaRunner(tmp_path_factory.mktemp("kafka"), port=port, controller_port=free_port())
    runner.start()
    try:
        asyncio.run(ensure_topics(runner.bootstrap))
        yield KafkaBroker(runner.bootstrap, runner)
    finally:
        runner.stop()


# --- event factories ----------------------------------------------------------------------------


async def outbox_events(db: Database, event_type: str) -> list[dict]:
    """The events a service staged in its outbox, of one type, oldest first."""
    async with db.reading() as session:
        statement = select(outbox_table.c.payload).where(outbox_table.c.event_type == event_type).order_by(outbox_table.c.id)
        return [orjson.loads(payload) for payload in (await session.execute(statement)).scalars()]


def vocabulary(*lemmas: str) -> list[VocabularyOutcome]:
    return [VocabularyOutcome(term=f"la {lemma}", lemma=lemma, gloss=f"gloss of {lemma}") for lemma in lemmas]


def scenario_completed(**overrides: Any) -> ScenarioCompleted:
    """A plausible ``scenario.completed`` for a new run and learner; override what a test is about."""
    completed_at = overrides.pop("completed_at", datetime.now(UTC))
    minutes = overrides.pop("minutes", 12)
    fields: dict[str, Any] = {
        "run_id": uuid.uuid4(),
        "user_id": uuid.uuid4(),
        "scenario_id": "hotel-check-in",
        "title": "Llegada al hotel",
        "language": "es",
        "category": "travel",
        "difficulty": "beginner",
        "score": 75.0,
        "phases_total": 4,
        "phases_completed": 3,
        "started_at": completed_at - timedelta(minutes=minutes),
        "completed_at": completed_at,
        "duration_seconds": minutes * 60,
        "estimated_minutes": 12,
    }
    return ScenarioCompleted(**(fields | overrides))
