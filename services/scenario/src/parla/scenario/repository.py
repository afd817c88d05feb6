"""SQL for scenarios and runs. The catalogue's lists and counts are in ``catalogue_repository``;
every query a list endpoint makes is backed by an index."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from parla.scenario.catalogue_repository import CatalogueRepository
from parla.scenario.db import RunRow, ScenarioLocalizationRow, ScenarioRow, TurnRow
from parla.scenario.domain.judging import PhaseProgress
from parla.scenario.domain.scenario import ScenarioSpec

_SPEC_CACHE_SIZE = 1024
_parsed: OrderedDict[tuple[str, datetime], ScenarioSpec] = OrderedDict()


def parsed_spec(key: tuple[str, datetime], document: dict) -> ScenarioSpec:
    """``document`` as a ScenarioSpec, cached under ``key`` (an id and a version time): every
    turn of a run needs its scenario, and validating a whole scenario each turn is wasted work."""
    spec = _parsed.get(key)
    if spec is None:
        spec = _parsed[key] = ScenarioSpec.model_validate(document)
        if len(_parsed) > _SPEC_CACHE_SIZE:
            _parsed.popitem(last=False)
    return spec


def spec_of(row: ScenarioRow) -> ScenarioSpec:
    return parsed_spec((row.id, row.updated_at), row.spec)


class ScenarioRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, scenario_id: str) -> ScenarioRow | None:
        return await self.session.get(ScenarioRow, scenario_id)

    async def upsert_system(self, spec: ScenarioSpec, now: datetime) -> tuple[ScenarioRow, bool] | None:
        """Insert or refresh a shipped scenario: (row, created) when something changed, else None.
        A row an admin has edited is not overwritten."""
        row = await self.get(spec.id)
        if row is not None and (row.edited_by_admin_at is not None or row.spec == spec.model_dump(mode="json")):
            return None
        created = row is None
        row = row or ScenarioRow(id=spec.id, owner_id=None, visibility="public", created_at=now)
        await self.save(row, spec, now)
        return row, created

    async def system_scenarios(self) -> list[ScenarioRow]:
        query = select(ScenarioRow).where(
            ScenarioRow.owner_id.is_(None), ScenarioRow.deleted_at.is_(None), ScenarioRow.visibility == "public"
        )
        return list(await self.session.scalars(query.order_by(ScenarioRow.id)))

    async def save(self, row: ScenarioRow, spec: ScenarioSpec, now: datetime) -> None:
        """Store ``spec`` in ``row`` (new or existing), and its listing rows for the catalogue."""
        row.category, row.difficulty = spec.category, spec.difficulty
        row.estimated_minutes, row.spec, row.updated_at = spec.estimated_minutes, spec.model_dump(mode="json"), now
        self.session.add(row)
        await self.session.flush()
        await CatalogueRepository(self.session).put(row, spec)

    async def set_visibility(self, row: ScenarioRow, visibility: str, now: datetime) -> None:
        row.visibility, row.updated_at = visibility, now
        await CatalogueRepository(self.session).follow(row)

    async def delete(self, row: ScenarioRow, now: datetime) -> None:
        """Hide the scenario from everyone; it stays for the runs that played it."""
        row.deleted_at = now
        await CatalogueRepository(self.session).follow(row)

    async def count_owned(self, owner_id: uuid.UUID) -> int:
        query = select(func.count()).select_from(ScenarioRow)
        return int(
            await self.session.scalar(query.where(ScenarioRow.owner_id == owner_id, ScenarioRow.deleted_at.is_(None))) or 0
        )


class RunRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, run: RunRow) -> None:
        self.session.add(run)
        await self.session.flush()

    async def get_for_user(self, run_id: uuid.UUID, user_id: uuid.UUID, *, for_update: bool = False) -> RunRow | None:
        query = select(RunRow).where(RunRow.id == run_id, RunRow.user_id == user_id)
        if for_update:
            query = query.with_for_update()
        return await self.session.scalar(query)

    async def history(
        self, user_id: uuid.UUID, *, status: str | None, limit: int, offset: int
    ) -> tuple[list[tuple[RunRow, str | None]], int]:
        """The learner's runs, newest first, each with its scenario's title in the run's language."""
        where = [RunRow.user_id == user_id]
        if status:
            where.append(RunRow.status == status)
        total = await self.session.scalar(select(func.count()).select_from(RunRow).where(*where))
        rows = await self.session.execute(
            select(RunRow, ScenarioLocalizationRow.title)
            .outerjoin(
                ScenarioLocalizationRow,
                (ScenarioLocalizationRow.scenario_id == RunRow.scenario_id)
                & (ScenarioLocalizationRow.language == RunRow.language),
            )
            .where(*where)
            .order_by(RunRow.started_at.desc(), RunRow.id)
            .limit(limit)
            .offset(offset)
        )
        return [(run, title) for run, title in rows], int(total or 0)

    async def turns(self, run_id: uuid.UUID) -> list[TurnRow]:
        return list(await self.session.scalars(select(TurnRow).where(TurnRow.run_id == run_id).order_by(TurnRow.seq)))

    async def append_turn(self, run_id: uuid.UUID, role: str, text: str, now: datetime) -> TurnRow:
        last = await self.session.scalar(select(func.max(TurnRow.seq)).where(TurnRow.run_id == run_id))
        turn = TurnRow(run_id=run_id, seq=(last or 0) + 1, role=role, text=text, created_at=now)
        self.session.add(turn)
        await self.session.flush()
        return turn

    async def save_turn(self, run: RunRow, *, read_version: int, learner_text: str, tutor_text: str, now: datetime) -> bool:
        """Store a judged turn (``run``'s new progress, phase and mistakes, and the two lines) if
        the run is still active at ``read_version``; False, with nothing written, if it is not."""
        changed = await self.session.execute(
            update(RunRow)
            .where(RunRow.id == run.id, RunRow.version == read_version, RunRow.status == "active")
            .values(progress=run.progress, current_phase=run.current_phase, mistakes=run.mistakes, version=read_version + 1)
            .execution_options(synchronize_session=False)
        )
        if changed.rowcount != 1:
            return False
        run.version = read_version + 1
        await self.append_turn(run.id, "learner", learner_text, now)
        await self.append_turn(run.id, "tutor", tutor_text, now)
        return True

    @staticmethod
    def progress_of(run: RunRow) -> list[PhaseProgress]:
        return [PhaseProgress.from_json(p) for p in run.progress]

    @staticmethod
    def save_progress(run: RunRow, progress: list[PhaseProgress]) -> None:
        run.progress = [p.to_json() for p in progress]
        flag_modified(run, "progress")
