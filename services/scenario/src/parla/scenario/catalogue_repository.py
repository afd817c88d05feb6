"""SQL of the catalogue's read model: what lists and counts read, kept by every scenario write.

- Listing rows (``scenario_localizations``): one per scenario and language, with everything a
  page shows and filters on. A page walks an index in title order and stops after
  ``offset + limit`` rows; no scenario document is decoded.
- Counts (``catalogue_counts``): how many public listing rows each (language, category,
  difficulty) has, and under ``ANY_LANGUAGE`` how many public scenarios. A page's total is a sum
  over at most a few dozen of them plus the viewer's own private scenarios (a few hundred at most,
  by the owner index), so it costs the same with 10 scenarios as with 10,000. Only a text search
  counts its matches one by one.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.db import insert_for
from parla.scenario.db import CatalogueCountRow, ScenarioLocalizationRow, ScenarioRow
from parla.scenario.domain.scenario import ScenarioSpec

SYSTEM, ME = "system", "me"
# The counts row that counts scenarios (once each) rather than listing rows (once per language).
ANY_LANGUAGE = "*"

_LISTED = ScenarioLocalizationRow
_COUNTS = CatalogueCountRow
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

Cell = tuple[str, str, str]  # (language or ANY_LANGUAGE, category, difficulty)


@dataclass(frozen=True)
class ScenarioListing:
    """A scenario in one language as a catalogue page shows it."""

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


def _listing(values) -> ScenarioListing:
    scenario_id, language, title, description, category, difficulty, minutes, phases, languages, owner, visibility, *_ = values
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

    def filters(self) -> list:
        """The filters on listing rows, without the visibility rule."""
        conditions = []
        if self.language:
            conditions.append(_LISTED.language == self.language)
        if self.category:
            conditions.append(_LISTED.category == self.category)
        if self.difficulty:
            conditions.append(_LISTED.difficulty == self.difficulty)
        if self.text:
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

    def conditions(self) -> list:
        """WHERE clauses on the listing rows: what the viewer may see, then the filters."""
        visible = _LISTED.visibility == "public"
        if self.viewer is not None:
            visible = or_(visible, _LISTED.owner_id == self.viewer)
        return [_LISTED.deleted_at.is_(None), visible, *self.filters()]


class CatalogueRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- reads ---------------------------------------------------------------------------------

    async def search(self, query: CatalogueQuery) -> tuple[list[ScenarioListing], int]:
        """Scenarios the caller may see that match ``query``, one per localization, by title.

        Unless the query searches text or one author, the total comes with the page, as a column
        of the same statement (its sum over the counts is evaluated once): one round trip."""
        order = (_LISTED.title, _LISTED.scenario_id) if query.language else (_LISTED.title, _LISTED.scenario_id, _LISTED.language)
        counted = not (query.text or query.author)
        columns = (*_LISTING_COLUMNS, self._total(query).scalar_subquery()) if counted else _LISTING_COLUMNS
        rows = (
            await self.session.execute(
                select(*columns).where(*query.conditions()).order_by(*order).limit(query.limit).offset(query.offset)
            )
        ).all()
        listings = [_listing(values) for values in rows]
        if len(listings) < query.limit and (listings or query.offset == 0):
            return listings, query.offset + len(listings)  # the last page says how many there are
        if rows and counted:
            return listings, int(rows[0][-1] or 0)
        if counted:  # past the last page: no row carried the total
            return listings, int(await self.session.scalar(self._total(query)) or 0)
        # A search reads every row in scope anyway; one author has a few hundred at most.
        return listings, int(await self.session.scalar(select(func.count()).select_from(_LISTED).where(*query.conditions())) or 0)

    @staticmethod
    def _total(query: CatalogueQuery):
        """How many scenarios a query without text or author finds: the public ones from the
        counts, and the viewer's own others."""
        public = select(func.coalesce(func.sum(_COUNTS.scenarios), 0)).where(
            _COUNTS.language == query.language if query.language else _COUNTS.language != ANY_LANGUAGE
        )
        if query.category:
            public = public.where(_COUNTS.category == query.category)
        if query.difficulty:
            public = public.where(_COUNTS.difficulty == query.difficulty)
        if query.viewer is None:
            return public
        # The viewer's own scenarios that are not public (the counts hold public ones only).
        own = (
            select(func.count())
            .select_from(_LISTED)
            .where(_LISTED.owner_id == query.viewer, _LISTED.visibility != "public", _LISTED.deleted_at.is_(None))
            .where(*query.filters())
        )
        return select(public.scalar_subquery() + own.scalar_subquery())

    async def category_counts(self, viewer: uuid.UUID | None, language: str | None) -> dict[str, int]:
        """How many scenarios the viewer can see per category (in ``language``, when given)."""
        rows = await self.session.execute(
            select(_COUNTS.category, func.sum(_COUNTS.scenarios))
            .where(_COUNTS.language == (language or ANY_LANGUAGE))
            .group_by(_COUNTS.category)
        )
        counts = Counter({category: int(count) for category, count in rows if count})
        if viewer is not None:
            # In one language each scenario has one listing row; across languages it has several.
            counted = func.count() if language else func.count(func.distinct(_LISTED.scenario_id))
            filters = [_LISTED.language == language] if language else []
            own = await self.session.execute(
                select(_LISTED.category, counted)
                .where(_LISTED.owner_id == viewer, _LISTED.visibility != "public", _LISTED.deleted_at.is_(None), *filters)
                .group_by(_LISTED.category)
            )
            counts.update({category: count for category, count in own})
        return dict(counts)

    # --- writes: every change of a scenario goes through one of these ----------------------------

    async def put(self, row: ScenarioRow, spec: ScenarioSpec) -> None:
        """The listing rows of ``spec`` as stored in ``row``: one per language, stale ones gone."""
        before = await self._public_cells(row.id)
        existing = {loc.language: loc for loc in await self.session.scalars(select(_LISTED).where(_LISTED.scenario_id == row.id))}
        for language, loc in spec.localizations.items():
            target = existing.pop(language, None) or _LISTED(scenario_id=row.id, language=language)
            target.title, target.description = loc.title, loc.description
            target.category, target.difficulty = spec.category, spec.difficulty
            target.estimated_minutes, target.phase_count = spec.estimated_minutes, len(spec.phases)
            target.languages = ",".join(spec.languages)
            target.owner_id, target.visibility, target.deleted_at = row.owner_id, row.visibility, row.deleted_at
            self.session.add(target)
        for stale in existing.values():
            await self.session.delete(stale)
        await self.session.flush()
        await self._count(before, await self._public_cells(row.id))

    async def follow(self, row: ScenarioRow) -> None:
        """Copy the scenario's owner, visibility and deletion to its listing rows."""
        before = await self._public_cells(row.id)
        await self.session.execute(
            update(_LISTED)
            .where(_LISTED.scenario_id == row.id)
            .values(owner_id=row.owner_id, visibility=row.visibility, deleted_at=row.deleted_at)
        )
        await self._count(before, await self._public_cells(row.id))

    async def _public_cells(self, scenario_id: str) -> Counter[Cell]:
        """What the scenario adds to the counts now: one per public listing row, and one under
        ANY_LANGUAGE for the scenario itself."""
        rows = await self.session.execute(
            select(_LISTED.language, _LISTED.category, _LISTED.difficulty).where(
                _LISTED.scenario_id == scenario_id, _LISTED.visibility == "public", _LISTED.deleted_at.is_(None)
            )
        )
        cells: Counter[Cell] = Counter(tuple(values) for values in rows)
        for category, difficulty in {(category, difficulty) for _, category, difficulty in cells}:
            cells[(ANY_LANGUAGE, category, difficulty)] += 1
        return cells

    async def _count(self, before: Counter[Cell], after: Counter[Cell]) -> None:
        """Move the counts by what changed, in SQL (concurrent writers add up, never overwrite)."""
        for cell in sorted(before.keys() | after.keys()):  # one order, so writers never deadlock
            change = after[cell] - before[cell]
            if change:
                language, category, difficulty = cell
                statement = insert_for(self.session, _COUNTS).values(
                    language=language, category=category, difficulty=difficulty, scenarios=change
                )
                await self.session.execute(
                    statement.on_conflict_do_update(
                        index_elements=["language", "category", "difficulty"],
                        set_={"scenarios": _COUNTS.scenarios + statement.excluded.scenarios},
                    )
                )
