"""Use cases for learner-authored scenarios: create, edit, delete, duplicate, publish, templates.

Ownership is enforced here: a learner changes only their own scenarios, system scenarios are
read-only to learners and editable by admins, and another learner's private scenario is "not
found" rather than "forbidden", so ids reveal nothing.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from parla.chassis.messaging import add_event
from parla.contracts.events import ScenarioDeleted, ScenarioPublished, ScenarioUpdated
from parla.scenario.db import ScenarioRow
from parla.scenario.domain.authoring import Assessment, assess_difficulty, scenario_changed, slug_for
from parla.scenario.domain.scenario import CATEGORIES, ScenarioSpec, can_open
from parla.scenario.repository import ScenarioRepository, spec_of

MAX_DRAFT_LOCALIZATIONS = 8
MAX_SCENARIOS_PER_AUTHOR = 200


@dataclass(frozen=True)
class AuthoredScenario:
    row: ScenarioRow
    spec: ScenarioSpec
    assessment: Assessment


@dataclass(frozen=True)
class Template:
    category: str
    title: str
    draft: dict[str, Any]


def _now() -> datetime:
    return datetime.now(UTC)


def field_errors(error: ValidationError) -> dict[str, str]:
    """Pydantic's errors as {"phases.0.objective": "a message"}, one per field."""
    fields: dict[str, str] = {}
    for problem in error.errors(include_url=False):
        location = ".".join(str(part) for part in problem["loc"] if not str(part).startswith("function-"))
        message = problem["msg"].removeprefix("Value error, ")
        if not location and ": " in message:
            # A rule across fields names the field at fault first (see ScenarioSpec).
            location, message = message.split(": ", 1)
        fields.setdefault(location or "draft", message)
    return fields


def validate_draft(draft: dict[str, Any], scenario_id: str) -> ScenarioSpec:
    """The draft as a scenario with ``scenario_id``; a 4xx naming every field that is wrong."""
    if not isinstance(draft, dict):
        raise InvalidArgument("the draft must be a JSON object", details={"draft": "not an object"})
    localizations = draft.get("localizations")
    if isinstance(localizations, dict) and len(localizations) > MAX_DRAFT_LOCALIZATIONS:
        raise InvalidArgument("too many localizations", details={"localizations": f"at most {MAX_DRAFT_LOCALIZATIONS}"})
    try:
        return ScenarioSpec.model_validate({**draft, "id": scenario_id, "schema_version": 1})
    except ValidationError as error:
        fields = field_errors(error)
        summary = "; ".join(f"{name}: {message}" for name, message in list(fields.items())[:5])
        raise InvalidArgument(f"the scenario is not valid: {summary}", details=fields) from None


def as_draft(spec: ScenarioSpec) -> dict[str, Any]:
    """The document an author edits: everything but the id the service assigns."""
    document = spec.model_dump(mode="json")
    document.pop("id")
    document.pop("schema_version")
    return document


class AuthoringService:
    def __init__(self, *, db: Database) -> None:
        self._db = db

    async def create(self, caller: Principal, draft: dict[str, Any]) -> AuthoredScenario:
        """A new private scenario owned by the caller."""
        title = _first_title(draft)
        spec = validate_draft(draft, slug_for(title, secrets.token_hex(4)))
        now = _now()
        row = ScenarioRow(id=spec.id, owner_id=caller.user_id, visibility="private", created_at=now)
        async with self._db.transaction() as session:
            repository = ScenarioRepository(session)
            if await repository.count_owned(caller.user_id) >= MAX_SCENARIOS_PER_AUTHOR:
                raise Conflict(
                    f"you have {MAX_SCENARIOS_PER_AUTHOR} scenarios, the most one learner can keep; delete one to make room"
                )
            if await repository.get(spec.id) is not None:  # 4 random bytes: a clash is rare, not impossible
                raise Conflict("that id was just taken; send the request again")
            await repository.save(row, spec, now)
            # A private scenario is announced too (as updated, not published): its owner can
            # collect, bookmark and tag it in the organization service before publishing it.
            await add_event(session, ScenarioUpdated(**scenario_changed(row, spec)))
        return AuthoredScenario(row, spec, assess_difficulty(spec))

    async def update(self, caller: Principal, scenario_id: str, draft: dict[str, Any]) -> AuthoredScenario:
        async with self._db.transaction() as session:
            repository = ScenarioRepository(session)
            row = await self._editable(repository, caller, scenario_id)
            spec = validate_draft(draft, row.id)
            now = _now()
            await repository.save(row, spec, now)
            if row.owner_id is None:
                row.edited_by_admin_at = now
            await add_event(session, ScenarioUpdated(**scenario_changed(row, spec)))
        return AuthoredScenario(row, spec, assess_difficulty(spec))

    async def delete(self, caller: Principal, scenario_id: str) -> None:
        async with self._db.transaction() as session:
            repository = ScenarioRepository(session)
            row = await self._editable(repository, caller, scenario_id)
            await repository.delete(row, _now())
            await add_event(session, ScenarioDeleted(**scenario_changed(row, spec_of(row))))

    async def duplicate(self, caller: Principal, scenario_id: str) -> AuthoredScenario:
        """A private copy, owned by the caller, of any scenario the caller can open."""
        async with self._db.reading() as session:
            row = await self._visible(ScenarioRepository(session), caller, scenario_id)
        original = spec_of(row)
        return await self.create(caller, as_draft(original))

    async def draft(self, caller: Principal, scenario_id: str) -> AuthoredScenario:
        """The whole document of a scenario the caller may change, to edit it."""
        async with self._db.reading() as session:
            row = await self._editable(ScenarioRepository(session), caller, scenario_id)
        spec = spec_of(row)
        return AuthoredScenario(row, spec, assess_difficulty(spec))

    async def set_visibility(self, caller: Principal, scenario_id: str, visibility: str) -> AuthoredScenario:
        async with self._db.transaction() as session:
            repository = ScenarioRepository(session)
            row = await self._editable(repository, caller, scenario_id)
            spec = spec_of(row)
            if row.visibility != visibility:
                await repository.set_visibility(row, visibility, _now())
                event = ScenarioPublished if visibility == "public" else ScenarioUpdated
                await add_event(session, event(**scenario_changed(row, spec)))
        return AuthoredScenario(row, spec, assess_difficulty(spec))

    async def templates(self, language: str = "") -> list[Template]:
        """One pre-filled draft per category, taken from the shipped scenario of that category,
        with one localization (``language`` when it has one, else the scenario's default)."""
        async with self._db.reading() as session:
            rows = await ScenarioRepository(session).system_scenarios()
        by_category: dict[str, ScenarioSpec] = {}
        for row in rows:
            by_category.setdefault(row.category, spec_of(row))
        templates = []
        for category in CATEGORIES:
            spec = by_category.get(category)
            if spec is None:
                continue
            chosen = language if language in spec.localizations else spec.default_language
            draft = as_draft(spec)
            draft["localizations"] = {chosen: draft["localizations"][chosen]}
            templates.append(Template(category, draft["localizations"][chosen]["title"], draft))
        return templates

    async def create_from_template(self, caller: Principal, category: str, language: str, title: str) -> AuthoredScenario:
        template = next((t for t in await self.templates(language) if t.category == category), None)
        if template is None:
            raise InvalidArgument(f"no template for category {category!r}", details={"category": "unknown category"})
        draft = template.draft
        if title:
            local = next(iter(draft["localizations"].values()))
            local["title"] = title
        return await self.create(caller, draft)

    # --- helpers -----------------------------------------------------------------------------

    @staticmethod
    async def _visible(repository: ScenarioRepository, caller: Principal, scenario_id: str) -> ScenarioRow:
        row = await repository.get(scenario_id)
        if row is None or not can_open(caller, row):
            raise NotFound(f"no scenario {scenario_id!r}; list yours with GET /api/v1/scenarios?author=me")
        return row

    async def _editable(self, repository: ScenarioRepository, caller: Principal, scenario_id: str) -> ScenarioRow:
        row = await self._visible(repository, caller, scenario_id)
        if caller.is_admin:
            return row
        if row.owner_id is None:
            raise PermissionDenied("system scenarios are read-only; duplicate it to make your own version")
        if caller.is_service or row.owner_id != caller.user_id:
            raise PermissionDenied("only its author can change this scenario; duplicate it to make your own version")
        return row


def _first_title(draft: dict[str, Any]) -> str:
    localizations = draft.get("localizations") if isinstance(draft, dict) else None
    if isinstance(localizations, dict):
        for local in localizations.values():
            if isinstance(local, dict) and isinstance(local.get("title"), str):
                return local["title"]
    return "scenario"
