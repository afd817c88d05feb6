"""Learner-authored scenarios (scenario service, ScenarioAuthoringService)."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Path, Response, status
from google.protobuf.struct_pb2 import Struct

from parla.chassis.errors import InvalidArgument
from parla.contracts.rpc.scenario.v1 import authoring_pb2 as pb
from parla.gateway.authoring_schemas import AuthoredScenarioOut, FromTemplateIn, ScenarioDraftIn, TemplatesOut
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.schemas import Language, from_message

router = APIRouter(prefix="/scenarios", tags=["authoring"], dependencies=[SignedIn])
templates_router = APIRouter(tags=["authoring"], dependencies=[SignedIn])

ScenarioId = Annotated[str, Path(max_length=80, pattern=r"^[a-z0-9-]+$")]


MAX_DRAFT_BYTES = 1_000_000


def _struct(document: dict) -> Struct:
    """The draft for the service; a 422 when it is too big for one message, whatever its fields."""
    size = len(json.dumps(document, ensure_ascii=False).encode())
    if size > MAX_DRAFT_BYTES:
        raise InvalidArgument(
            f"the scenario is {size // 1000} KB; at most {MAX_DRAFT_BYTES // 1000} KB: shorten texts or split it",
            details={"draft": "too large"},
        )
    struct = Struct()
    struct.update(document)
    return struct


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_scenario(body: ScenarioDraftIn, clients: Clients) -> AuthoredScenarioOut:
    """Create your own scenario. It starts private; publish it to share it."""
    request = pb.CreateScenarioRequest(draft=_struct(body.document()))
    return from_message(AuthoredScenarioOut, await clients.authoring.CreateScenario(request))


@router.post("/from-template", status_code=status.HTTP_201_CREATED)
async def create_from_template(body: FromTemplateIn, clients: Clients) -> AuthoredScenarioOut:
    request = pb.CreateFromTemplateRequest(category=body.category, language=body.language or "", title=body.title or "")
    return from_message(AuthoredScenarioOut, await clients.authoring.CreateFromTemplate(request))


@router.put("/{scenario_id}")
async def update_scenario(scenario_id: ScenarioId, body: ScenarioDraftIn, clients: Clients) -> AuthoredScenarioOut:
    """Replace the whole scenario (yours, or any as an admin)."""
    request = pb.UpdateScenarioRequest(scenario_id=scenario_id, draft=_struct(body.document()))
    return from_message(AuthoredScenarioOut, await clients.authoring.UpdateScenario(request))


@router.delete("/{scenario_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_scenario(scenario_id: ScenarioId, clients: Clients) -> Response:
    await clients.authoring.DeleteScenario(pb.ScenarioRef(scenario_id=scenario_id))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{scenario_id}/duplicate", status_code=status.HTTP_201_CREATED)
async def duplicate_scenario(scenario_id: ScenarioId, clients: Clients) -> AuthoredScenarioOut:
    """A private copy of any scenario you can open, for you to change."""
    return from_message(AuthoredScenarioOut, await clients.authoring.DuplicateScenario(pb.ScenarioRef(scenario_id=scenario_id)))


@router.get("/{scenario_id}/draft")
async def scenario_draft(scenario_id: ScenarioId, clients: Clients) -> AuthoredScenarioOut:
    """The whole document of your scenario (any, as an admin), in the shape PUT takes: what an
    editor opens. A scenario you may not change is a 403 that says to duplicate it."""
    return from_message(AuthoredScenarioOut, await clients.authoring.GetDraft(pb.ScenarioRef(scenario_id=scenario_id)))


@router.post("/{scenario_id}/publish")
async def publish_scenario(scenario_id: ScenarioId, clients: Clients) -> AuthoredScenarioOut:
    return from_message(AuthoredScenarioOut, await clients.authoring.PublishScenario(pb.ScenarioRef(scenario_id=scenario_id)))


@router.post("/{scenario_id}/unpublish")
async def unpublish_scenario(scenario_id: ScenarioId, clients: Clients) -> AuthoredScenarioOut:
    return from_message(AuthoredScenarioOut, await clients.authoring.UnpublishScenario(pb.ScenarioRef(scenario_id=scenario_id)))


@templates_router.get("/scenario-templates")
async def scenario_templates(clients: Clients, language: Language | None = None) -> TemplatesOut:
    """One pre-filled scenario per category to start from."""
    return from_message(TemplatesOut, await clients.authoring.ListTemplates(pb.ListTemplatesRequest(language=language or "")))
