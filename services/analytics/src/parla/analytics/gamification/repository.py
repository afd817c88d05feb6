"""SQL of gamification: facts added as sets (each insert tells which rows were new), learners'
states locked in key order, and the leaderboards read from one index range."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from sqlalchemy import Table, delete, func, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.discovery.db import DiscoveryScenarioRow
from parla.analytics.gamification.db import (
    AchievementRow,
    ActivitySlotRow,
    CompletionFactRow,
    LearnerGameRow,
    LearnerProfileRow,
    MilestoneRow,
    TimezoneChangeRow,
    WeeklyXpRow,
    XpGrantRow,
)
from parla.analytics.gamification.fold import (
    CompletionFact,
    Fact,
    Listing,
    MilestoneFact,
    SlotFact,
    TimezoneFact,
)
from parla.chassis.db import adding_up, chunked, inserting_if_absent, upsert

Users = Sequence[uuid.UUID]
MAX_RANKED = 1_000


def completion_fact(row) -> CompletionFact:
    return CompletionFact(
        at=row.completed_at,
        run_id=str(row.run_id),
        scenario_id=row.scenario_id,
        language=row.language,
        difficulty=row.difficulty,
        score=row.score,
        duration_seconds=row.duration_seconds,
        estimated_minutes=row.estimated_minutes,
    )


class GamificationRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- facts ----------------------------------------------------------------------------------

    async def _add_new(self, table: Table, rows: list[dict], keys: list[str]) -> list:
        """Insert the rows that are not there yet; the ones that were new. A key repeated in the
        batch keeps its first row, as separate batches would (a milestone keeps its first time).
        Rows go in key order so that two batches adding overlapping facts wait for each other
        rather than deadlock."""
        first: dict[tuple, dict] = {}
        for row in rows:
            first.setdefault(tuple(row[k] for k in keys), row)
        rows = sorted(first.values(), key=lambda row: [str(row[k]) for k in keys])
        # Parameters as a list (not a VALUES clause built per batch): the statement is compiled
        # once and cached, and SQLAlchemy sends the rows as multi-row inserts of its own.
        statement = inserting_if_absent(self.session, table, tuple(keys), returning=tuple(table.c.keys()))
        new = []
        for chunk in chunked(rows):
            new.extend(await self.session.execute(statement, list(chunk)))
        return new

    async def add_slots(self, rows: list[dict]) -> dict[uuid.UUID, list[Fact]]:
        new = await self._add_new(ActivitySlotRow.__table__, rows, ["user_id", "slot"])
        return _by_user((row.user_id, SlotFact(row.slot)) for row in new)

    async def add_timezones(self, rows: list[dict]) -> dict[uuid.UUID, list[Fact]]:
        new = await self._add_new(TimezoneChangeRow.__table__, rows, ["user_id", "effective_at"])
        return _by_user((row.user_id, TimezoneFact(row.effective_at, row.timezone)) for row in new)

    async def add_milestones(self, rows: list[dict]) -> dict[uuid.UUID, list[Fact]]:
        new = await self._add_new(MilestoneRow.__table__, rows, ["user_id", "kind", "subject"])
        return _by_user((row.user_id, MilestoneFact(row.at, row.kind, row.subject)) for row in new)

    async def add_completions(self, rows: list[dict]) -> dict[uuid.UUID, list[Fact]]:
        new = await self._add_new(CompletionFactRow.__table__, rows, ["run_id"])
        return _by_user((row.user_id, completion_fact(row)) for row in new)

    async def of_users(self, model, users: Users) -> list:
        """Every row of ``model`` that belongs to one of ``users``."""
        rows = []
        for chunk in chunked(sorted(set(users))):
            rows.extend(await self.session.scalars(select(model).where(model.user_id.in_(chunk))))
        return rows

    async def facts(self, users: Users) -> dict[uuid.UUID, list[Fact]]:
        """Every fact of these learners, to fold from the beginning."""
        found: dict[uuid.UUID, list[Fact]] = defaultdict(list)
        for row in await self.of_users(TimezoneChangeRow, users):
            found[row.user_id].append(TimezoneFact(row.effective_at, row.timezone))
        for row in await self.of_users(ActivitySlotRow, users):
            found[row.user_id].append(SlotFact(row.slot))
        for row in await self.of_users(MilestoneRow, users):
            found[row.user_id].append(MilestoneFact(row.at, row.kind, row.subject))
        for row in await self.of_users(CompletionFactRow, users):
            found[row.user_id].append(completion_fact(row))
        return found

    async def put_profiles(self, rows: list[dict]) -> None:
        """Each learner's newest profile wins, whatever order their events came in."""
        await upsert(self.session, LearnerProfileRow.__table__, rows, ["user_id"], newest_by="changed_at")

    async def profiles(self, users: Users) -> dict[uuid.UUID, LearnerProfileRow]:
        return {row.user_id: row for row in await self.of_users(LearnerProfileRow, users)}

    # --- the catalogue "all of" achievements are checked against ---------------------------------

    async def catalogue_version(self) -> tuple:
        table = DiscoveryScenarioRow
        statement = select(func.count(), func.max(table.changed_at), func.max(table.public_since))
        return tuple((await self.session.execute(statement)).one())

    async def listings(self, groups: Iterable[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Listing]]:
        """The public scenarios of each (category | difficulty, value) group, with when each was listed."""
        table = DiscoveryScenarioRow
        statement = select(
            table.scenario_id, table.category, table.difficulty, table.deleted, table.changed_at, table.public_since
        ).where(table.public_since.is_not(None), table.visibility == "public")
        wanted = set(groups)
        found: dict[tuple[str, str], dict[str, Listing]] = {group: {} for group in wanted}
        for scenario_id, category, difficulty, deleted, changed_at, since in await self.session.execute(statement):
            listing = Listing(since, changed_at if deleted else None)
            for group in (("category", category), ("difficulty", difficulty)):
                if group in wanted:
                    found[group][scenario_id] = listing
        return found

    # --- what the fold made ---------------------------------------------------------------------

    async def lock_states(self, users: Users) -> dict[uuid.UUID, dict]:
        """These learners' fold states (empty for a new learner), locked until commit — a row is
        made first for a learner who has none, so there is one to lock — in key order, so that
        two batches never wait on each other in a circle."""
        ordered = sorted(set(users))
        found = await self._locked(ordered)
        missing = [user for user in ordered if user not in found]
        if missing:
            statement = inserting_if_absent(self.session, LearnerGameRow.__table__, ("user_id",))
            for chunk in chunked(missing):
                rows = [{"user_id": user, "xp": 0, "level": 1, "streak": 0, "longest_streak": 0, "state": {}} for user in chunk]
                await self.session.execute(statement, rows)
            found.update(await self._locked(missing))
        return found

    async def _locked(self, users: list[uuid.UUID]) -> dict[uuid.UUID, dict]:
        table = LearnerGameRow.__table__
        found = {}
        for chunk in chunked(users):
            statement = select(table.c.user_id, table.c.state).where(table.c.user_id.in_(chunk)).order_by(table.c.user_id)
            found.update({user: state for user, state in await self.session.execute(statement.with_for_update())})
        return found

    async def grants_of(self, users: Users) -> dict[str, XpGrantRow]:
        return {str(row.run_id): row for row in await self.of_users(XpGrantRow, users)}

    async def achievements_of(self, users: Users) -> dict[tuple[uuid.UUID, str], AchievementRow]:
        return {(row.user_id, row.code): row for row in await self.of_users(AchievementRow, users)}

    async def remove_achievements(self, keys: Sequence[tuple[uuid.UUID, str]]) -> None:
        table = AchievementRow
        for chunk in chunked(sorted(keys)):
            await self.session.execute(delete(table).where(tuple_(table.user_id, table.code).in_(chunk)))

    async def add_weekly(self, rows: list[dict]) -> None:
        """Add XP to learners' weeks; a week made here takes the learner's choice to appear (the
        profile handler keeps it for the weeks already made)."""
        upsert = adding_up(self.session, WeeklyXpRow.__table__, ("week", "language", "user_id"), ("xp",))
        for chunk in chunked(rows):
            await self.session.execute(upsert, list(chunk))

    async def list_on_boards(self, opted: Mapping[uuid.UUID, bool]) -> None:
        """Make these learners' weekly rows say whether they chose to appear."""
        for listed in (True, False):
            users = sorted(user for user, opt_in in opted.items() if opt_in is listed)
            for chunk in chunked(users):
                await self.session.execute(
                    update(WeeklyXpRow)
                    .where(WeeklyXpRow.user_id.in_(chunk), WeeklyXpRow.listed.is_not(listed))
                    .values(listed=listed)
                )

    # --- reads ----------------------------------------------------------------------------------

    async def grant(self, run_id: uuid.UUID) -> XpGrantRow | None:
        return await self.session.get(XpGrantRow, run_id)

    async def game(self, user_id: uuid.UUID) -> LearnerGameRow | None:
        return await self.session.get(LearnerGameRow, user_id)

    async def profile(self, user_id: uuid.UUID) -> LearnerProfileRow | None:
        return await self.session.get(LearnerProfileRow, user_id)

    async def unlocked(self, user_id: uuid.UUID) -> dict[str, AchievementRow]:
        statement = select(AchievementRow).where(AchievementRow.user_id == user_id)
        return {row.code: row for row in await self.session.scalars(statement)}

    async def board(self, week: date, language: str, limit: int, offset: int) -> list[tuple[uuid.UUID, int, str]]:
        """(learner, XP, display name) of a week's board in one language, most XP first."""
        statement = (
            select(WeeklyXpRow.user_id, WeeklyXpRow.xp, LearnerProfileRow.display_name)
            .join(LearnerProfileRow, LearnerProfileRow.user_id == WeeklyXpRow.user_id)
            .where(WeeklyXpRow.week == week, WeeklyXpRow.language == language, WeeklyXpRow.listed.is_(True), WeeklyXpRow.xp > 0)
            # One direction for both keys, so the board's index gives the order (ties: the later id first).
            .order_by(WeeklyXpRow.xp.desc(), WeeklyXpRow.user_id.desc())
            .limit(limit)
            .offset(offset)
        )
        return [tuple(row) for row in await self.session.execute(statement)]

    async def place(self, week: date, language: str, user_id: uuid.UUID) -> tuple[int, int, str] | None:
        """(rank, XP, display name) of a learner on a board they appear on."""
        mine = (
            await self.session.execute(
                select(WeeklyXpRow.xp, LearnerProfileRow.display_name)
                .join(LearnerProfileRow, LearnerProfileRow.user_id == WeeklyXpRow.user_id)
                .where(
                    WeeklyXpRow.week == week,
                    WeeklyXpRow.language == language,
                    WeeklyXpRow.user_id == user_id,
                    WeeklyXpRow.listed.is_(True),
                    WeeklyXpRow.xp > 0,
                )
            )
        ).first()
        if mine is None:
            return None
        xp, name = mine
        # Counting who is ahead walks the board's index down to the learner, so it is bounded: a
        # place is exact in the first thousand, and beyond them it is 0 ("1,000+"), whatever the
        # board's size. Two ranges of the index (more XP; as much XP and a later id), not one OR,
        # which SQLite would read from the board's bottom.
        board = (WeeklyXpRow.week == week, WeeklyXpRow.language == language, WeeklyXpRow.listed.is_(True))
        count = 0
        for ahead in (WeeklyXpRow.xp > xp, (WeeklyXpRow.xp == xp) & (WeeklyXpRow.user_id > user_id)):
            if count < MAX_RANKED:
                rows = select(WeeklyXpRow.user_id).where(*board, ahead).limit(MAX_RANKED - count).subquery()
                count += int(await self.session.scalar(select(func.count()).select_from(rows)))
        return (count + 1 if count < MAX_RANKED else 0), xp, name


def _by_user(pairs: Iterable[tuple[uuid.UUID, Fact]]) -> dict[uuid.UUID, list[Fact]]:
    found: dict[uuid.UUID, list[Fact]] = defaultdict(list)
    for user, fact in pairs:
        found[user].append(fact)
    return found
