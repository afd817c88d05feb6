"""Use cases of learner runs: start, play turn by turn, complete or abandon, and the history."""

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
from parla.contracts.events import ScenarioCompleted, ScenarioStarted, VocabularyOutcome
from parla.scenario.arguments import known, language_of, page
from parla.scenario.catalogue_service import open_scenario
from parla.scenario.db import RunRow, ScenarioRow, TurnRow
from parla.scenario.domain.judging import MAX_TURN_CHARS, PhaseProgress, judge_turn, run_score, vocabulary_outcome
from parla.scenario.domain.mistakes import Mistake, find_mistakes
from parla.scenario.domain.scenario import ScenarioSpec
from parla.scenario.repository import RunRepository, ScenarioRepository, parsed_spec, spec_of
from parla.scenario.tutor import RunContext, Tutor, TutorRequest

# A run is a conversation of minutes, not an unbounded log: past this, finish and start anew.
MAX_LEARNER_TURNS = 200
RUN_STATUSES = ("active", "completed", "abandoned")


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


def _turn_text(text: str) -> str:
    text = text.strip()
    if not text:
        raise InvalidArgument("say something: the turn text is empty", details={"text": "must not be empty"})
    if len(text) > MAX_TURN_CHARS:
        raise InvalidArgument(
            f"a turn is at most {MAX_TURN_CHARS} characters; split it into shorter turns",
            details={"text": f"at most {MAX_TURN_CHARS} characters"},
        )
    return text


def _snapshot(spec: ScenarioSpec, language: str) -> dict:
    """The scenario in the run's language only: what the run needs, and a tenth of the size."""
    return spec.model_copy(update={"localizations": {language: spec.localizations[language]}}).model_dump(mode="json")


class RunService:
    def __init__(self, *, db: Database, tutor: Tutor, max_learner_turns: int = MAX_LEARNER_TURNS) -> None:
        self._db = db
        self._tutor = tutor
        self._max_turns = max_learner_turns

    async def start_run(self, caller: Principal, scenario_id: str, language: str, persona: str = "") -> RunView:
        if len(persona) > 40 or not re.fullmatch(r"[a-z_]*", persona):
            raise InvalidArgument(
                "persona must be a persona type such as friendly_conversational", details={"persona": "unknown"}
            )
        async with self._db.reading() as session:
            _, spec = await open_scenario(session, caller, scenario_id)
        language = language_of(spec, language)
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
        """Judge a learner's turn and get the tutor's reply: read, call, then write.

        No transaction is open while the tutor answers (it may be an AI provider taking seconds):
        the run is read, judged and answered outside one, and the result is stored only if the
        run has not changed since it was read (its version). Turns on different runs never wait
        on each other; of two racing on one run, the second to finish gets a 409.
        """
        text = _turn_text(text)
        async with self._db.reading() as session:
            run = await self._owned_run(RunRepository(session), caller, run_id)
            spec = await self._spec(session, run)
        read_version = run.version
        if run.status != "active":
            raise Conflict(f"run {run.id} is {run.status}; start a new run to keep practising")
        local = spec.localizations[run.language]
        progress = RunRepository.progress_of(run)
        turns_so_far = sum(p.learner_turns for p in progress)
        if turns_so_far >= self._max_turns:
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
                run=RunContext(str(run.id), run.language, run.persona, spec, phase, text, turns_so_far),
            )
        )
        # The tutor (an AI provider, when one is configured) may find more than the offline checks.
        found = {m.said for m in mistakes}
        mistakes = [*mistakes, *(m for m in reply.mistakes if m.said not in found)]
        known_mistakes = {m["said"] for m in run.mistakes}
        run.mistakes = [*run.mistakes, *(asdict(m) for m in mistakes if m.said not in known_mistakes)]
        if judgement.phase_completed and not is_last:
            run.current_phase = index + 1
        RunRepository.save_progress(run, progress)
        async with self._db.transaction() as session:
            runs = RunRepository(session)
            if not await runs.save_turn(run, read_version=read_version, learner_text=text, tutor_text=reply.text, now=_now()):
                raise Conflict(
                    "this run changed while your turn was being answered (another turn, or it was completed); "
                    "reload the run and send your turn again"
                )
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
            # A new version: a turn being answered meanwhile will not be stored on a finished run.
            run.status, run.completed_at, run.version = "completed", now, run.version + 1
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
                run.status, run.completed_at, run.version = "abandoned", _now(), run.version + 1
            return await self._view(session, runs, run)

    async def list_runs(self, caller: Principal, *, status: str, limit: int, offset: int) -> tuple[list[RunHistoryItem], int]:
        limit, offset = page(limit, offset)
        status = known(status, RUN_STATUSES, "status")
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
