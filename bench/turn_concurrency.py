"""Turns from many learners at once, with an AI tutor that takes 1.0 s to answer: 16 learners,
each in their own run, against 1 learner (the baseline) in the same run, on the same stack.

    uv run python bench/turn_concurrency.py                      # SQLite, then PostgreSQL
    uv run python bench/turn_concurrency.py --database sqlite --seconds 20

Starts the whole local stack (Kafka, every service, the gateway) on a temporary data directory,
with the persona service pointed at an OpenAI-compatible server started here that answers every
chat completion after a fixed delay. Each learner is a closed loop: it sends its next turn as soon
as the previous one is answered, so turns/s (turns answered 200) shows how many replies the
platform serves at once. Latency percentiles cover every turn sent, failed ones included; errors
are counted by status and error code. A reply that does not carry the fake provider's line came
from the offline fallback, and is counted apart.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
from _common import DATABASES, percentile, running_stack, sign_up, start_run

from parla.devstack.testing import free_port

SCENARIO = "restaurant-dinner-reservation"
LINES = [
    "Buenas noches, quería reservar una mesa para cenar.",
    "Para el sábado a las nueve, somos cuatro personas.",
    "¿Tienen mesa en la terraza? Preferimos no fumadores.",
    "Mi nombre es Laura García y mi teléfono es el seis, uno, dos.",
    "Perfecto, muchas gracias. Hasta el sábado.",
]
# What the fake provider says in role; a reply that contains it came from the AI, not the fallback.
AI_LINE = "Muy bien, le reservo una mesa para el sábado a las nueve."
ANSWER = {"tutor_line": AI_LINE, "feedback": ["Buen uso del condicional de cortesía."], "mistakes": []}
# A run holds at most 200 learner turns; a learner moves to a new run well before that.
TURNS_PER_RUN = 150
TARGET = "16 learners >= 12 turns/s, 0 errors, p99 <= 2 s on both databases"


@contextmanager
def fake_ai_provider(delay: float) -> Iterator[tuple[str, Counter]]:
    """An OpenAI-compatible chat-completions server answering every request after ``delay``
    seconds; yields its base URL and a counter of the requests it received."""
    received: Counter = Counter()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            received["chat.completions"] += 1
            time.sleep(delay)  # one thread per request: concurrent requests wait side by side
            data = json.dumps(
                {
                    "id": f"bench-{received['chat.completions']}",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": body.get("model", "bench"),
                    "choices": [
                        {
                            "index": 0,
                            "finish_reason": "stop",
                            "message": {"role": "assistant", "content": json.dumps(ANSWER, ensure_ascii=False)},
                        }
                    ],
                    "usage": {"prompt_tokens": 400, "completion_tokens": 40, "total_tokens": 440},
                }
            ).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the caller stopped waiting

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", received
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Step:
    learners: int
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)  # ms, every turn sent, failed ones included
    ok: int = 0
    from_ai: int = 0
    errors: Counter = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def describe_errors(self) -> str:
        return ", ".join(f"{name} x{count}" for name, count in sorted(self.errors.items())) or "none"


def _error_name(answer: httpx.Response) -> str:
    try:
        code = answer.json()["error"]["code"]
    except (ValueError, KeyError, TypeError):
        code = ""
    return f"{answer.status_code} {code}".strip()


@dataclass
class Learner:
    headers: dict[str, str]
    run_id: str
    next_line: int
    turns_in_run: int = 0


async def sign_up_learner(client: httpx.AsyncClient, learners: int, number: int) -> Learner:
    headers = await sign_up(client, f"learner-{learners}-{number}-{time.time_ns()}@example.com")
    # Learners start at different lines of the conversation.
    return Learner(headers, await start_run(client, headers, SCENARIO), next_line=number)


async def play(client: httpx.AsyncClient, learner: Learner, step: Step, until: float) -> None:
    """One learner in a closed loop: a turn, its answer, the next turn, until ``until``."""
    while time.perf_counter() < until:
        if learner.turns_in_run >= TURNS_PER_RUN:
            learner.run_id, learner.turns_in_run = await start_run(client, learner.headers, SCENARIO), 0
        text = LINES[learner.next_line % len(LINES)]
        started = time.perf_counter()
        try:
            answer = await client.post(f"/api/v1/runs/{learner.run_id}/turns", json={"text": text}, headers=learner.headers)
        except httpx.HTTPError as error:
            step.latencies.append((time.perf_counter() - started) * 1000)
            step.errors[type(error).__name__] += 1
            continue
        step.latencies.append((time.perf_counter() - started) * 1000)
        learner.next_line += 1
        learner.turns_in_run += 1
        if answer.status_code == 200:
            step.ok += 1
            step.from_ai += AI_LINE in answer.json()["tutor_reply"]
        else:
            step.errors[_error_name(answer)] += 1


async def run_step(client: httpx.AsyncClient, learners: int, seconds: float) -> Step:
    """``learners`` closed loops for ``seconds``; sign-ups and first runs happen before the clock."""
    players = await asyncio.gather(*(sign_up_learner(client, learners, number) for number in range(learners)))
    step = Step(learners)
    began = time.perf_counter()
    await asyncio.gather(*(play(client, player, step, began + seconds) for player in players))
    # Turns sent before the deadline are waited for: the last answers count, and so does their wait.
    step.seconds = time.perf_counter() - began
    return step


async def measure(base: str, seconds: float) -> tuple[Step, Step]:
    # Connections enough for every learner; a timeout well past the gateway's own deadline, so
    # a slow turn shows as the gateway's answer (504) rather than as the client giving up.
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        # Warm-up: the lemmatizer's dictionary loads on a language's first turn.
        warm = await sign_up_learner(client, 0, 0)
        await client.post(f"/api/v1/runs/{warm.run_id}/turns", json={"text": LINES[0]}, headers=warm.headers)
        return await run_step(client, 1, seconds), await run_step(client, 16, seconds)


def report(database: str, seconds: float, baseline: Step, many: Step, ai_requests: int) -> bool:
    print(
        f"\n{database}: loops of {seconds:g} s (until their last answers: {baseline.seconds:.1f} s, {many.seconds:.1f} s); "
        f"requests to the AI provider: {ai_requests}"
    )
    for name, step in (("baseline  1 learner ", baseline), ("         16 learners", many)):
        p50, p99 = percentile(step.latencies, 0.50) / 1000, percentile(step.latencies, 0.99) / 1000
        ratio = f"({step.rate / baseline.rate:.2f}x baseline)" if step is many and baseline.rate else ""
        print(
            f"{name}: {step.rate:6.2f} turns/s {ratio:18s} p50 {p50:6.2f} s   p99 {p99:6.2f} s   "
            f"turns {step.ok} ({step.from_ai} answered by the AI)   errors: {step.describe_errors()}"
        )
    met = many.rate >= 12 and not many.errors and percentile(many.latencies, 0.99) <= 2000
    print(f"16 learners on {database}: target {'met' if met else 'NOT met'}")
    return met


def bench(database: str, seconds: float, delay: float) -> bool:
    with fake_ai_provider(delay) as (url, received):
        # A free model (no price listed): budgets never stop the AI from answering.
        with running_stack(database, extra_env={"PARLA_AI_BASE_URL": url, "PARLA_AI_MODEL": "bench-model"}) as stack:
            baseline, many = asyncio.run(measure(stack.config.url(), seconds))
        return report(database, seconds, baseline, many, received["chat.completions"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=[*DATABASES, "both"], default="both")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each closed loop")
    parser.add_argument("--ai-delay", type=float, default=1.0, help="seconds the fake AI provider takes to answer")
    options = parser.parse_args()
    databases = DATABASES if options.database == "both" else (options.database,)
    print(
        f"POST /api/v1/runs/{{id}}/turns, each learner in their own run of {SCENARIO}; "
        f"the AI provider answers in {options.ai_delay:g} s"
    )
    results = {database: bench(database, options.seconds, options.ai_delay) for database in databases}
    print(f"\ntarget: {TARGET}")
    print("result: " + ", ".join(f"{db} {'met' if met else 'NOT met'}" for db, met in results.items()))


if __name__ == "__main__":
    main()
