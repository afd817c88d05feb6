"""Browsing public collections and reading a scenario's ratings with 10,000 public collections
and 100,000 ratings of the scenario, against 100 collections and 1,000 ratings (the baseline),
in the same run, on SQLite (the embedded default) and PostgreSQL. Target: p99 ≤ 1.3× the baseline.

    uv run python bench/organization.py                # both databases, 1,000 requests a case (a p99 of 300 moves by 0.2×)
    uv run python bench/organization.py --database sqlite --requests 100

Each dataset is a migrated organization database of its own, filled with SQL in bulk (10,000
collections through the API would take minutes and measure the writes, not the reads): public and
private collections of 5 items each with subscriber counts from a long-tailed distribution, a
tenth of them tagged by their owner, the scenarios they hold in the read model, and one scenario's
ratings (a third with a review, helpful votes long-tailed) with its summary row as the rating use
cases keep it.

The requests are the organization service's own use cases (``CollectionService.browse``,
``RatingService.summary`` and ``reviews``), called in-process as the gRPC servicer calls them,
the two datasets' calls alternating so that the machine's noise falls on both alike, after a
warm-up. The gateway and gRPC hop in front of them costs the same whatever the data (see
bench/gateway.py for it), so leaving it out makes the ratio stricter, not kinder.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import alternating, ratio_header, ratio_line, scratch_database_urls
from sqlalchemy import insert, text

from parla.chassis.auth import Principal
from parla.chassis.db import Database, chunked, make_engine
from parla.chassis.migrations import migrate
from parla.chassis.runtime import freeze_startup_objects
from parla.organization import main as organization
from parla.organization.catalogue.db import ItemRow
from parla.organization.collections.db import CollectionItemRow, CollectionRow
from parla.organization.collections.domain import CATEGORIES
from parla.organization.collections.service import CollectionService
from parla.organization.ratings.db import RatingRow, RatingSummaryRow
from parla.organization.ratings.service import RatingService
from parla.organization.tags.db import TagRow

TARGET = 1.3
SCENARIO = "bench-rated-scenario"
NOW = datetime(2026, 11, 1, tzinfo=UTC)
DIMENSIONS = ("difficulty_accuracy", "engagement", "learning_effectiveness", "cultural_authenticity")


@dataclass(frozen=True)
class Size:
    name: str
    collections: int
    ratings: int


SMALL, LARGE = Size("baseline", 100, 1_000), Size("large", 10_000, 100_000)


def _collections(size: Size, rng: random.Random, scenarios: list[str]) -> tuple[list[dict], list[dict], list[dict]]:
    owners = [uuid.uuid4() for _ in range(max(10, size.collections // 20))]
    collections, items, tags = [], [], []
    # As many private collections again as public ones: browsing must skip them in the index.
    for n in range(size.collections * 2):
        collection_id, owner = uuid.uuid4(), rng.choice(owners)
        created = NOW - timedelta(minutes=rng.randrange(500_000))
        public = n % 2 == 0
        collections.append(
            {
                "id": collection_id,
                "owner_id": owner,
                "name": f"Collection {n}",
                "description": "Words for eating out and travelling",
                "search_text": f"collection {n} words for eating out and travelling",
                "visibility": "public" if public else "private",
                "learning_path": n % 7 == 0,
                "category": rng.choice(CATEGORIES),
                "difficulty": "",
                "item_count": 5,
                "subscriber_count": int(rng.paretovariate(1.2)) - 1,
                "total_minutes": 75,
                "version": 1,
                "copied_from": None,
                "created_at": created,
                "updated_at": created,
            }
        )
        picked = rng.sample(scenarios, 5)
        items += [
            {"collection_id": collection_id, "kind": "scenario", "item_id": s, "position": i, "added_at": created}
            for i, s in enumerate(picked)
        ]
        if n % 10 == 0:
            tags.append(
                {"user_id": owner, "kind": "collection", "item_id": str(collection_id), "tag": "food", "tagged_at": created}
            )
    return collections, items, tags


def _ratings(size: Size, rng: random.Random) -> tuple[list[dict], dict]:
    ratings = []
    summary = {"scenario_id": SCENARIO, "count": 0, "sum_overall": 0, "review_count": 0}
    summary |= {f"stars_{n}": 0 for n in range(1, 6)} | {f"sum_{d}": 0 for d in DIMENSIONS}
    for n in range(size.ratings):
        overall = rng.choice((1, 2, 3, 4, 4, 5, 5, 5))
        dimensions = {d: rng.randint(1, 5) for d in DIMENSIONS}
        review = f"Review {n}: the waiter's lines felt real." if n % 3 == 0 else ""
        moment = NOW - timedelta(seconds=rng.randrange(30_000_000))
        ratings.append(
            {
                "id": uuid.uuid4(),
                "scenario_id": SCENARIO,
                "user_id": uuid.uuid4(),
                "overall": overall,
                **dimensions,
                "review": review,
                "has_review": bool(review),
                "helpful_count": int(rng.paretovariate(1.5)) - 1 if review else 0,
                "created_at": moment,
                "updated_at": moment,
            }
        )
        summary["count"] += 1
        summary["sum_overall"] += overall
        summary[f"stars_{overall}"] += 1
        summary["review_count"] += bool(review)
        for d, value in dimensions.items():
            summary[f"sum_{d}"] += value
    return ratings, summary


async def _fill(db: Database, size: Size) -> None:
    rng = random.Random(size.collections)
    scenarios = [f"bench-scenario-{n}" for n in range(max(20, size.collections // 50))] + [SCENARIO]
    scenario_rows = [
        {
            "kind": "scenario",
            "item_id": s,
            "owner_id": None,
            "visibility": "public",
            "titles": {"es": s},
            "category": "restaurant",
            "difficulty": "beginner",
            "languages": ["es"],
            "estimated_minutes": 15,
            "deleted": False,
            "changed_at": NOW,
        }
        for s in scenarios
    ]
    collections, items, tags = _collections(size, rng, scenarios)
    ratings, summary = _ratings(size, rng)
    for table, rows in (
        (ItemRow, scenario_rows),
        (CollectionRow, collections),
        (CollectionItemRow, items),
        (TagRow, tags),
        (RatingRow, ratings),
        (RatingSummaryRow, [summary]),
    ):
        for chunk in chunked(rows, 5_000):
            async with db.transaction() as session:
                await session.execute(insert(table), list(chunk))
    async with db.transaction() as session:
        await session.execute(text("ANALYZE"))


Case = Callable[[Database], Awaitable[object]]
VIEWER = Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


def cases() -> dict[str, Case]:
    def browse(**filters) -> Case:
        return lambda db: CollectionService(db=db).browse(VIEWER, **filters)

    def reviews(sort: str) -> Case:
        return lambda db: RatingService(db=db).reviews(VIEWER, SCENARIO, sort=sort, limit=20, offset=0)

    return {
        "browse: most subscribed, page 1": browse(),
        "browse: most recent, page 1": browse(sort="recent"),
        "browse: one category": browse(category="travel"),
        "browse: page 5 (offset 80)": browse(offset=80),
        "rating summary": lambda db: RatingService(db=db).summary(VIEWER, SCENARIO),
        "reviews: most helpful, page 1": reviews("helpful"),
        "reviews: most recent, page 1": reviews("recent"),
    }


# Linear by design (a search reads the name and description of every public collection; a tag
# filter every collection carrying the tag): shown for the record, not held to the target.
INFORMATIONAL = {
    "search: one word (linear)": lambda db: CollectionService(db=db).browse(VIEWER, query="travelling"),
    "filter: a tag (linear in its uses)": lambda db: CollectionService(db=db).browse(VIEWER, tag="food"),
}


async def _databases(backend: str, root: Path, resources: AsyncExitStack) -> tuple[Database, Database]:
    urls = scratch_database_urls(backend, root, [f"bench_organization_{size.name}" for size in (SMALL, LARGE)], resources)
    dbs = []
    for url, size in zip(urls, (SMALL, LARGE), strict=True):
        await migrate(url, organization.MIGRATIONS)
        db = Database(make_engine(url))
        resources.push_async_callback(db.dispose)
        started = time.perf_counter()
        await _fill(db, size)
        elapsed = time.perf_counter() - started
        print(f"  {backend} {size.name}: {size.collections:,} public lists, {size.ratings:,} ratings, {elapsed:.1f} s to fill")
        dbs.append(db)
    return dbs[0], dbs[1]


async def run(backend: str, requests: int) -> bool:
    print(f"\n{backend}")
    met = True
    with tempfile.TemporaryDirectory(prefix="parla-bench-organization-") as folder:
        async with AsyncExitStack() as resources:
            small, large = await _databases(backend, Path(folder), resources)
            freeze_startup_objects()  # as the service does once it has started
            print(ratio_header(TARGET, 40))
            for title, case in {**cases(), **INFORMATIONAL}.items():
                line, within = ratio_line(
                    title, *await alternating(small, large, case, requests), TARGET, 40, held=title not in INFORMATIONAL
                )
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
    print("\nall held cases within the target" if all(results) else "\nsome held cases miss the target")


if __name__ == "__main__":
    main()
