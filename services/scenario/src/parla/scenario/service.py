"""Use cases of the scenario service: the catalogue and learner runs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import Conflict, InvalidArgument, NotFound
from parla.chassis.messaging import add_event
from parla.contracts.events import ScenarioCompleted, ScenarioStarted, VocabularyOutcome
from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.db import RunRow, ScenarioRow, TurnRow
from parla.scenario.domain import (
    LANGUAGES,
    MAX_TURN_CHARS,
    PhaseProgress,
    ScenarioSpec,
    judge_turn,
    run_score,
    vocabulary_outcome,
)
from parla.scenario.repository import RunRepository, ScenarioListing, ScenarioRepository
from parla.scenario.tutor import Tutor, TutorRequest

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
class TurnOutcome:
    view: RunView
    tutor_reply: str
    feedback: list[str]
    phase_completed: bool


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise InvalidArgument(
            f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}", details={"language": "unknown language"}
        )


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
        """Insert or refresh the shipped scenarios; returns how many changed. Safe to re-run."""
        changed = 0
        now = _now()
        async with self._db.transaction() as session:
            repository = ScenarioRepository(session)
            for spec in load_system_scenarios():
                changed += await repository.upsert_system(spec, now)
        return changed

    # --- catalogue ---------------------------------------------------------------------------

    async def list_scenarios(self, *, language: str, limit: int, offset: int) -> tuple[list[ScenarioListing], int]:
        if language:
            _check_language(language)
        limit, offset = _page(limit, offset)
        async with self._db.reading() as session:
            return await ScenarioRepository(session).list_public(language=language or None, limit=limit, offset=offset)

    async def get_scenario(self, scenario_id: str, language: str) -> tuple[ScenarioSpec, str]:
        async with self._db.reading() as session:
            row = await ScenarioRepository(session).get(scenario_id)
        if row is None or row.visibility != "public":
            raise NotFound(f"no scenario {scenario_id!r}; list them with GET /api/v1/scenarios")
        spec = ScenarioSpec.model_validate(row.spec)
        return spec, self._language_of(spec, language)

    @staticmethod
    def _language_of(spec: ScenarioSpec, language: str) -> str:
        if not language:
            return spec.languages[0]
        _check_language(language)
        if language not in spec.localizations:
            raise InvalidArgument(
                f"scenario {spec.id!r} is not available in {language!r}; it is in {', '.join(spec.languages)}",
                details={"language": "not available for this scenario"},
            )
        return language

    # --- runs --------------------------------------------------------------------------------

    async def start_run(self, caller: Principal, scenario_id: str, language: str) -> RunView:
        spec, language = await self.get_scenario(scenario_id, language)
        now = _now()
        run = RunRow(
            id=uuid.uuid4(),
            user_id=caller.user_id,
            scenario_id=spec.id,
            language=language,
            status="active",
            current_phase=0,
            progress=[PhaseProgress(phase.id).to_json() for phase in spec.phases],
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
            spec = await self._spec(session, run.scenario_id)
            local = spec.localizations[run.language]
            progress = RunRepository.progress_of(run)
            if sum(p.learner_turns for p in progress) >= self._max_turns:
                raise Conflict(f"this run has reached {self._max_turns} turns; complete it and start a new one")
            index = run.current_phase
            phase = spec.phases[index]
            judgement = judge_turn(phase, local.phases[phase.id], run.language, progress[index], text)
            is_last = index == len(spec.phases) - 1
            next_local = None if is_last else local.phases[spec.phases[index + 1].id]
            reply = await self._tutor.reply(
                TutorRequest(
                    phase=local.phases[phase.id],
                    next_phase=next_local,
                    judgement=judgement,
                    learner_turns_in_phase=progress[index].learner_turns,
                )
            )
            if judgement.phase_completed and not is_last:
                run.current_phase = index + 1
            RunRepository.save_progress(run, progress)
            now = _now()
            await runs.append_turn(run.id, "learner", text, now)
            await runs.append_turn(run.id, "tutor", reply.text, now)
            view = await self._view(session, runs, run, spec)
        return TurnOutcome(view, reply.text, reply.feedback, judgement.phase_completed)

    async def complete_run(self, caller: Principal, run_id: str) -> RunView:
        """Finish the run and publish ``scenario.completed``; completing twice changes nothing."""
        async with self._db.transaction() as session:
            runs = RunRepository(session)
            run = await self._owned_run(runs, caller, run_id, for_update=True)
            spec = await self._spec(session, run.scenario_id)
            if run.status == "completed":
                return await self._view(session, runs, run, spec)
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
                    mistakes=[],
                    occurred_at=now,
                ),
            )
            return await self._view(session, runs, run, spec)

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
    async def _spec(session, scenario_id: str) -> ScenarioSpec:
        row: ScenarioRow | None = await ScenarioRepository(session).get(scenario_id)
        if row is None:
            raise NotFound(f"the scenario {scenario_id!r} of this run no longer exists")
        return ScenarioSpec.model_validate(row.spec)

    async def _view(self, session, runs: RunRepository, run: RunRow, spec: ScenarioSpec | None = None) -> RunView:
        spec = spec or await self._spec(session, run.scenario_id)
        return RunView(run, spec, RunRepository.progress_of(run), await runs.turns(run.id))
