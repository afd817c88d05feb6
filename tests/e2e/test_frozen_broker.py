"""A hung broker (SIGSTOP, as in a network partition) for 30 s while learners sign up, start and
complete runs: every write answers at once, and after the broker resumes every completion reaches
analytics and the deck exactly once. On PostgreSQL (the shared stack) and on the embedded SQLite
default (a stack and broker of its own), whose single write lock a relay waiting on Kafka inside
a transaction would hold.

A broker that refuses connections is the easy case; a frozen one accepts them and never answers,
so every client waits for its full timeout.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
import pytest

from parla.devstack.kafka import KafkaRunner
from parla.devstack.stack import SERVICES, Stack, StackConfig
from parla.devstack.testing import KafkaBroker, eventually, free_port
from parla.devstack.topics import ensure_topics

from .conftest import Learner, completion_event_ids, gateway_client, inbox_count

FROZEN_SECONDS = 30
# Each write must answer within this while the broker is frozen: nothing a learner does waits on
# Kafka. Before the outbox a write waited 5 s and got a 504; 3 s leaves room for a busy machine
# (a sign-up hashes a password) and still fails a write that waits on the broker.
WRITE_TIMEOUT = httpx.Timeout(3.0)
SCENARIOS = ["clothes-shopping", "hotel-check-in", "restaurant-dinner-reservation", "at-the-pharmacy"]


@dataclass
class System:
    stack: Stack
    broker: KafkaBroker


@pytest.fixture(scope="module")
def sqlite_system(signing_keys, tmp_path_factory) -> Iterator[System]:
    """The embedded default: SQLite files, with a broker of its own (consumer groups are per
    service name, so two stacks cannot share one broker)."""
    root = tmp_path_factory.mktemp("sqlite-stack")
    runner = KafkaRunner(root / "kafka", port=free_port(), controller_port=free_port())
    runner.start()
    private, public = root / "jwt_private.pem", root / "jwt_public.pem"
    private.write_bytes(signing_keys.private_pem)
    public.write_bytes(signing_keys.public_pem)
    stack = Stack(
        StackConfig(
            data_dir=root,
            kafka_bootstrap=runner.bootstrap,
            private_key=private,
            public_key=public,
            http_port=free_port(),
            grpc_ports={name: free_port() for name in SERVICES},
            extra_env={"PARLA_AUTH_RATE_LIMIT": "100000/minute", "PARLA_OUTBOX_POLL_SECONDS": "0.5"},
        )
    )
    try:
        asyncio.run(ensure_topics(runner.bootstrap))
        stack.start()
        stack.wait_healthy(timeout=180)
        yield System(stack, KafkaBroker(runner.bootstrap, runner))
    finally:
        stack.stop()
        runner.stop()


@pytest.fixture(params=["postgresql", pytest.param("sqlite", marks=pytest.mark.own_stack)])
def system(request) -> System:
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_system")
    kafka = request.getfixturevalue("kafka")
    if not kafka.controllable:
        pytest.skip("the broker comes from KAFKA_BOOTSTRAP_SERVERS; this test needs one the suite started")
    return System(request.getfixturevalue("stack"), kafka)


@pytest.fixture
async def client(system) -> AsyncIterator[httpx.AsyncClient]:
    async with gateway_client(system.stack) as client:
        yield client


async def sign_up(api: httpx.AsyncClient, n: int, **options) -> Learner:
    answer = await api.post(
        "/api/v1/auth/register",
        json={"email": f"frozen-{os.urandom(6).hex()}-{n}@example.com", "password": "a long password", "display_name": "L"},
        **options,
    )
    assert answer.status_code == 201, answer.text
    body = answer.json()
    return Learner(body["user"]["id"], body["access_token"])


async def play_quickly(api: httpx.AsyncClient, learner: Learner, scenario_id: str) -> dict:
    """Start, one turn, complete: each a write that must answer within WRITE_TIMEOUT."""
    options = {"headers": learner.headers, "timeout": WRITE_TIMEOUT}
    run = await api.post("/api/v1/runs", json={"scenario_id": scenario_id, "language": "es"}, **options)
    assert run.status_code == 201, run.text
    run_id = run.json()["id"]
    turn = await api.post(f"/api/v1/runs/{run_id}/turns", json={"text": "Buenas tardes."}, **options)
    assert turn.status_code == 200, turn.text
    done = await api.post(f"/api/v1/runs/{run_id}/complete", **options)
    assert done.status_code == 200, done.text
    return done.json()


def freeze(broker: KafkaBroker) -> None:
    os.kill(broker.runner.process.pid, signal.SIGSTOP)


def thaw(broker: KafkaBroker) -> None:
    os.kill(broker.runner.process.pid, signal.SIGCONT)


async def test_writes_answer_at_once_while_the_broker_is_frozen_and_every_completion_arrives_once(system, client):
    # Warm first (the first turn in a language loads its lemmatizer): this test is about Kafka.
    warm_up = await sign_up(client, -1)
    options = {"headers": warm_up.headers}
    run = (await client.post("/api/v1/runs", json={"scenario_id": SCENARIOS[0], "language": "es"}, **options)).json()
    await client.post(f"/api/v1/runs/{run['id']}/turns", json={"text": "Buenas tardes."}, **options)
    loop = asyncio.get_running_loop()
    freeze(system.broker)
    frozen_at = loop.time()
    played: list[tuple[Learner, dict]] = []
    try:
        # Spread over the whole freeze: the first writes meet fresh producers, the later ones
        # relays that have been waiting on the broker for a while.
        for n, scenario_id in enumerate(SCENARIOS):
            learner = await sign_up(client, n, timeout=WRITE_TIMEOUT)
            played.append((learner, await play_quickly(client, learner, scenario_id)))
            await asyncio.sleep(max(0.0, (n + 1) * FROZEN_SECONDS / len(SCENARIOS) - (loop.time() - frozen_at)))
    finally:
        thaw(system.broker)
    assert not system.stack.dead(), f"a process died while the broker was frozen: {system.stack.dead()}"

    async def arrived(learner: Learner, run: dict):
        progress = (await client.get("/api/v1/progress", headers=learner.headers)).json()
        due = (await client.get("/api/v1/review/due", params={"limit": 200}, headers=learner.headers)).json()
        # Starts and completions travel on different topics, in no fixed order between them.
        counted = min(progress["scenarios_completed"], progress["scenarios_started"]) >= 1
        done = counted and any(card["source"]["id"] == run["id"] for card in due["cards"])
        return (progress, due) if done else None

    for learner, run in played:
        progress, due = await eventually(lambda learner=learner, run=run: arrived(learner, run), timeout=120, interval=0.5)
        assert progress["scenarios_completed"] == 1 and progress["scenarios_started"] == 1
        assert {card["source"]["id"] for card in due["cards"]} == {run["id"]}
        lemmas = [card["lemma"] for card in due["cards"]]
        assert len(lemmas) == len(set(lemmas))
    run_ids = {run["id"] for _, run in played}
    event_ids = await completion_event_ids(system.stack, run_ids)
    assert len(event_ids) == len(played)
    assert await inbox_count(system.stack, "analytics", event_ids) == len(played)
    assert await inbox_count(system.stack, "content", event_ids) == len(played)
