"""Use cases of the catalogue: the shipped scenarios seeded, lists, categories, one scenario."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, NotFound
from parla.chassis.messaging import add_event
from parla.contracts.events import ScenarioPublished, ScenarioUpdated, ScenarioViewed
from parla.scenario.arguments import known, language_of, page
from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.catalogue_repository import ME, SYSTEM, CatalogueQuery, CatalogueRepository, ScenarioListing
from parla.scenario.db import ScenarioRow
from parla.scenario.domain.authoring import scenario_changed
from parla.scenario.domain.scenario import CATEGORIES, DIFFICULTIES, LANGUAGES, ScenarioSpec, can_open, viewer_of
from parla.scenario.repository import ScenarioRepository, spec_of
from parla.scenario.views import ViewRecorder

CATEGORY_NAMES = {category: category.replace("_", " ").capitalize() for category in CATEGORIES}
MAX_SEARCH_CHARS = 200


def _now() -> datetime:
    return datetime.now(UTC)


def _search_text(text: str) -> str | None:
    text = text.strip()
    if len(text) > MAX_SEARCH_CHARS:
        raise InvalidArgument(f"search text is at most {MAX_SEARCH_CHARS} characters", details={"q": "too long"})
    return text or None


def _author(author: str, caller: Principal) -> str | None:
    if author in ("", SYSTEM):
        return author or None
    if author == ME:
        if caller.is_service:
            raise InvalidArgument("author=me needs a learner's token", details={"author": "no learner"})
        return ME
    try:
        return str(uuid.UUID(author))
    except ValueError:
        raise InvalidArgument("author is 'system', 'me' or a user id", details={"author": "unknown author"}) from None


async def open_scenario(session: AsyncSession, caller: Principal, scenario_id: str) -> tuple[ScenarioRow, ScenarioSpec]:
    """The scenario if the caller may open it; a missing one and a hidden one look the same."""
    row = await ScenarioRepository(session).get(scenario_id)
    if row is None or not can_open(caller, row):
        raise NotFound(f"no scenario {scenario_id!r}; list them with GET /api/v1/scenarios")
    return row, spec_of(row)


class CatalogueService:
    def __init__(self, *, db: Database, views: ViewRecorder | None = None) -> None:
        """``views`` records learners opening scenarios; without one (tools, tests of other use
        cases) views are not recorded."""
        self._db = db
        self._views = views

    async def seed_system_scenarios(self) -> int:
        """Insert or refresh the shipped scenarios, telling other services (``scenario.published``
        for a new one, ``scenario.updated`` for a changed one); returns how many changed. Safe to
        re-run. A system scenario an admin has edited is left as the admin made it."""
        changed = 0
        now = _now()
        async with self._db.transaction() as session:
            repository = ScenarioRepository(session)
            for spec in load_system_scenarios():
                outcome = await repository.upsert_system(spec, now)
                if outcome is not None:
                    row, created = outcome
                    event = ScenarioPublished if created else ScenarioUpdated
                    await add_event(session, event(**scenario_changed(row, spec)))
                    changed += 1
        return changed

    async def list_scenarios(
        self,
        caller: Principal,
        *,
        language: str = "",
        category: str = "",
        difficulty: str = "",
        text: str = "",
        author: str = "",
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[list[ScenarioListing], int]:
        limit, offset = page(limit, offset)
        query = CatalogueQuery(
            viewer=viewer_of(caller),
            language=known(language, LANGUAGES, "language"),
            category=known(category, CATEGORIES, "category"),
            difficulty=known(difficulty, DIFFICULTIES, "difficulty"),
            text=_search_text(text),
            author=_author(author, caller),
            limit=limit,
            offset=offset,
        )
        async with self._db.reading() as session:
            return await CatalogueRepository(session).search(query)

    async def categories(self, caller: Principal, language: str = "") -> list[tuple[str, str, int]]:
        """(id, name, number of scenarios the caller can see) for every category, empty ones too."""
        async with self._db.reading() as session:
            counts = await CatalogueRepository(session).category_counts(viewer_of(caller), known(language, LANGUAGES, "language"))
        return [(category, CATEGORY_NAMES[category], counts.get(category, 0)) for category in CATEGORIES]

    async def get_scenario(self, caller: Principal, scenario_id: str, language: str) -> tuple[ScenarioRow, ScenarioSpec, str]:
        """The scenario in ``language``; a learner opening it is recorded as ``scenario.viewed``.

        A read-only session: the view is telemetry, handed to the recorder, which writes it to
        the outbox after the response and in a batch with others (see ``parla.scenario.views``)."""
        async with self._db.reading() as session:
            row, spec = await open_scenario(session, caller, scenario_id)
        language = language_of(spec, language)
        if self._views is not None and not caller.is_service:
            self._views.record(
                ScenarioViewed(
                    user_id=caller.user_id,
                    scenario_id=spec.id,
                    language=language,
                    category=spec.category,
                    difficulty=spec.difficulty,
                )
            )
        return row, spec, language
