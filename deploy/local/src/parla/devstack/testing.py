"""pytest fixtures for real infrastructure: PostgreSQL, Apache Kafka and databases per service.

Where each comes from, in order:
- PostgreSQL: ``PARLA_TEST_POSTGRES_DSN`` (any database on the server, e.g.
  ``postgresql+asyncpg://user:pw@host:5432/postgres``), else testcontainers when a Docker engine
  answers, else the local runner (Debian's package).
- Kafka: ``KAFKA_BOOTSTRAP_SERVERS``, else testcontainers when a Docker engine answers, else the
  local runner (official jars via Maven). Only a broker this suite started can be stopped by the
  outage test; with an external broker that test is skipped.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import sqlite3
import subprocess
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

from parla.chassis.auth import ALGORITHM, AUDIENCE
from parla.chassis.db import Database, make_engine
from parla.chassis.migrations import migrate
from parla.contracts.events import ScenarioCompleted, VocabularyOutcome
from parla.devstack.kafka import KafkaRunner
from parla.devstack.postgres import PostgresRunner
from parla.devstack.topics import ensure_topics


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
        runner.stop()


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


# --- a migrated database per test, on SQLite and on PostgreSQL ----------------------------------
# Migrating costs far more than a test does. Each service's migrations run once per session: on
# SQLite into a template file that every test gets a copy of; on PostgreSQL into one database per
# service, where each test runs inside an outer transaction that is rolled back after it.

CONCURRENT_TRANSACTIONS = "concurrent_transactions"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{CONCURRENT_TRANSACTIONS}: the test runs database transactions at the same time (locks, races); on "
        "PostgreSQL it gets a connection per transaction and the tables are emptied after it, instead of one "
        "connection in a transaction that is rolled back",
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def _self_contained(path: Path) -> None:
    # Fold the write-ahead log into the file, so that copying the file alone copies everything.
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")


@dataclass
class MigratedTemplates:
    """One migrated database per set of migrations: SQLite template files and PostgreSQL databases."""

    root: Path
    sqlite: dict[str, Path] = field(default_factory=dict)
    postgresql: dict[str, str] = field(default_factory=dict)

    async def sqlite_copy(self, name: str, migrations: Path, target: Path) -> str:
        key = str(migrations)
        if key not in self.sqlite:
            template = self.root / f"{name}-{len(self.sqlite)}.db"
            await migrate(sqlite_url(template), migrations)
            await asyncio.to_thread(_self_contained, template)
            self.sqlite[key] = template
        shutil.copyfile(self.sqlite[key], target)
        return sqlite_url(target)

    async def postgresql_database(self, server: PostgresServer, name: str, migrations: Path) -> str:
        key = str(migrations)
        if key not in self.postgresql:
            url = await asyncio.to_thread(server.create_database, f"test_{name}_{len(self.postgresql)}")
            await migrate(url, migrations)
            self.postgresql[key] = url
        return self.postgresql[key]


@pytest.fixture(scope="session")
def migrated_templates(tmp_path_factory: pytest.TempPathFactory) -> MigratedTemplates:
    return MigratedTemplates(tmp_path_factory.mktemp("migrated"))


class ConcurrentTransactions(RuntimeError):
    """Two tasks opened database blocks at once on a database that has one connection."""


class OneConnectionDatabase(Database):
    """A ``Database`` whose every session works in a SAVEPOINT on one connection, inside an outer
    transaction the fixture rolls back: commits inside the test are real to the test and leave
    nothing behind. Blocks opened by two tasks at once would interleave on that one connection,
    so they are refused, with what to do instead."""

    def __init__(self, engine: AsyncEngine, connection: AsyncConnection) -> None:
        super().__init__(engine)
        joined = async_sessionmaker(bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint")
        self.sessions = joined
        # Read blocks differ from write blocks only on SQLite (how they BEGIN); here both join.
        self._read_sessions = joined
        self._holder: asyncio.Task | None = None
        self._depth = 0

    @contextmanager
    def _one_task(self) -> Iterator[None]:
        task = asyncio.current_task()
        if self._holder is not None and self._holder is not task:
            raise ConcurrentTransactions(
                "this test runs database transactions at the same time; mark it with "
                f"@pytest.mark.{CONCURRENT_TRANSACTIONS} so that each gets a connection of its own"
            )
        self._holder, self._depth = task, self._depth + 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._holder = None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        with self._one_task():
            async with super().transaction() as session:
                yield session

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        with self._one_task():
            async with super().reading() as session:
                yield session


@pytest.fixture
def database_factory(backend: str, request: pytest.FixtureRequest, tmp_path: Path, migrated_templates: MigratedTemplates):
    """``async with database_factory(name, migrations_dir) as db`` gives a migrated, empty
    ``parla.chassis.db.Database``. SQLite: a copy of the migrated template file. PostgreSQL: the
    service's migrated database, seen through one connection in a transaction that is rolled back
    after the test; a test marked ``concurrent_transactions`` gets a pool of connections instead,
    and the tables are emptied after it."""

    @asynccontextmanager
    async def factory(name: str, migrations: Path) -> AsyncIterator[Database]:
        if backend == "sqlite":
            url = await migrated_templates.sqlite_copy(name, migrations, tmp_path / f"{name}.db")
            db = Database(make_engine(url))
            try:
                yield db
            finally:
                await db.dispose()
            return
        server: PostgresServer = request.getfixturevalue("postgres")
        url = await migrated_templates.postgresql_database(server, name, migrations)
        if request.node.get_closest_marker(CONCURRENT_TRANSACTIONS):
            async with _emptied_after(url) as db:
                yield db
        else:
            async with _rolled_back(url) as db:
                yield db

    return factory


@asynccontextmanager
async def _rolled_back(url: str) -> AsyncIterator[Database]:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            outer = await connection.begin()
            try:
                yield OneConnectionDatabase(engine, connection)
            finally:
                await outer.rollback()
    finally:
        await engine.dispose()


@asynccontextmanager
async def _emptied_after(url: str) -> AsyncIterator[Database]:
    db = Database(make_engine(url))
    try:
        yield db
    finally:
        await _empty_tables(db)
        await db.dispose()


async def _empty_tables(db: Database) -> None:
    async with db.engine.begin() as connection:
        names = (
            await connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'")
            )
        ).scalars()
        quoted = ", ".join(f'"{name}"' for name in names)
        if quoted:
            await connection.execute(text(f"TRUNCATE {quoted} CASCADE"))


# --- event factories ----------------------------------------------------------------------------


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
