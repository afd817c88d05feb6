"""Rebuilding analytics from the topics gives exactly what its consumers built: every projection
table of a fresh PostgreSQL database, filled by replaying each subscribed topic from its
beginning through the same handlers, equals the live service's (floats to rounding: sums added in
another order)."""

from __future__ import annotations

import asyncio
import math

from sqlalchemy import select

from parla.analytics import consumers
from parla.analytics import main as analytics
from parla.analytics.db import Base
from parla.analytics.rebuild import rebuild
from parla.chassis.db import Database, make_engine
from parla.chassis.messaging import outbox_table
from parla.chassis.migrations import migrate
from parla.devstack.testing import eventually

from .conftest import new_learner, play
from .test_organization import RATING

SCENARIO = "hotel-check-in"


async def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every projection table's rows, in primary-key order."""
    db = Database(make_engine(url))
    try:
        async with db.reading() as session:
            tables = {}
            for table in Base.metadata.sorted_tables:
                rows = await session.execute(select(table).order_by(*table.primary_key.columns))
                tables[table.name] = [tuple(row) for row in rows]
            return tables
    finally:
        await db.dispose()


def same(live: dict[str, list[tuple]], rebuilt: dict[str, list[tuple]]) -> bool:
    if live.keys() != rebuilt.keys():
        return False
    for name in live:
        if len(live[name]) != len(rebuilt[name]):
            return False
        for a, b in zip(live[name], rebuilt[name], strict=True):
            for x, y in zip(a, b, strict=True):
                if isinstance(x, float) and isinstance(y, float):
                    if not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9):
                        return False
                elif x != y:
                    return False
    return True


async def test_rebuilding_from_the_topics_gives_exactly_the_state_the_consumers_built(api, kafka, stack, postgres):
    learner = await new_learner(api)
    await play(api, learner, SCENARIO)

    async def rated():
        answer = await api.put(f"/api/v1/scenarios/{SCENARIO}/ratings", json=RATING, headers=learner.headers)
        return answer.status_code == 200

    await eventually(rated, timeout=60)
    await api.post("/api/v1/bookmarks/toggle", json={"kind": "scenario", "id": SCENARIO}, headers=learner.headers)
    live_url = stack.config.database_urls["analytics"]

    async def settled():
        """The live projections once they stop changing (every event so far consumed)."""
        first = await snapshot(live_url)
        await asyncio.sleep(2)
        second = await snapshot(live_url)
        ratings = Base.metadata.tables["scenario_stats"].columns.keys().index("ratings")
        rated_here = any(row[0] == SCENARIO and row[ratings] >= 1 for row in second["scenario_stats"])
        return second if rated_here and same(first, second) else None

    live = await eventually(settled, timeout=90, interval=0.5)
    # What the learner sees of it: XP granted by the system for the run, and their first achievement.
    standing = (await api.get("/api/v1/gamification", headers=learner.headers)).json()
    unlocked = {a["code"] for a in standing["achievements"] if a["unlocked_at"]}
    assert standing["xp"] > 0 and "first_steps" in unlocked and standing["streak"]["current"] == 1, standing
    days = (await api.get("/api/v1/dashboard", headers=learner.headers)).json()["days"]
    assert sum(day["xp"] for day in days) == standing["xp"], days
    url = postgres.create_database("e2e_analytics_rebuilt")
    await migrate(url, analytics.MIGRATIONS)
    db = Database(make_engine(url))
    try:
        applied = await rebuild(
            db, bootstrap_servers=kafka.bootstrap, subscriptions=consumers.subscriptions(announce=False), consumer="analytics"
        )
        async with db.reading() as session:
            announced = (await session.execute(select(outbox_table.c.event_type))).scalars().all()
    finally:
        await db.dispose()
    assert announced == [], "a rebuild announces no XP or achievement again"
    assert applied["scenario.published"] >= 13, applied
    assert applied["scenario.completed"] >= 1 and applied["rating.submitted"] >= 1, applied
    rebuilt = await snapshot(url)
    assert {name: len(rows) for name, rows in rebuilt.items()} == {name: len(rows) for name, rows in live.items()}
    assert same(live, rebuilt)
    # The rebuild was not of empty tables: the learner's XP and first achievement are in both.
    # (Other tests on the shared stack have learners of their own, some with no XP yet.)
    xp = Base.metadata.tables["learner_game"].columns.keys().index("xp")
    [mine] = [row for row in live["learner_game"] if str(row[0]) == learner.user_id]
    assert mine[xp] > 0, mine
    assert (learner.user_id, "first_steps") in {(str(row[0]), row[1]) for row in live["achievements"]}, live["achievements"]
