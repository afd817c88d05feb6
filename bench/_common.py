"""What the benches share: the whole local stack on a temporary data directory (SQLite files, as
`make run` uses, or one PostgreSQL database per service), learners signed up through the API, and
percentiles.
"""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

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
    resources.callback(runner.discard)
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


def _cpu_seconds(pid: int) -> float:
    """CPU time of a process and of its children (a service's worker processes), in seconds."""
    total = 0
    for one in (pid, *children(pid)):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """The processes ``pid`` started (a service's worker processes). Linux only (reads /proc)."""
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def wait_until_quiet(stack: Stack, *, cores: float = 0.15, timeout: float = 90.0) -> float:
    """Wait until the stack's processes together use less than ``cores`` of the CPU over a second
    for two seconds in a row (start-up work, such as a service loading its language models, is over), so that a
    measurement is not of that; returns the seconds waited. Linux only (reads /proc)."""
    began = time.monotonic()
    pids = [process.pid for process in stack.processes.values()]
    quiet = 0
    while quiet < 2 and time.monotonic() - began < timeout:
        before = sum(_cpu_seconds(pid) for pid in pids)
        time.sleep(1.0)
        quiet = quiet + 1 if sum(_cpu_seconds(pid) for pid in pids) - before < cores else 0
    return time.monotonic() - began


def stack_cpu_seconds(stack: Stack) -> dict[str, float]:
    """CPU seconds each of the stack's service and gateway processes (with its worker processes)
    has used so far; the broker's JVM is not counted. Linux only (reads /proc)."""
    return {
        name: sum(_cpu_seconds(pid) for pid in (process.pid, *children(process.pid))) for name, process in stack.processes.items()
    }


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


# --- two datasets, one run ----------------------------------------------------------------------


def scratch_database_urls(backend: str, root: Path, names: Sequence[str], resources) -> list[str]:
    """A URL per name: SQLite files under ``root``, or fresh databases on a PostgreSQL server of
    the bench's own, stopped (and its data removed) with ``resources`` (an exit stack)."""
    if backend == "sqlite":
        return [f"sqlite+aiosqlite:///{root / f'{name}.db'}" for name in names]
    runner = PostgresRunner(root / "postgres", port=free_port())
    resources.callback(runner.discard)
    runner.start()
    return [runner.create_database(name, fresh=True) for name in names]


async def alternating(small, large, case: Callable[[Any], Awaitable[object]], requests: int, warmup: int = 20):
    """Milliseconds of each call of ``case`` on the baseline and on the large dataset: the two
    alternate, and which goes first alternates too, so that the machine's noise falls on both
    alike; the first ``warmup`` rounds are not timed."""
    timings: dict[int, list[float]] = {id(small): [], id(large): []}
    for n in range(requests + warmup):
        for dataset in (small, large) if n % 2 == 0 else (large, small):
            start = time.perf_counter()
            await case(dataset)
            if n >= warmup:
                timings[id(dataset)].append((time.perf_counter() - start) * 1000)
    return timings[id(small)], timings[id(large)]


def ratio_header(target: float, width: int) -> str:
    return f"  {'case':{width}} {'p50 base/large':>16} {'baseline p99':>13} {'large p99':>10} {'ratio':>6}  target ≤ {target}×"


def ratio_line(
    title: str, base: list[float], big: list[float], target: float, width: int, *, held: bool = True
) -> tuple[str, bool]:
    """A case's line (medians, p99s, the ratio of the p99s and its verdict), and whether it is
    within the target (a case not held to it always is)."""
    ratio = percentile(big, 0.99) / percentile(base, 0.99)
    verdict = ("met" if ratio <= target else "NOT met") if held else "(not held)"
    medians = f"{percentile(base, 0.5):.2f}/{percentile(big, 0.5):.2f} ms"
    p99s = f"{percentile(base, 0.99):10.2f} ms {percentile(big, 0.99):7.2f} ms"
    return f"  {title:{width}} {medians:>16} {p99s} {ratio:5.2f}×  {verdict}", ratio <= target or not held
