"""The due queue of a learner with 1,000,000 cards against one with 10,000 (the baseline), and
reviews recorded per second through the gateway against GET /livez, in the same run, on PostgreSQL.

    uv run python bench/review.py                        # 1,000,000 vs 10,000 cards; 16 reviewers for 10 s
    uv run python bench/review.py --cards 200000 --requests 100 --seconds 5

Starts the whole local stack on PostgreSQL and signs the learners up through the API, so their ids
are real. Their decks go straight into the content service's ``cards`` table with COPY (a million
cards through the API would take hours), then ``ANALYZE``. A deck is a year of use: a quarter new
cards, 1% suspended, the rest in review with stability from 1 to 300 days (log-uniform),
difficulty about 5, and a last review between 0 and 1.15 stabilities ago, due one stability after
it; so about 13% of the review cards are overdue, as for a learner a little behind (the 10,000-card
learner has more overdue cards than a session ranks, so both take the same path).

1. The due queue: each learner starts a session, then asks for the next card (GET
   /api/v1/review/sessions/{id}/next) ``--requests`` times, one request at a time, the two
   learners' requests alternating so that the machine's noise falls on both alike, after a
   warm-up. The 99th percentile of the large deck is compared with the small deck's.
2. Reviews per second: ``--concurrency`` learners of their own (2,000 cards each; one learner
   reviews one card at a time) each loop on next then POST /api/v1/reviews for ``--seconds``,
   after a 2 s warm-up; the same number of clients then loads GET /livez (the gateway answering
   with no service asked) for as long, with the same client. No target: a figure and its floor.
3. Where the time goes in PostgreSQL: EXPLAIN ANALYZE of the queries a "next" runs, the very
   statements the review repository builds, for both learners.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import statistics
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import asyncpg
import httpx
from _common import database_url, percentile, running_stack, sign_up
from sqlalchemy.dialects import postgresql

from parla.content.review.domain import (
    DEFAULT_NEW_PER_DAY,
    DEFAULT_REVIEWS_PER_DAY,
    QUEUE_LEARNING,
    QUEUE_NEW,
    QUEUE_REVIEW,
    QUEUE_SUSPENDED,
)
from parla.content.review.repository import ReviewRepository
from parla.content.review.sessions import CANDIDATES, COUNT_CAP

TARGETS = "due-queue p99 at 1,000,000 cards <= 1.5x its p99 at 10,000"
MAX_GROWTH = 1.5
REVIEWER_CARDS = 2_000
RATINGS = (("again", 0.10), ("hard", 0.15), ("good", 0.65), ("easy", 0.10))
COLUMNS = (
    "id", "user_id", "language", "front", "back", "key", "source_kind", "source_id", "fsrs_card_id", "state", "step",
    "stability", "difficulty", "due", "last_review", "created_at", "queue", "reps", "lapses", "tags", "buried_until",
    "reset_at",
)  # fmt: skip
LEARNING, REVIEW = 1, 2  # fsrs's states (a new card is in Learning with no last review)


# --- the decks ------------------------------------------------------------------------------


def deck(user_id: uuid.UUID, size: int, now: datetime, rng: random.Random) -> Iterator[tuple]:
    """``size`` cards of a learner's year of use, as rows of the ``cards`` table (see the module)."""
    day = timedelta(days=1)
    for n in range(size):
        card_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        word = (f"palabra {n}", f"word {n}", f"palabra{n}")
        kind = rng.random()
        if kind < 0.25:
            created = now - rng.uniform(0, 90) * day
            state = (LEARNING, 0, None, None, created, None, created, QUEUE_NEW, 0, 0)
        else:
            stability = math.exp(rng.uniform(0, math.log(300)))
            last = now - stability * rng.uniform(0, 1.15) * day
            difficulty = min(10.0, max(1.0, rng.gauss(5, 1.5)))
            queue = QUEUE_SUSPENDED if kind < 0.26 else QUEUE_REVIEW
            reps, lapses = rng.randint(2, 15), rng.choice((0, 0, 0, 0, 1, 1, 2))
            created = last - rng.uniform(1, 60) * day
            state = (REVIEW, None, stability, difficulty, last + stability * day, last, created, queue, reps, lapses)
        yield (card_id, user_id, "es", *word, "manual", "", card_id.int >> 65, *state, "[]", None, None)


async def load_decks(url: str, decks: dict[uuid.UUID, int], now: datetime) -> float:
    """Every learner's deck copied into the content database, then the table analysed; seconds."""
    began = time.perf_counter()
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        rng = random.Random(7)
        for user_id, size in decks.items():
            await connection.copy_records_to_table("cards", records=deck(user_id, size, now, rng), columns=COLUMNS)
        await connection.execute("ANALYZE cards")
    finally:
        await connection.close()
    return time.perf_counter() - began


# --- learners -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Learner:
    headers: dict[str, str]
    user_id: uuid.UUID
    session_id: str = ""


async def signed_up(client: httpx.AsyncClient, name: str) -> Learner:
    headers = await sign_up(client, f"{name}-{time.time_ns()}@example.com")
    answer = await client.get("/api/v1/me", headers=headers)
    answer.raise_for_status()
    return Learner(headers, uuid.UUID(answer.json()["id"]))


async def in_session(client: httpx.AsyncClient, learner: Learner) -> tuple[Learner, dict]:
    answer = await client.post("/api/v1/review/sessions", json={}, headers=learner.headers)
    answer.raise_for_status()
    session = answer.json()
    return Learner(learner.headers, learner.user_id, session["id"]), session


async def next_card(client: httpx.AsyncClient, learner: Learner) -> dict:
    answer = await client.get(f"/api/v1/review/sessions/{learner.session_id}/next", headers=learner.headers)
    answer.raise_for_status()
    return answer.json()


# --- 1. the due queue -----------------------------------------------------------------------


async def due_queue_latency(client: httpx.AsyncClient, small: Learner, large: Learner, requests: int) -> list[list[float]]:
    """Milliseconds of each "next" of both learners, asked alternately, one at a time."""
    timings: list[list[float]] = [[], []]
    for round_ in range(requests + requests // 10):
        for which, learner in enumerate((small, large)):
            began = time.perf_counter()
            shown = await next_card(client, learner)
            elapsed = (time.perf_counter() - began) * 1000
            if shown["card"] is None or shown["card"]["state"] != "review":
                raise RuntimeError(f"the session showed {shown['card']!r}, not an overdue review card")
            if round_ >= requests // 10:  # the first tenth warms both up
                timings[which].append(elapsed)
    return timings


# --- 2. reviews per second against /livez ---------------------------------------------------


@dataclass
class Throughput:
    seconds: float
    latencies: list[float] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)

    def per_second(self, outcome: str) -> float:
        return self.outcomes[outcome] / self.seconds


async def closed_loop(steps: list[Callable[[], Awaitable[str]]], seconds: float) -> Throughput:
    """Each step repeated back to back by a client of its own for ``seconds``; what each did."""
    result = Throughput(seconds)

    async def loop(step: Callable[[], Awaitable[str]], until: float) -> None:
        while time.perf_counter() < until:
            began = time.perf_counter()
            try:
                outcome = await step()
            except httpx.HTTPError as error:
                outcome = type(error).__name__
            result.latencies.append((time.perf_counter() - began) * 1000)
            result.outcomes[outcome] += 1

    began = time.perf_counter()
    await asyncio.gather(*(loop(step, began + seconds) for step in steps))
    result.seconds = time.perf_counter() - began
    return result


def reviewing(client: httpx.AsyncClient, learner: Learner, rng: random.Random) -> Callable[[], Awaitable[str]]:
    """One card of a learner's session: shown, then rated as learners rate; the review's status."""
    names, weights = zip(*RATINGS, strict=True)

    async def step() -> str:
        card = (await next_card(client, learner))["card"]
        if card is None:
            return "nothing left today"
        review = {
            "client_review_id": str(uuid.uuid4()),
            "card_id": card["id"],
            "rating": rng.choices(names, weights)[0],
            "session_id": learner.session_id,
        }
        answer = await client.post("/api/v1/reviews", json=review, headers=learner.headers)
        return answer.json()["status"] if answer.is_success else str(answer.status_code)

    return step


def livez(client: httpx.AsyncClient) -> Callable[[], Awaitable[str]]:
    async def step() -> str:
        answer = await client.get("/livez")
        return "ok" if answer.is_success else str(answer.status_code)

    return step


async def throughput(client: httpx.AsyncClient, reviewers: list[Learner], seconds: float) -> tuple[Throughput, Throughput]:
    rng = random.Random(11)
    reviews = [reviewing(client, learner, rng) for learner in reviewers]
    await closed_loop(reviews, 2)
    recorded = await closed_loop(reviews, seconds)
    probes = [livez(client) for _ in reviewers]
    await closed_loop(probes, 2)
    return recorded, await closed_loop(probes, seconds)


# --- 3. where the time goes -----------------------------------------------------------------


class _Statements:
    """Stands in for the database session: keeps the statements the repository builds."""

    def __init__(self) -> None:
        self.built: list = []

    async def scalars(self, statement) -> list:
        self.built.append(statement)
        return []

    async def scalar(self, statement) -> int:
        self.built.append(statement)
        return 0


async def next_card_queries(user_id: uuid.UUID, now: datetime) -> dict[str, str]:
    """The SQL of the counts and reads a "next" runs for a learner with no reviews yet today."""
    made = _Statements()
    repository = ReviewRepository(made)  # type: ignore[arg-type]
    await repository.count_due_in(user_id, QUEUE_LEARNING, now, language=None, cap=COUNT_CAP)
    await repository.count_due_in(user_id, QUEUE_REVIEW, now, language=None, cap=DEFAULT_REVIEWS_PER_DAY)
    await repository.count_due_in(user_id, QUEUE_NEW, now, language=None, cap=DEFAULT_NEW_PER_DAY)
    await repository.due_in(user_id, QUEUE_LEARNING, now, language=None, limit=1)
    await repository.due_in(user_id, QUEUE_REVIEW, now, language=None, limit=CANDIDATES)
    names = (
        f"count learning due (up to {COUNT_CAP:,})",
        f"count review due (up to {DEFAULT_REVIEWS_PER_DAY})",
        f"count new (up to {DEFAULT_NEW_PER_DAY})",
        "first learning step due",
        f"{CANDIDATES} overdue review candidates",
    )
    dialect = postgresql.dialect()
    compiled = (str(s.compile(dialect=dialect, compile_kwargs={"literal_binds": True})) for s in made.built)
    return dict(zip(names, compiled, strict=True))


async def explained(url: str, learners: list[Learner], now: datetime) -> dict[str, list[tuple[float, str]]]:
    """For each query, per learner: the median execution time (ms) of three EXPLAIN ANALYZE runs
    after one unmeasured, and the last plan."""
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    found: dict[str, list[tuple[float, str]]] = {}
    try:
        for learner in learners:
            for name, sql in (await next_card_queries(learner.user_id, now)).items():
                runs = []
                for _ in range(4):
                    rows = await connection.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                    runs.append("\n".join(row[0] for row in rows))
                times = [float(plan.rsplit("Execution Time: ", 1)[1].split()[0]) for plan in runs[1:]]
                found.setdefault(name, []).append((statistics.median(times), runs[-1]))
    finally:
        await connection.close()
    return found


# --- the run --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    cards: int
    baseline_cards: int
    requests: int
    concurrency: int
    seconds: float


async def measure(stack, options: Options) -> None:
    limits = httpx.Limits(max_connections=options.concurrency, max_keepalive_connections=options.concurrency)
    async with httpx.AsyncClient(base_url=stack.config.url(), timeout=60, limits=limits) as client:
        small, large = await signed_up(client, "small-deck"), await signed_up(client, "large-deck")
        reviewers = [await signed_up(client, f"reviewer{n}") for n in range(options.concurrency)]
        now = datetime.now(UTC)
        decks = {small.user_id: options.baseline_cards, large.user_id: options.cards}
        decks |= {reviewer.user_id: REVIEWER_CARDS for reviewer in reviewers}
        url = database_url(stack, "content")
        seconds = await load_decks(url, decks, now)
        print(f"  (copied {sum(decks.values()):,} cards of {len(decks)} learners and analysed them in {seconds:.0f} s)")

        (small, small_session), (large, large_session) = await in_session(client, small), await in_session(client, large)
        timings = await due_queue_latency(client, small, large, options.requests)
        reviewers = [(await in_session(client, reviewer))[0] for reviewer in reviewers]
        recorded, probes = await throughput(client, reviewers, options.seconds)
    plans = await explained(url, [small, large], datetime.now(UTC))
    report(options, timings, (small_session, large_session), recorded, probes, plans)


def report(
    options: Options,
    timings: list[list[float]],
    sessions: tuple[dict, dict],
    recorded: Throughput,
    probes: Throughput,
    plans: dict[str, list[tuple[float, str]]],
) -> None:
    sizes = (options.baseline_cards, options.cards)
    p99 = [percentile(timing, 0.99) for timing in timings]
    growth = p99[1] / p99[0]
    print(f"\ndue queue: GET /api/v1/review/sessions/{{id}}/next, {options.requests} per learner, alternating, one at a time")
    for size, timing, session, ratio in zip(sizes, timings, sessions, ("baseline", f"{growth:.2f}x"), strict=True):
        print(
            f"  {size:>9,} cards   p50 {percentile(timing, 0.5):7.1f} ms   p99 {percentile(timing, 0.99):7.1f} ms   "
            f"{ratio:9s} (session: {session['review_due']} review due, {session['new_available']} new)"
        )
    reviews = recorded.per_second("applied")
    print(
        f"\nthrough the gateway: {options.concurrency} clients for {options.seconds:g} s after a 2 s warm-up "
        f"(until the last answer: {probes.seconds:.1f} s of /livez, {recorded.seconds:.1f} s of reviews)"
    )
    print(
        f"  GET /livez                      {probes.per_second('ok'):8.1f} req/s     baseline   "
        f"p50 {percentile(probes.latencies, 0.5):7.1f} ms   p99 {percentile(probes.latencies, 0.99):7.1f} ms   "
        f"other answers: {_others(probes.outcomes, 'ok')}"
    )
    print(
        f"  reviews recorded (next + POST)  {reviews:8.1f} reviews/s {reviews / probes.per_second('ok'):6.3f}x   "
        f"p50 {percentile(recorded.latencies, 0.5):7.1f} ms   p99 {percentile(recorded.latencies, 0.99):7.1f} ms   "
        f"other answers: {_others(recorded.outcomes, 'applied')}"
    )
    print(f"\nPostgreSQL, EXPLAIN ANALYZE of what a next runs (execution ms, median of 3): {sizes[0]:,} | {sizes[1]:,} cards")
    for name, (first, second) in plans.items():
        print(f"  {name:38s} {first[0]:8.3f} | {second[0]:8.3f}")
    in_sql = [sum(plan[which][0] for plan in plans.values()) for which in (0, 1)]
    print(
        f"  {'together':38s} {in_sql[0]:8.3f} | {in_sql[1]:8.3f}   (of a next's p50 "
        f"{percentile(timings[0], 0.5):.1f} | {percentile(timings[1], 0.5):.1f} ms through the gateway)"
    )
    met = growth <= MAX_GROWTH
    if not met:
        name = f"{CANDIDATES} overdue review candidates"
        for size, (_, plan) in zip(sizes, plans[name], strict=True):
            print(f"\nthe plan of the {name}, {size:,} cards:\n{plan}")
    print(f"\ntarget: {TARGETS}")
    print(f"result: due-queue p99 {sizes[1]:,} / {sizes[0]:,} = {growth:.2f}x <= {MAX_GROWTH}x {'met' if met else 'NOT met'}")


def _others(outcomes: Counter, expected: str) -> str:
    return ", ".join(f"{name} x{count}" for name, count in sorted(outcomes.items()) if name != expected) or "none"


def bench(options: Options) -> None:
    print(
        f"learners of {options.cards:,} and {options.baseline_cards:,} cards, and {options.concurrency} of "
        f"{REVIEWER_CARDS:,}, on PostgreSQL",
        flush=True,
    )
    with running_stack("postgresql") as stack:
        asyncio.run(measure(stack, options))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cards", type=int, default=1_000_000, help="the large learner's deck")
    parser.add_argument("--baseline-cards", type=int, default=10_000, help="the small learner's deck (the baseline)")
    parser.add_argument("--requests", type=int, default=300, help="measured next requests per learner")
    parser.add_argument("--concurrency", type=int, default=16, help="learners reviewing at once, and /livez clients")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds of reviews, and of /livez")
    options = parser.parse_args()
    bench(Options(options.cards, options.baseline_cards, options.requests, options.concurrency, options.seconds))


if __name__ == "__main__":
    main()
