"""Use cases of the scenario service: the catalogue and learner runs."""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import Conflict, InvalidArgument, NotFound
from parla.chassis.messaging import add_event
from parla.contracts.events import Mistake as MistakeOutcome
from parla.contracts.events import (
    ScenarioCompleted,
    ScenarioPublished,
    ScenarioStarted,
    ScenarioUpdated,
    ScenarioViewed,
    VocabularyOutcome,
)
from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.db import RunRow, ScenarioRow, TurnRow
from parla.scenario.domain import (
    CATEGORIES,
    DIFFICULTIES,
    LANGUAGES,
    MAX_TURN_CHARS,
    Mistake,
    PhaseProgress,
    ScenarioSpec,
    find_mistakes,
    judge_turn,
    run_score,
    scenario_changed,
    vocabulary_outcome,
)
from parla.scenario.repository import (
    ME,
    SYSTEM,
    CatalogueQuery,
    RunRepository,
    ScenarioListing,
    ScenarioRepository,
    parsed_spec,
    spec_of,
)
from parla.scenario.tutor import RunContext, Tutor, TutorRequest

MAX_PAGE = 100
# A run is a conversation of minutes, not an unbounded log: past this, finish and start anew.
MAX_LEARNER_TURNS = 200


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class RunView:
    run: RunRow
    spec: ScenarioSpec
    progress: list[PhaseProgress]
    turns: list[TurnRow]


@dataclass(frozen=True)
class RunHistoryItem:
    run: RunRow
    title: str


@dataclass(frozen=True)
class TurnOutcome:
    view: RunView
    tutor_reply: str
    feedback: list[str]
    phase_completed: bool
    mistakes: list[Mistake]


RUN_STATUSES = ("active", "completed", "abandoned")
CATEGORY_NAMES = {category: category.replace("_", " ").capitalize() for category in CATEGORIES}
MAX_SEARCH_CHARS = 200


def _known(value: str, allowed: tuple[str, ...], field: str) -> str | None:
    """``value`` if it is one of ``allowed``, None if empty; otherwise a 4xx naming the choices."""
    if not value:
        return None
    if value not in allowed:
        raise InvalidArgument(f"unknown {field} {value!r}; use one of {', '.join(allowed)}", details={field: f"unknown {field}"})
    return value


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


def _viewer(caller: Principal) -> uuid.UUID | None:
    return None if caller.is_service else caller.user_id


def can_open(caller: Principal, row: ScenarioRow) -> bool:
    """Who may open a scenario: anyone if public, its author, and admins; nobody once deleted."""
    if row.deleted_at is not None:
        return False
    return row.visibility == "public" or caller.is_admin or (row.owner_id is not None and row.owner_id == _viewer(caller))


def _snapshot(spec: ScenarioSpec, language: str) -> dict:
    """The scenario in the run's language only: what the run needs, and a tenth of the size."""
    return spec.model_copy(update={"localizations": {language: spec.localizations[language]}}).model_dump(mode="json")


def _page(limit: int, offset: int) -> tuple[int, int]:
    if limit < 0 or offset < 0:
        raise InvalidArgument("limit and offset must not be negative")
    return min(limit or 20, MAX_PAGE), offset


class ScenarioService:
    def __init__(self, *, db: Database, tutor: Tutor, max_learner_turns: int = MAX_LEARNER_TURNS) -> None:
        self._db = db
        self._tutor = tutor
        self._max_turns = max_learner_turns

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

    # --- catalogue ---------------------------------------------------------------------------

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
        limit, offset = _page(limit, offset)
        query = CatalogueQuery(
            viewer=_viewer(caller),
            language=_known(language, LANGUAGES, "language"),
            category=_known(category, CATEGORIES, "category"),
            difficulty=_known(difficulty, DIFFICULTIES, "difficulty"),
            text=_search_text(text),
            author=_author(author, caller),
            limit=limit,
            offset=offset,
        )
        async with self._db.reading() as session:
            return await ScenarioRepository(session).search(query)

    async def categories(self, caller: Principal, language: str = "") -> list[tuple[str, str, int]]:
        """(id, name, number of scenarios the caller can see) for every category, empty ones too."""
        async with self._db.reading() as session:
            counts = await ScenarioRepository(session).category_counts(_viewer(caller), _known(language, LANGUAGES, "language"))
        return [(category, CATEGORY_NAMES[category], counts.get(category, 0)) for category in CATEGORIES]

    async def get_scenario(self, caller: Principal, scenario_id: str, language: str) -> tuple[ScenarioRow, ScenarioSpec, str]:
        """The scenario in ``language``; a learner opening it is recorded as ``scenario.viewed``."""
        async with self._db.transaction() as session:
            row, spec = await self._visible(session, caller, scenario_id)
            language = self._language_of(spec, language)
            if not caller.is_service:
                await add_event(
                    session,
                    ScenarioViewed(
                        user_id=caller.user_id,
                        scenario_id=spec.id,
                        language=language,
                        category=spec.category,
                        difficulty=spec.difficulty,
                    ),
                )
        return row, spec, language

    @staticmethod
    async def _visible(session, caller: Principal, scenario_id: str) -> tuple[ScenarioRow, ScenarioSpec]:
        row = await ScenarioRepository(session).get(scenario_id)
        if row is None or not can_open(caller, row):
            raise NotFound(f"no scenario {scenario_id!r}; list them with GET /api/v1/scenarios")
        return row, spec_of(row)

    @staticmethod
    def _language_of(spec: ScenarioSpec, language: str) -> str:
        if not language:
            return "es" if "es" in spec.localizations else spec.languages[0]
        _known(language, LANGUAGES, "language")
        if language not in spec.localizations:
            raise InvalidArgument(
                f"scenario {spec.id!r} is not available in {language!r}; it is in {', '.join(spec.languages)}",
                details={"language": "not available for this scenario"},
            )
        return language

    # --- runs --------------------------------------------------------------------------------

    async def start_run(self, caller: Principal, scenario_id: str, language: str, persona: str = "") -> RunView:
        if len(persona) > 40 or not re.fullmatch(r"[a-z_]*", persona):
            raise InvalidArgument(
                "persona must be a persona type such as friendly_conversational", details={"persona": "unknown"}
            )
        async with self._db.reading() as session:
            _, spec = await self._visible(session, caller, scenario_id)
        language = self._language_of(spec, language)
        now = _now()
        run = RunRow(
            id=uuid.uuid4(),
            user_id=caller.user_id,
            scenario_id=spec.id,
            language=language,
            status="active",
            current_phase=0,
            progress=[PhaseProgress(phase.id).to_json() for phase in spec.phases],
            mistakes=[],
            persona=persona,
            scenario_snapshot=_snapshot(spec, language),
            score=None,
            started_at=now,
        )
        async with self._db.transaction() as session:
            runs = RunRepository(session)
            await runs.add(run)
            opening = spec.localizations[language].phases[spec.phases[0].id].tutor_lines[0]
            await runs.append_turn(run.id, "tutor", opening, now)
            await add_event(
                session,
                ScenarioStarted(
                    run_id=run.id,
                    user_id=run.user_id,
                    scenario_id=spec.id,
                    language=language,
                    category=spec.category,
                    difficulty=spec.difficulty,
                    occurred_at=now,
                ),
            )
            return RunView(run, spec, RunRepository.progress_of(run), await runs.turns(run.id))

    async def get_run(self, caller: Principal, run_id: str) -> RunView:
        async with self._db.reading() as session:
            runs = RunRepository(session)
            run = await self._owned_run(runs, caller, run_id)
            return await self._view(session, runs, run)

    async def submit_turn(self, caller: Principal, run_id: str, text: str) -> TurnOutcome:
        text = text.strip()
        if not text:
            raise InvalidArgument("say something: the turn text is empty", details={"text": "must not be empty"})
        if len(text) > MAX_TURN_CHARS:
            raise InvalidArgument(
                f"a turn is at most {MAX_TURN_CHARS} characters; split it into shorter turns",
                details={"text": f"at most {MAX_TURN_CHARS} characters"},
            )
        async with self._db.transaction() as session:
            runs = RunRepository(session)
            run = await self._owned_run(runs, caller, run_id, for_update=True)
            if run.status != "active":
                raise Conflict(f"run {run.id} is {run.status}; start a new run to keep practising")
            spec = await self._spec(session, run)
            local = spec.localizations[run.language]
            progress = RunRepository.progress_of(run)
            if sum(p.learner_turns for p in progress) >= self._max_turns:
                raise Conflict(f"this run has reached {self._max_turns} turns; complete it and start a new one")
            index = run.current_phase
            phase = spec.phases[index]
            judgement = judge_turn(phase, local.phases[phase.id], run.language, progress[index], text)
            vocabulary = [item for lp in local.phases.values() for item in lp.vocabulary]
            mistakes = find_mistakes(vocabulary, run.language, text)
            is_last = index == len(spec.phases) - 1
            next_local = None if is_last else local.phases[spec.phases[index + 1].id]
            reply = await self._tutor.reply(
                TutorRequest(
                    phase=local.phases[phase.id],
                    next_phase=next_local,
                    judgement=judgement,
                    learner_turns_in_phase=progress[index].learner_turns,
                    mistakes=mistakes,
                    run=RunContext(
                        str(run.id), run.language, run.persona, spec, phase, text, sum(p.learner_turns for p in progress)
                    ),
                )
            )
            # The tutor (an AI provider, when one is configured) may find more than the offline checks.
            found = {m.said for m in mistakes}
            mistakes = [*mistakes, *(m for m in reply.mistakes if m.said not in found)]
            known = {m["said"] for m in run.mistakes}
            run.mistakes = [*run.mistakes, *(asdict(m) for m in mistakes if m.said not in known)]
            if judgement.phase_completed and not is_last:
                run.current_phase = index + 1
            RunRepository.save_progress(run, progress)
            now = _now()
            await runs.append_turn(run.id, "learner", text, now)
            await runs.append_turn(run.id, "tutor", reply.text, now)
            view = await self._view(session, runs, run, spec)
        return TurnOutcome(view, reply.text, reply.feedback, judgement.phase_completed, mistakes)

    async def complete_run(self, caller: Principal, run_id: str) -> RunView:
        """Finish the run and publish ``scenario.completed``; completing twice changes nothing."""
        async with self._db.transaction() as session:
            runs = RunRepository(session)
            run = await self._owned_run(runs, caller, run_id, for_update=True)
            spec = await self._spec(session, run)
            if run.status == "completed":
                return await self._view(session, runs, run, spec)
            if run.status == "abandoned":
                raise Conflict(f"run {run.id} was abandoned; start a new run to keep practising")
            progress = RunRepository.progress_of(run)
            now = _now()
            run.status, run.completed_at = "completed", now
            run.score = run_score(spec, run.language, progress)
            used, missed = vocabulary_outcome(spec, run.language, progress)
            local = spec.localizations[run.language]
            started_at = run.started_at
            await add_event(
                session,
                ScenarioCompleted(
                    run_id=run.id,
                    user_id=run.user_id,
                    scenario_id=spec.id,
                    title=local.title,
                    language=run.language,
                    category=spec.category,
                    difficulty=spec.difficulty,
                    score=run.score,
                    phases_total=len(spec.phases),
                    phases_completed=sum(p.completed for p in progress),
                    started_at=started_at,
                    completed_at=now,
                    duration_seconds=max(0, int((now - started_at).total_seconds())),
                    estimated_minutes=spec.estimated_minutes,
                    vocabulary_used=[VocabularyOutcome(**item.model_dump()) for item in used],
                    vocabulary_missed=[VocabularyOutcome(**item.model_dump()) for item in missed],
                    mistakes=[MistakeOutcome(**m) for m in run.mistakes],
                    occurred_at=now,
                ),
            )
            return await self._view(session, runs, run, spec)

    async def abandon_run(self, caller: Principal, run_id: str) -> RunView:
        """Stop an active run without a result; abandoning twice changes nothing."""
        async with self._db.transaction() as session:
            runs = RunRepository(session)
            run = await self._owned_run(runs, caller, run_id, for_update=True)
            if run.status == "completed":
                raise Conflict(f"run {run.id} is already completed")
            if run.status == "active":
                run.status, run.completed_at = "abandoned", _now()
            return await self._view(session, runs, run)

    async def list_runs(self, caller: Principal, *, status: str, limit: int, offset: int) -> tuple[list[RunHistoryItem], int]:
        limit, offset = _page(limit, offset)
        status = _known(status, RUN_STATUSES, "status")
        async with self._db.reading() as session:
            rows, total = await RunRepository(session).history(caller.user_id, status=status, limit=limit, offset=offset)
        return [RunHistoryItem(run, title or run.scenario_id) for run, title in rows], total

    # --- helpers -----------------------------------------------------------------------------

    @staticmethod
    async def _owned_run(runs: RunRepository, caller: Principal, run_id: str, *, for_update: bool = False) -> RunRow:
        try:
            parsed = uuid.UUID(run_id)
        except ValueError:
            raise InvalidArgument(f"{run_id!r} is not a run id", details={"run_id": "must be a UUID"}) from None
        run = await runs.get_for_user(parsed, caller.user_id, for_update=for_update)
        if run is None:
            # Another learner's run is reported exactly like a missing one: ids reveal nothing.
            raise NotFound(f"no run {run_id} of yours; start one with POST /api/v1/runs")
        return run

    @staticmethod
    async def _spec(session, run: RunRow) -> ScenarioSpec:
        """The scenario as the run started it; later edits by its author do not reach the run."""
        if run.scenario_snapshot:
            return parsed_spec((f"run:{run.id}", run.started_at), run.scenario_snapshot)
        row: ScenarioRow | None = await ScenarioRepository(session).get(run.scenario_id)
        if row is None:
            raise NotFound(f"the scenario {run.scenario_id!r} of this run no longer exists")
        return spec_of(row)

    async def _view(self, session, runs: RunRepository, run: RunRow, spec: ScenarioSpec | None = None) -> RunView:
        spec = spec or await self._spec(session, run)
        return RunView(run, spec, RunRepository.progress_of(run), await runs.turns(run.id))
