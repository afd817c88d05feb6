"""SQL for scenarios and runs. Every query a list endpoint makes is backed by an index."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from parla.scenario.db import RunRow, ScenarioLocalizationRow, ScenarioRow, TurnRow
from parla.scenario.domain.judging import PhaseProgress
from parla.scenario.domain.scenario import ScenarioSpec

SYSTEM, ME = "system", "me"
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


@dataclass(frozen=True)
class ScenarioListing:
    """A scenario in one language as a catalogue page shows it: read from the listing columns,
    never from the scenario's document."""

    id: str
    language: str
    title: str
    description: str
    category: str
    difficulty: str
    estimated_minutes: int
    phase_count: int
    languages: tuple[str, ...]
    owner_id: uuid.UUID | None
    visibility: str

    @classmethod
    def of(cls, row: ScenarioRow, spec: ScenarioSpec, language: str) -> ScenarioListing:
        """The same summary, from a scenario already at hand (one opened, one just written)."""
        local = spec.localizations[language]
        return cls(
            id=spec.id,
            language=language,
            title=local.title,
            description=local.description,
            category=spec.category,
            difficulty=spec.difficulty,
            estimated_minutes=spec.estimated_minutes,
            phase_count=len(spec.phases),
            languages=tuple(spec.languages),
            owner_id=row.owner_id,
            visibility=row.visibility,
        )


# The listing rows: one per scenario and language, with everything a catalogue page needs.
_LISTED = ScenarioLocalizationRow
_LISTING_COLUMNS = (
    _LISTED.scenario_id,
    _LISTED.language,
    _LISTED.title,
    _LISTED.description,
    _LISTED.category,
    _LISTED.difficulty,
    _LISTED.estimated_minutes,
    _LISTED.phase_count,
    _LISTED.languages,
    _LISTED.owner_id,
    _LISTED.visibility,
)


def _listing(values) -> ScenarioListing:
    scenario_id, language, title, description, category, difficulty, minutes, phases, languages, owner, visibility = values
    return ScenarioListing(
        scenario_id,
        language,
        title,
        description,
        category,
        difficulty,
        minutes,
        phases,
        tuple(languages.split(",")),
        owner,
        visibility,
    )


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
        """Store ``spec`` in ``row`` (new or existing) with one listing row per language."""
        row.category, row.difficulty = spec.category, spec.difficulty
        row.estimated_minutes, row.spec, row.updated_at = spec.estimated_minutes, spec.model_dump(mode="json"), now
        self.session.add(row)
        await self.session.flush()
        existing = {
            loc.language: loc for loc in await self.session.scalars(select(_LISTED).where(_LISTED.scenario_id == spec.id))
        }
        for language, loc in spec.localizations.items():
            target = existing.pop(language, None) or _LISTED(scenario_id=spec.id, language=language)
            target.title, target.description = loc.title, loc.description
            target.category, target.difficulty = spec.category, spec.difficulty
            target.estimated_minutes, target.phase_count = spec.estimated_minutes, len(spec.phases)
            target.languages = ",".join(spec.languages)
            target.owner_id, target.visibility, target.deleted_at = row.owner_id, row.visibility, row.deleted_at
            self.session.add(target)
        for stale in existing.values():
            await self.session.delete(stale)

    async def set_visibility(self, row: ScenarioRow, visibility: str, now: datetime) -> None:
        row.visibility, row.updated_at = visibility, now
        await self._copy_to_listing(row)

    async def delete(self, row: ScenarioRow, now: datetime) -> None:
        """Hide the scenario from everyone; it stays for the runs that played it."""
        row.deleted_at = now
        await self._copy_to_listing(row)

    async def _copy_to_listing(self, row: ScenarioRow) -> None:
        await self.session.execute(
            update(_LISTED)
            .where(_LISTED.scenario_id == row.id)
            .values(owner_id=row.owner_id, visibility=row.visibility, deleted_at=row.deleted_at)
        )

    async def count_owned(self, owner_id: uuid.UUID) -> int:
        query = select(func.count()).select_from(ScenarioRow)
        return int(
            await self.session.scalar(query.where(ScenarioRow.owner_id == owner_id, ScenarioRow.deleted_at.is_(None))) or 0
        )

    async def search(self, query: CatalogueQuery) -> tuple[list[ScenarioListing], int]:
        """Scenarios the caller may see that match ``query``, one per localization, by title.

        Reads the listing rows only. With a language, the page walks the catalogue index in title
        order and stops after ``offset + limit`` matches; the total is counted from the same index
        without visiting the table, and only when the page is full (a short page is the last one).
        """
        conditions = query.conditions()
        order = (_LISTED.title, _LISTED.scenario_id) if query.language else (_LISTED.title, _LISTED.scenario_id, _LISTED.language)
        rows = await self.session.execute(
            select(*_LISTING_COLUMNS).where(*conditions).order_by(*order).limit(query.limit).offset(query.offset)
        )
        listings = [_listing(values) for values in rows]
        if len(listings) < query.limit and (listings or query.offset == 0):
            return listings, query.offset + len(listings)
        total = await self.session.scalar(select(func.count()).select_from(_LISTED).where(*conditions))
        return listings, int(total or 0)

    async def list_public(self, *, language: str | None, limit: int, offset: int) -> tuple[list[ScenarioListing], int]:
        """Public scenarios in ``language`` (any language when None), by title."""
        return await self.search(CatalogueQuery(viewer=None, language=language, limit=limit, offset=offset))

    async def category_counts(self, viewer: uuid.UUID | None, language: str | None) -> dict[str, int]:
        """How many scenarios the viewer can see per category (in ``language``, when given)."""
        conditions = CatalogueQuery(viewer=viewer, language=language, limit=0, offset=0).conditions()
        # In one language each scenario has one listing row; across languages it has several.
        counted = func.count() if language else func.count(func.distinct(_LISTED.scenario_id))
        rows = await self.session.execute(select(_LISTED.category, counted).where(*conditions).group_by(_LISTED.category))
        return {category: count for category, count in rows}


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class CatalogueQuery:
    viewer: uuid.UUID | None
    language: str | None = None
    category: str | None = None
    difficulty: str | None = None
    text: str | None = None
    # SYSTEM, ME, a user id, or None for everything the viewer may see.
    author: str | None = None
    limit: int = 20
    offset: int = 0

    def conditions(self) -> list:
        """WHERE clauses on the listing rows: what the viewer may see, then the filters."""
        visible = _LISTED.visibility == "public"
        if self.viewer is not None:
            visible = or_(visible, _LISTED.owner_id == self.viewer)
        conditions = [_LISTED.deleted_at.is_(None), visible]
        if self.language:
            conditions.append(_LISTED.language == self.language)
        if self.category:
            conditions.append(_LISTED.category == self.category)
        if self.difficulty:
            conditions.append(_LISTED.difficulty == self.difficulty)
        if self.text:
            # A substring search reads every listing row in scope: fine for a catalogue of
            # thousands; full-text indexes are the step after that.
            pattern = _like(self.text)
            conditions.append(
                or_(
                    func.lower(_LISTED.title).like(pattern, escape="\\"),
                    func.lower(_LISTED.description).like(pattern, escape="\\"),
                )
            )
        if self.author == SYSTEM:
            conditions.append(_LISTED.owner_id.is_(None))
        elif self.author == ME:
            conditions.append(_LISTED.owner_id == self.viewer)
        elif self.author:
            conditions.append(_LISTED.owner_id == uuid.UUID(self.author))
        return conditions


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
