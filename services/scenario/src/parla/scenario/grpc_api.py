"""gRPC servicers: translate messages and delegate to the catalogue, run and authoring use cases."""

from __future__ import annotations

from google.protobuf.json_format import MessageToDict
from google.protobuf.struct_pb2 import Struct

from parla.chassis.auth import principal
from parla.chassis.grpc_server import timestamp
from parla.contracts.rpc.scenario.v1 import authoring_pb2 as apb
from parla.contracts.rpc.scenario.v1 import authoring_pb2_grpc, scenario_pb2_grpc
from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb
from parla.scenario.authoring import AuthoredScenario, AuthoringService, as_draft
from parla.scenario.catalogue_repository import ScenarioListing
from parla.scenario.catalogue_service import CatalogueService
from parla.scenario.db import ScenarioRow
from parla.scenario.domain.judging import criterion_id, criterion_met, phase_score
from parla.scenario.domain.scenario import AsksQuestion, Mentions, ScenarioSpec, UsesPhrase, UsesVocabulary, describe
from parla.scenario.run_service import RunHistoryItem, RunService, RunView

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["ScenarioService"].full_name


def summary_message(listing: ScenarioListing) -> pb.ScenarioSummary:
    return pb.ScenarioSummary(
        author=str(listing.owner_id) if listing.owner_id else "system",
        visibility=listing.visibility,
        id=listing.id,
        title=listing.title,
        description=listing.description,
        category=listing.category,
        difficulty=listing.difficulty,
        estimated_minutes=listing.estimated_minutes,
        language=listing.language,
        languages=listing.languages,
    )


def _criterion_message(criterion, local) -> pb.SuccessCriterion:
    message = pb.SuccessCriterion(kind=criterion.kind, description=describe(criterion, local))
    match criterion:
        case UsesVocabulary(min=n):
            message.min = n
        case UsesPhrase(phrase_id=pid):
            message.phrase_id = pid
        case Mentions(concept=concept):
            message.concept = concept
        case AsksQuestion():
            pass
    return message


def scenario_message(spec: ScenarioSpec, language: str, row: ScenarioRow) -> pb.Scenario:
    local = spec.localizations[language]
    phases = []
    for phase in spec.phases:
        lp = local.phases[phase.id]
        phases.append(
            pb.Phase(
                id=phase.id,
                name=lp.name,
                objective=phase.objective,
                vocabulary=[pb.VocabularyItem(term=v.term, lemma=v.lemma, gloss=v.gloss) for v in lp.vocabulary],
                phrases=[pb.Phrase(id=p.id, text=p.text, gloss=p.gloss) for p in lp.phrases],
                success_criteria=[_criterion_message(c, lp) for c in phase.success_criteria],
                cultural_notes=lp.cultural_notes,
            )
        )
    return pb.Scenario(
        summary=summary_message(ScenarioListing.of(row, spec, language)),
        learner_role=spec.learner_role,
        tutor_role=spec.tutor_role,
        setting=spec.setting,
        prerequisites=spec.prerequisites,
        learning_outcomes=spec.learning_outcomes,
        cultural_context=local.cultural_context,
        phases=phases,
    )


def run_message(view: RunView) -> pb.Run:
    run, spec = view.run, view.spec
    local = spec.localizations[run.language]
    phases = []
    for phase, progress in zip(spec.phases, view.progress, strict=True):
        lp = local.phases[phase.id]
        phases.append(
            pb.PhaseProgress(
                phase_id=phase.id,
                completed=progress.completed,
                score=phase_score(phase, lp, progress),
                vocabulary_used=progress.vocabulary_used,
                phrases_used=progress.phrases_used,
                criteria_met=[criterion_id(c) for c in phase.success_criteria if criterion_met(c, progress)],
            )
        )
    return pb.Run(
        id=str(run.id),
        scenario_id=run.scenario_id,
        language=run.language,
        status=run.status,
        current_phase=run.current_phase,
        phases=phases,
        turns=[pb.Turn(role=t.role, text=t.text, at=timestamp(t.created_at)) for t in view.turns],
        score=run.score or 0.0,
        started_at=timestamp(run.started_at),
        completed_at=timestamp(run.completed_at),
        persona=run.persona,
        mistakes=[pb.Mistake(**m) for m in run.mistakes],
    )


def run_summary_message(item: RunHistoryItem) -> pb.RunSummary:
    run = item.run
    return pb.RunSummary(
        id=str(run.id),
        scenario_id=run.scenario_id,
        title=item.title,
        language=run.language,
        status=run.status,
        score=run.score or 0.0,
        phases_completed=sum(1 for p in run.progress if p["completed"]),
        phases_total=len(run.progress),
        started_at=timestamp(run.started_at),
        ended_at=timestamp(run.completed_at),
    )


class ScenarioServicer(scenario_pb2_grpc.ScenarioServiceServicer):
    """``parla.scenario.v1.ScenarioService``: the catalogue's calls and the runs' calls."""

    def __init__(self, *, catalogue: CatalogueService, runs: RunService) -> None:
        self._catalogue = catalogue
        self._runs = runs

    async def ListScenarios(self, request: pb.ListScenariosRequest, context) -> pb.ListScenariosResponse:
        listings, total = await self._catalogue.list_scenarios(
            principal(),
            language=request.language,
            category=request.category,
            difficulty=request.difficulty,
            text=request.query,
            author=request.author,
            limit=request.limit,
            offset=request.offset,
        )
        return pb.ListScenariosResponse(scenarios=[summary_message(item) for item in listings], total=total)

    async def GetScenario(self, request: pb.GetScenarioRequest, context) -> pb.Scenario:
        row, spec, language = await self._catalogue.get_scenario(principal(), request.scenario_id, request.language)
        return scenario_message(spec, language, row)

    async def ListCategories(self, request: pb.ListCategoriesRequest, context) -> pb.ListCategoriesResponse:
        categories = await self._catalogue.categories(principal(), request.language)
        return pb.ListCategoriesResponse(
            categories=[pb.Category(id=cid, name=name, scenario_count=count) for cid, name, count in categories]
        )

    async def StartRun(self, request: pb.StartRunRequest, context) -> pb.Run:
        return run_message(await self._runs.start_run(principal(), request.scenario_id, request.language, request.persona))

    async def SubmitTurn(self, request: pb.SubmitTurnRequest, context) -> pb.TurnResult:
        outcome = await self._runs.submit_turn(principal(), request.run_id, request.text)
        return pb.TurnResult(
            run=run_message(outcome.view),
            tutor_reply=outcome.tutor_reply,
            feedback=outcome.feedback,
            phase_completed=outcome.phase_completed,
            mistakes=[pb.Mistake(said=m.said, correction=m.correction, explanation=m.explanation) for m in outcome.mistakes],
        )

    async def GetRun(self, request: pb.GetRunRequest, context) -> pb.Run:
        return run_message(await self._runs.get_run(principal(), request.run_id))

    async def CompleteRun(self, request: pb.CompleteRunRequest, context) -> pb.Run:
        return run_message(await self._runs.complete_run(principal(), request.run_id))

    async def AbandonRun(self, request: pb.AbandonRunRequest, context) -> pb.Run:
        return run_message(await self._runs.abandon_run(principal(), request.run_id))

    async def ListRuns(self, request: pb.ListRunsRequest, context) -> pb.ListRunsResponse:
        items, total = await self._runs.list_runs(principal(), status=request.status, limit=request.limit, offset=request.offset)
        return pb.ListRunsResponse(runs=[run_summary_message(item) for item in items], total=total)


# Re-exported so the composition root needs one import for the registration.
add_to_server = scenario_pb2_grpc.add_ScenarioServiceServicer_to_server


def _struct(document: dict) -> Struct:
    struct = Struct()
    struct.update(document)
    return struct


def authored_message(authored: AuthoredScenario) -> apb.AuthoredScenario:
    spec, row = authored.spec, authored.row
    return apb.AuthoredScenario(
        summary=summary_message(ScenarioListing.of(row, spec, spec.default_language)),
        document=_struct(as_draft(spec)),
        assessment=apb.DifficultyAssessment(level=authored.assessment.level, reasons=authored.assessment.reasons),
    )


class AuthoringServicer(authoring_pb2_grpc.ScenarioAuthoringServiceServicer):
    def __init__(self, service: AuthoringService) -> None:
        self._service = service

    async def CreateScenario(self, request: apb.CreateScenarioRequest, context) -> apb.AuthoredScenario:
        return authored_message(await self._service.create(principal(), MessageToDict(request.draft)))

    async def UpdateScenario(self, request: apb.UpdateScenarioRequest, context) -> apb.AuthoredScenario:
        draft = MessageToDict(request.draft)
        return authored_message(await self._service.update(principal(), request.scenario_id, draft))

    async def DeleteScenario(self, request: apb.ScenarioRef, context) -> apb.DeleteScenarioResponse:
        await self._service.delete(principal(), request.scenario_id)
        return apb.DeleteScenarioResponse()

    async def DuplicateScenario(self, request: apb.ScenarioRef, context) -> apb.AuthoredScenario:
        return authored_message(await self._service.duplicate(principal(), request.scenario_id))

    async def GetDraft(self, request: apb.ScenarioRef, context) -> apb.AuthoredScenario:
        return authored_message(await self._service.draft(principal(), request.scenario_id))

    async def PublishScenario(self, request: apb.ScenarioRef, context) -> apb.AuthoredScenario:
        return authored_message(await self._service.set_visibility(principal(), request.scenario_id, "public"))

    async def UnpublishScenario(self, request: apb.ScenarioRef, context) -> apb.AuthoredScenario:
        return authored_message(await self._service.set_visibility(principal(), request.scenario_id, "private"))

    async def ListTemplates(self, request: apb.ListTemplatesRequest, context) -> apb.ListTemplatesResponse:
        templates = await self._service.templates(request.language)
        return apb.ListTemplatesResponse(
            templates=[apb.Template(category=t.category, title=t.title, draft=_struct(t.draft)) for t in templates]
        )

    async def CreateFromTemplate(self, request: apb.CreateFromTemplateRequest, context) -> apb.AuthoredScenario:
        authored = await self._service.create_from_template(principal(), request.category, request.language, request.title)
        return authored_message(authored)


AUTHORING_SERVICE_NAME = apb.DESCRIPTOR.services_by_name["ScenarioAuthoringService"].full_name
add_authoring_to_server = authoring_pb2_grpc.add_ScenarioAuthoringServiceServicer_to_server
