"""SQL for scenarios and runs. Every query a list endpoint makes is backed by an index."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from parla.scenario.db import RunRow, ScenarioLocalizationRow, ScenarioRow, TurnRow
from parla.scenario.domain import PhaseProgress, ScenarioSpec


@dataclass(frozen=True)
class ScenarioListing:
    spec: ScenarioSpec
    language: str


class ScenarioRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, scenario_id: str) -> ScenarioRow | None:
        return await self.session.get(ScenarioRow, scenario_id)

    async def upsert_system(self, spec: ScenarioSpec, now: datetime) -> bool:
        """Insert or refresh a system scenario; True when something changed."""
        document = spec.model_dump(mode="json")
        row = await self.get(spec.id)
        if row is not None and row.spec == document:
            return False
        if row is None:
            row = ScenarioRow(id=spec.id, owner_id=None, visibility="public", created_at=now)
            self.session.add(row)
        row.category, row.difficulty = spec.category, spec.difficulty
        row.estimated_minutes, row.spec, row.updated_at = spec.estimated_minutes, document, now
        await self.session.flush()
        existing = {
            loc.language: loc
            for loc in (
                await self.session.scalars(select(ScenarioLocalizationRow).where(ScenarioLocalizationRow.scenario_id == spec.id))
            )
        }
        for language, loc in spec.localizations.items():
            target = existing.pop(language, None) or ScenarioLocalizationRow(scenario_id=spec.id, language=language)
            target.title, target.description = loc.title, loc.description
            self.session.add(target)
        for stale in existing.values():
            await self.session.delete(stale)
        return True

    async def list_public(self, *, language: str | None, limit: int, offset: int) -> tuple[list[ScenarioListing], int]:
        """Public scenarios that have a localization in ``language`` (any language when None), by title."""
        base = (
            select(ScenarioRow, ScenarioLocalizationRow.language)
            .join(ScenarioLocalizationRow, ScenarioLocalizationRow.scenario_id == ScenarioRow.id)
            .where(ScenarioRow.visibility == "public")
        )
        if language:
            base = base.where(ScenarioLocalizationRow.language == language)
        total = await self.session.scalar(select(func.count()).select_from(base.subquery()))
        rows = await self.session.execute(
            base.order_by(ScenarioLocalizationRow.title, ScenarioRow.id, ScenarioLocalizationRow.language)
            .limit(limit)
            .offset(offset)
        )
        return [ScenarioListing(ScenarioSpec.model_validate(row.spec), lang) for row, lang in rows], int(total or 0)


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

    async def turns(self, run_id: uuid.UUID) -> list[TurnRow]:
        return list(await self.session.scalars(select(TurnRow).where(TurnRow.run_id == run_id).order_by(TurnRow.seq)))

    async def append_turn(self, run_id: uuid.UUID, role: str, text: str, now: datetime) -> TurnRow:
        last = await self.session.scalar(select(func.max(TurnRow.seq)).where(TurnRow.run_id == run_id))
        turn = TurnRow(run_id=run_id, seq=(last or 0) + 1, role=role, text=text, created_at=now)
        self.session.add(turn)
        await self.session.flush()
        return turn

    @staticmethod
    def progress_of(run: RunRow) -> list[PhaseProgress]:
        return [PhaseProgress.from_json(p) for p in run.progress]

    @staticmethod
    def save_progress(run: RunRow, progress: list[PhaseProgress]) -> None:
        run.progress = [p.to_json() for p in progress]
        flag_modified(run, "progress")
