"""Trending, the hub, a learner's recommendations and the weekly leaderboard with 100,000 scenarios and the state of
10,000,000 events, against 10,000 scenarios and 1,000,000 events (the baseline), in the same
run, on SQLite (the embedded default) and PostgreSQL. Target: p99 ≤ 1.3× the baseline.

    uv run python bench/analytics.py                       # both databases, 1,000 requests a case
    uv run python bench/analytics.py --database sqlite --requests 200

The projections keep aggregates, not events: ten million views, starts, completions, ratings
and bookmarks leave one counters row per scenario and one trend row per scenario and language.
Each dataset is that state, written in bulk as the handlers would leave it: events drawn with a
long-tailed popularity over the last 30 days, summed per scenario into counts and per scenario
and language into decayed-trend sums (``domain.contribution``), scores computed by the
projection's own rules. (Ingesting ten million events through Kafka is the ingest benchmark's
subject, not this one's.) A learner with a history of 40 scenarios, some played badly, asks for
recommendations; it keeps missing five words, which scenarios' key words (ten per scenario and
language, long-tailed) are matched against. This week's Spanish leaderboard has one learner per
scenario of the dataset, half of them shown, and the learner asks for its first page and their
place in the middle of it.

The requests are the analytics service's own use cases, called in-process as its gRPC servicer
calls them, the two datasets' calls alternating, after a warm-up.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
import uuid
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import alternating, ratio_header, ratio_line, scratch_database_urls
from sqlalchemy import insert, text

from parla.analytics import main as analytics
from parla.analytics.dashboard.db import WeakSpotRow
from parla.analytics.discovery import domain
from parla.analytics.discovery.db import (
    DiscoveryRow,
    DiscoveryScenarioRow,
    LearnerScenarioRow,
    ScenarioStatsRow,
    ScenarioWordRow,
)
from parla.analytics.discovery.service import CATEGORIES, LANGUAGES, DiscoveryService
from parla.analytics.gamification.db import LearnerProfileRow, WeeklyXpRow
from parla.analytics.gamification.projection import week_of
from parla.analytics.gamification.service import GamificationService
from parla.chassis.db import Database, chunked, make_engine
from parla.chassis.migrations import migrate
from parla.chassis.runtime import freeze_startup_objects

TARGET = 1.3
NOW = datetime(2026, 11, 1, tzinfo=UTC)
LEARNER = uuid.UUID("00000000-0000-4000-8000-00000000b0b0")
VOCABULARY, KEY_WORDS = 5_000, 10
SHARE = {"views": 0.6, "starts": 0.2, "completions": 0.12, "bookmarks": 0.04, "ratings": 0.04}


@dataclass(frozen=True)
class Size:
    name: str
    scenarios: int
    events: int


SMALL, LARGE = Size("baseline", 10_000, 1_000_000), Size("large", 100_000, 10_000_000)


def _state(size: Size, rng: random.Random) -> tuple[list[dict], list[dict], list[dict]]:
    weights = [1 / (rank + 1) ** 1.1 for rank in range(size.scenarios)]
    scale = size.events / sum(weights)
    scenarios, stats, rows = [], [], []
    for n, weight in enumerate(weights):
        scenario_id = f"bench-{n}"
        category = CATEGORIES[n % len(CATEGORIES)]
        languages = rng.sample(LANGUAGES, 2) if n % 5 else ["es", rng.choice(LANGUAGES[2:])]
        total = max(1, round(weight * scale))
        counts = {kind: round(total * share) for kind, share in SHARE.items()}
        ratings_sum = sum(rng.choice((3, 4, 4, 5, 5)) for _ in range(min(counts["ratings"], 200)))
        ratings_sum = round(ratings_sum * counts["ratings"] / min(counts["ratings"], 200)) if counts["ratings"] else 0
        # The decayed sums as if the events fell evenly over the last 30 days.
        spread = sum(domain.growth(NOW - timedelta(days=d), domain.DEFAULT_HALF_LIFE) for d in range(30)) / 30
        shared = (counts["ratings"] * domain.WEIGHTS["rating"] + counts["bookmarks"] * domain.WEIGHTS["bookmark"]) * spread
        local = counts["views"] + 3 * counts["starts"] + 5 * counts["completions"]
        scored = domain.Counts(
            ratings=counts["ratings"], ratings_sum=ratings_sum, completions=counts["completions"], bookmarks=counts["bookmarks"]
        )
        scenarios.append(
            {
                "scenario_id": scenario_id, "owner_id": None, "visibility": "public" if n % 20 else "private",
                "category": category, "difficulty": ("beginner", "intermediate", "advanced")[n % 3], "languages": languages,
                "titles": {language: f"Scenario {n}" for language in languages}, "deleted": n % 97 == 0, "changed_at": NOW,
            }
        )  # fmt: skip
        stats.append({"scenario_id": scenario_id, **counts, "ratings_sum": ratings_sum, "trend": shared})
        for language in languages:
            here = local * spread * rng.uniform(0.3, 1.0)
            rows.append(
                {
                    "language": language, "scenario_id": scenario_id, "listed": n % 20 != 0 and n % 97 != 0, "category": category,
                    "trend_local": here, "trend": here + shared, "popular": domain.popularity(scored),
                    "mean_rating": domain.mean_rating(scored.ratings, scored.ratings_sum), "ratings": scored.ratings,
                    "top_rated": _top_rated(scored),
                }
            )  # fmt: skip
    return scenarios, stats, rows


def _top_rated(scored: domain.Counts) -> float:
    enough = scored.ratings >= domain.DEFAULT_TOP_RATED_MINIMUM
    return domain.mean_rating(scored.ratings, scored.ratings_sum) if enough else -1.0


def _history(rng: random.Random) -> list[dict]:
    played = []
    for n in range(40):
        scenario_id = f"bench-{rng.randrange(2_000)}"
        score = rng.choice((35.0, 55.0, 85.0, 95.0)) if n % 4 else None
        played.append(
            {
                "user_id": LEARNER, "scenario_id": scenario_id, "category": CATEGORIES[int(scenario_id.split("-")[1]) % 10],
                "started_at": NOW - timedelta(days=n), "completed_at": None if score is None else NOW - timedelta(days=n),
                "last_score": score, "completions": 0 if score is None else 1, "rating": rng.choice((None, 2, 5)),
            }
        )  # fmt: skip
    return list({row["scenario_id"]: row for row in played}.values())


def _words(rows: list[dict], rng: random.Random) -> list[dict]:
    """Ten key words per scenario and language, drawn from a 5,000-word vocabulary with a
    long tail: a common word is a key word of a share of the catalogue, whatever its size."""
    weights = [1 / (rank + 1) for rank in range(VOCABULARY)]
    found = []
    for row in rows:
        for lemma in set(rng.choices(range(VOCABULARY), weights, k=KEY_WORDS)):
            found.append({"language": row["language"], "lemma": f"word{lemma}", "scenario_id": row["scenario_id"]})
    return found


def _missed() -> list[dict]:
    """The learner keeps missing five words, common and rare."""
    return [
        {"user_id": LEARNER, "kind": "word", "key": f"word{rank}", "language": "es", "times": 10 - n}
        for n, rank in enumerate((3, 40, 300, 1200, 4000))
    ]


def _board(size: Size, rng: random.Random) -> tuple[list[dict], list[dict]]:
    """This week's Spanish board: one learner per scenario in the dataset, half of them shown,
    the bench's learner among them in the middle; and each learner's profile."""
    week = week_of(NOW)
    learners = [uuid.UUID(int=rng.getrandbits(128)) for _ in range(size.scenarios)] + [LEARNER]
    board = [
        {"week": week, "language": "es", "user_id": user, "xp": rng.randrange(50, 5_000), "listed": n % 2 == 0}
        for n, user in enumerate(learners)
    ]
    board[-1] |= {"xp": 2_500, "listed": True}
    profiles = [
        {"user_id": user, "display_name": f"Learner {n}", "timezone": "Europe/Madrid", "leaderboard_opt_in": n % 2 == 0}
        | {"changed_at": NOW}
        for n, user in enumerate(learners)
    ]
    return board, profiles


async def _fill(db: Database, size: Size) -> None:
    rng = random.Random(size.scenarios)
    scenarios, stats, rows = _state(size, rng)
    for table, values in (
        (DiscoveryScenarioRow, scenarios),
        (ScenarioStatsRow, stats),
        (DiscoveryRow, rows),
        (LearnerScenarioRow, _history(rng)),
        (ScenarioWordRow, _words(rows, rng)),
        (WeakSpotRow, _missed()),
        *zip((WeeklyXpRow, LearnerProfileRow), _board(size, rng), strict=True),
    ):
        for chunk in chunked(values, 5_000):
            async with db.transaction() as session:
                await session.execute(insert(table), list(chunk))
    async with db.transaction() as session:
        await session.execute(text("ANALYZE"))


def cases():
    def service(db: Database) -> DiscoveryService:
        return DiscoveryService(db=db, clock=lambda: NOW)

    def game(db: Database) -> GamificationService:
        return GamificationService(db=db, clock=lambda: NOW)

    return {
        "trending, page 1": lambda db: service(db).page("trending", language="es"),
        "trending, one category": lambda db: service(db).page("trending", language="es", category="travel"),
        "popular, page 1": lambda db: service(db).page("popular", language="es"),
        "top rated, page 1": lambda db: service(db).page("top_rated", language="es"),
        "recommended for a learner": lambda db: service(db).recommend(LEARNER, language="es", level="intermediate"),
        "hub (13 lists and recommendations)": lambda db: service(db).hub(language="es", limit=10, user_id=LEARNER),
        "weekly leaderboard and your place": lambda db: game(db).leaderboard(LEARNER, language="es", week="", limit=20, offset=0),
    }


async def _databases(backend: str, root: Path, resources: AsyncExitStack) -> tuple[Database, Database]:
    urls = scratch_database_urls(backend, root, [f"bench_analytics_{size.name}" for size in (SMALL, LARGE)], resources)
    dbs = []
    for url, size in zip(urls, (SMALL, LARGE), strict=True):
        await migrate(url, analytics.MIGRATIONS)
        db = Database(make_engine(url))
        resources.push_async_callback(db.dispose)
        started = time.perf_counter()
        await _fill(db, size)
        elapsed = time.perf_counter() - started
        print(
            f"  {backend} {size.name}: {size.scenarios:,} scenarios, the state of {size.events:,} events, {elapsed:.1f} s to fill"
        )
        dbs.append(db)
    return dbs[0], dbs[1]


async def run(backend: str, requests: int) -> bool:
    print(f"\n{backend}")
    met = True
    with tempfile.TemporaryDirectory(prefix="parla-bench-analytics-") as folder:
        async with AsyncExitStack() as resources:
            small, large = await _databases(backend, Path(folder), resources)
            freeze_startup_objects()  # as the service does once it has started
            print(ratio_header(TARGET, 38))
            for title, case in cases().items():
                line, within = ratio_line(title, *await alternating(small, large, case, requests), TARGET, 38, held=True)
                met &= within
                print(line)
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--requests", type=int, default=1000, help="timed requests per dataset and case")
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.database == "both" else (args.database,)
    results = [asyncio.run(run(backend, args.requests)) for backend in backends]
    print("\nall cases within the target" if all(results) else "\nsome cases miss the target")


if __name__ == "__main__":
    main()
