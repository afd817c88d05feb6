"""SQL of discovery: batches of events become set-based statements; lists walk an index."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from sqlalchemy import and_, bindparam, case, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.discovery.db import DiscoveryRow, DiscoveryScenarioRow, LearnerScenarioRow, ScenarioStatsRow
from parla.analytics.discovery.domain import DEFAULT_TOP_RATED_MINIMUM, Counts, mean_rating, popularity
from parla.chassis.db import chunked, insert_for, upsert

COUNTERS = ("views", "starts", "completions", "bookmarks", "ratings", "ratings_sum", "trend")
ORDERS = {"trending": DiscoveryRow.trend, "popular": DiscoveryRow.popular, "top_rated": DiscoveryRow.top_rated}


class DiscoveryRepository:
    def __init__(self, session: AsyncSession, top_rated_minimum: int = DEFAULT_TOP_RATED_MINIMUM) -> None:
        self.session = session
        self._minimum = top_rated_minimum

    # --- what a scenario is ---------------------------------------------------------------------

    async def put_scenarios(self, rows: Sequence[dict]) -> None:
        """Insert or replace scenarios, each only by a newer change than the one stored."""
        await upsert(self.session, DiscoveryScenarioRow.__table__, rows, ["scenario_id"], newest_by="changed_at")

    async def mark_public_since(self, first_public: Mapping[str, datetime]) -> None:
        """Keep each scenario's earliest public announcement, whichever event came first."""
        table = DiscoveryScenarioRow.__table__
        statement = (
            update(table)
            .where(
                table.c.scenario_id == bindparam("sid"),
                or_(table.c.public_since.is_(None), table.c.public_since > bindparam("since")),
            )
            .values(public_since=bindparam("since"))
        )
        rows = [{"sid": scenario_id, "since": since} for scenario_id, since in sorted(first_public.items())]
        for chunk in chunked(rows):
            await self.session.execute(statement, list(chunk))

    async def list_rows(self, scenario_ids: Iterable[str]) -> None:
        """Make each scenario's rows match what is known of it: one per language it has, listed
        when public and not deleted, with its category and its scores; rows of languages it no
        longer has are unlisted. A row's trend is its language's engagement plus the scenario's
        engagement of no language, whenever the row was made."""
        table = DiscoveryRow.__table__
        for chunk in chunked(sorted(set(scenario_ids))):
            statement = select(DiscoveryScenarioRow).where(DiscoveryScenarioRow.scenario_id.in_(chunk))
            scenarios = {row.scenario_id: row for row in await self.session.scalars(statement)}
            stats, shared = await self._stats(chunk), await self._shared_trends(chunk)
            rows = [
                {
                    "language": language,
                    "scenario_id": scenario_id,
                    "listed": scenario.visibility == "public" and not scenario.deleted,
                    "category": scenario.category,
                    "trend_local": 0.0,
                    "trend": shared.get(scenario_id, 0.0),
                }
                | _scores(stats.get(scenario_id, Counts()), self._minimum)
                for scenario_id, scenario in scenarios.items()
                for language in scenario.languages
            ]
            await self.session.execute(update(table).where(table.c.scenario_id.in_(list(scenarios))).values(listed=False))
            if rows:
                insert = insert_for(self.session, table).values(rows)
                kept = {
                    name: insert.excluded[name]
                    for name in ("listed", "category", "popular", "mean_rating", "ratings", "top_rated")
                }
                kept["trend"] = table.c.trend_local + insert.excluded.trend
                await self.session.execute(insert.on_conflict_do_update(index_elements=["language", "scenario_id"], set_=kept))

    # --- engagement -----------------------------------------------------------------------------

    async def add_trend(self, amounts: Mapping[tuple[str, str], float]) -> None:
        """Add to the trend of (language, scenario) rows, creating unlisted ones for scenarios not
        known yet (their own event may come later, on another topic)."""
        if not amounts:
            return
        table = DiscoveryRow.__table__
        statement = insert_for(self.session, table)
        added = {name: table.c[name] + statement.excluded[name] for name in ("trend_local", "trend")}
        upsert = statement.on_conflict_do_update(index_elements=["language", "scenario_id"], set_=added)
        rows = [
            {"language": language, "scenario_id": scenario_id, "listed": False, "category": ""}
            | {"trend_local": amount, "trend": amount}
            | _scores(Counts(), self._minimum)
            for (language, scenario_id), amount in sorted(amounts.items())
        ]
        for chunk in chunked(rows):
            await self.session.execute(upsert, list(chunk))

    async def add_trend_everywhere(self, amounts: Mapping[str, float]) -> None:
        """Add engagement of no language (ratings, bookmarks) to every language row of each
        scenario; the scenario's counters keep it for rows made later."""
        if not amounts:
            return
        await self.add_counts({scenario_id: {"trend": amount} for scenario_id, amount in amounts.items()})
        table = DiscoveryRow.__table__
        statement = (
            update(table)
            .where(table.c.scenario_id == bindparam("s"))
            .values(trend=table.c.trend + bindparam("a"))
            .execution_options(synchronize_session=False)
        )
        await self.session.execute(statement, [{"s": s, "a": a} for s, a in sorted(amounts.items())])

    async def add_counts(self, deltas: Mapping[str, Mapping[str, int]]) -> None:
        """Add to each scenario's counters (a row is made for a scenario seen first)."""
        if not deltas:
            return
        table = ScenarioStatsRow.__table__
        statement = insert_for(self.session, table)
        upsert = statement.on_conflict_do_update(
            index_elements=["scenario_id"], set_={name: table.c[name] + statement.excluded[name] for name in COUNTERS}
        )
        rows = [
            {"scenario_id": s, **{name: d.get(name, 0) for name in COUNTERS}, "trend": float(d.get("trend", 0.0))}
            for s, d in sorted(deltas.items())
        ]
        for chunk in chunked(rows):
            await self.session.execute(upsert, list(chunk))

    async def refresh_scores(self, scenario_ids: Iterable[str]) -> None:
        """Copy each scenario's scores, computed from its counters, to its language rows."""
        wanted = sorted(set(scenario_ids))
        table = DiscoveryRow.__table__
        statement = (
            update(table)
            .where(table.c.scenario_id == bindparam("s"))
            .values(popular=bindparam("p"), mean_rating=bindparam("m"), ratings=bindparam("r"), top_rated=bindparam("t"))
            .execution_options(synchronize_session=False)
        )
        for chunk in chunked(wanted):
            stats = await self._stats(chunk)
            params = [
                {"s": s, "p": scores["popular"], "m": scores["mean_rating"], "r": scores["ratings"], "t": scores["top_rated"]}
                for s in chunk
                for scores in [_scores(stats.get(s, Counts()), self._minimum)]
            ]
            await self.session.execute(statement, params)

    async def _shared_trends(self, scenario_ids: Sequence[str]) -> dict[str, float]:
        statement = select(ScenarioStatsRow.scenario_id, ScenarioStatsRow.trend).where(
            ScenarioStatsRow.scenario_id.in_(list(scenario_ids))
        )
        return {scenario_id: trend for scenario_id, trend in await self.session.execute(statement)}

    async def _stats(self, scenario_ids: Sequence[str]) -> dict[str, Counts]:
        rows = await self.session.scalars(select(ScenarioStatsRow).where(ScenarioStatsRow.scenario_id.in_(list(scenario_ids))))
        return {
            row.scenario_id: Counts(
                ratings=row.ratings, ratings_sum=row.ratings_sum, completions=row.completions, bookmarks=row.bookmarks
            )
            for row in rows
        }

    # --- lists ----------------------------------------------------------------------------------

    async def rows_of(
        self, scenario_ids: Sequence[str], language: str
    ) -> list[tuple[DiscoveryRow, DiscoveryScenarioRow, ScenarioStatsRow | None]]:
        """These scenarios' listed rows in one language (the others are left out)."""
        statement = (
            select(DiscoveryRow, DiscoveryScenarioRow, ScenarioStatsRow)
            .join(DiscoveryScenarioRow, DiscoveryScenarioRow.scenario_id == DiscoveryRow.scenario_id)
            .outerjoin(ScenarioStatsRow, ScenarioStatsRow.scenario_id == DiscoveryRow.scenario_id)
            .where(
                DiscoveryRow.language == language, DiscoveryRow.listed.is_(True), DiscoveryRow.scenario_id.in_(list(scenario_ids))
            )
        )
        return [tuple(row) for row in await self.session.execute(statement)]

    async def page(
        self, order: str, *, language: str, category: str, limit: int, offset: int
    ) -> list[tuple[DiscoveryRow, DiscoveryScenarioRow, ScenarioStatsRow | None]]:
        """Listed rows of one language, best first by ``order``, one more than asked."""
        column = ORDERS[order]
        statement = (
            select(DiscoveryRow, DiscoveryScenarioRow, ScenarioStatsRow)
            .join(DiscoveryScenarioRow, DiscoveryScenarioRow.scenario_id == DiscoveryRow.scenario_id)
            .outerjoin(ScenarioStatsRow, ScenarioStatsRow.scenario_id == DiscoveryRow.scenario_id)
            .where(DiscoveryRow.language == language, DiscoveryRow.listed.is_(True))
        )
        if category:
            statement = statement.where(DiscoveryRow.category == category)
        if order == "top_rated":
            statement = statement.where(DiscoveryRow.top_rated >= 0)
        statement = statement.order_by(column.desc(), DiscoveryRow.scenario_id.desc()).limit(limit + 1).offset(offset)
        return [tuple(row) for row in await self.session.execute(statement)]


class LearnerRepository:
    """What each learner did with each scenario. Times only move forward and the score kept is
    the latest completion's, so the rows are the same whatever order the events are read in."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def started(self, rows: Sequence[dict]) -> None:
        """(user_id, scenario_id, category, started_at) rows, one per key."""
        table = LearnerScenarioRow.__table__
        statement = insert_for(self.session, LearnerScenarioRow.__table__)
        later = case(
            (table.c.started_at.is_(None), statement.excluded.started_at),
            (statement.excluded.started_at > table.c.started_at, statement.excluded.started_at),
            else_=table.c.started_at,
        )
        upsert = statement.on_conflict_do_update(
            index_elements=["user_id", "scenario_id"], set_={"started_at": later, "category": statement.excluded.category}
        )
        for chunk in chunked(_learner_rows(rows)):
            await self.session.execute(upsert, list(chunk))

    async def completed(self, rows: Sequence[dict]) -> None:
        """(user_id, scenario_id, category, completed_at, last_score, completions) rows, one per
        key: the batch's latest completion of each, and how many there were."""
        table = LearnerScenarioRow.__table__
        statement = insert_for(self.session, LearnerScenarioRow.__table__)
        newer = and_(table.c.completed_at.is_not(None), table.c.completed_at > statement.excluded.completed_at)
        upsert = statement.on_conflict_do_update(
            index_elements=["user_id", "scenario_id"],
            set_={
                "completions": table.c.completions + statement.excluded.completions,
                "completed_at": case((newer, table.c.completed_at), else_=statement.excluded.completed_at),
                "last_score": case((newer, table.c.last_score), else_=statement.excluded.last_score),
                "category": statement.excluded.category,
            },
        )
        for chunk in chunked(_learner_rows(rows)):
            await self.session.execute(upsert, list(chunk))

    async def rated(self, ratings: dict[tuple, int | None]) -> None:
        """The learner's rating of each scenario (None: taken back)."""
        statement = insert_for(self.session, LearnerScenarioRow.__table__)
        upsert = statement.on_conflict_do_update(
            index_elements=["user_id", "scenario_id"], set_={"rating": statement.excluded.rating}
        )
        rows = [
            {"user_id": user, "scenario_id": scenario, "rating": rating} for (user, scenario), rating in sorted(ratings.items())
        ]
        for chunk in chunked(_learner_rows(rows)):
            await self.session.execute(upsert, list(chunk))

    async def history(self, user_id, limit: int = 500) -> list[LearnerScenarioRow]:
        statement = select(LearnerScenarioRow).where(LearnerScenarioRow.user_id == user_id).limit(limit)
        return list(await self.session.scalars(statement))


def _learner_rows(rows: Sequence[dict]) -> list[dict]:
    """Every column present in every row (a multi-row statement needs one shape)."""
    base = {"category": "", "started_at": None, "completed_at": None, "last_score": None, "completions": 0, "rating": None}
    return [base | row for row in rows]


def _scores(counts: Counts, minimum: int) -> dict:
    mean = mean_rating(counts.ratings, counts.ratings_sum)
    return {
        "popular": popularity(counts),
        "mean_rating": mean,
        "ratings": counts.ratings,
        "top_rated": mean if counts.ratings >= minimum else -1.0,
    }
