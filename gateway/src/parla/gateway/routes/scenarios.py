"""The scenario catalogue (scenario service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from parla.contracts.rpc.content.v1 import review_pb2 as review_pb
from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.review_schemas import PreflightOut, SessionOut
from parla.gateway.schemas import (
    CategoriesOut,
    Category,
    Difficulty,
    Language,
    ScenarioOut,
    ScenarioPage,
    ScenarioSummaryOut,
    Text,
    from_message,
)

router = APIRouter(prefix="/scenarios", tags=["scenarios"], dependencies=[SignedIn])
categories_router = APIRouter(tags=["scenarios"], dependencies=[SignedIn])

ScenarioId = Annotated[str, Path(max_length=80, pattern=r"^[a-z0-9-]+$")]


@router.get("")
async def list_scenarios(
    clients: Clients,
    language: Language | None = None,
    category: Category | None = None,
    difficulty: Difficulty | None = None,
    q: Annotated[Text | None, Query(max_length=200, description="Words in the title or description")] = None,
    author: Annotated[Text | None, Query(max_length=40, description='"system", "me" or a user id')] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> ScenarioPage:
    request = pb.ListScenariosRequest(
        language=language or "",
        category=category or "",
        difficulty=difficulty or "",
        query=q or "",
        author=author or "",
        limit=limit,
        offset=offset,
    )
    answer = await clients.scenario.ListScenarios(request)
    items = [from_message(ScenarioSummaryOut, s) for s in answer.scenarios]
    return ScenarioPage(items=items, total=answer.total, limit=limit, offset=offset)


@router.get("/{scenario_id}")
async def get_scenario(scenario_id: ScenarioId, clients: Clients, language: Language | None = None) -> ScenarioOut:
    request = pb.GetScenarioRequest(scenario_id=scenario_id, language=language or "")
    return from_message(ScenarioOut, await clients.scenario.GetScenario(request))


@router.get("/{scenario_id}/preflight")
async def preflight(
    scenario_id: ScenarioId,
    clients: Clients,
    language: Annotated[Language | None, Query(description="The language you will play it in; its default otherwise")] = None,
) -> PreflightOut:
    """Before playing: your cards for this scenario's words that are due or new, as a short
    review session (within your daily limits)."""
    scenario = await clients.scenario.GetScenario(pb.GetScenarioRequest(scenario_id=scenario_id, language=language or ""))
    lemmas = sorted({item.lemma for phase in scenario.phases for item in phase.vocabulary if item.lemma})
    request = review_pb.StartSessionRequest(language=scenario.summary.language, lemmas=lemmas)
    session = await clients.review.StartSession(request)
    return PreflightOut(
        scenario_id=scenario_id, language=scenario.summary.language, words=len(lemmas), session=from_message(SessionOut, session)
    )


@categories_router.get("/scenario-categories")
async def scenario_categories(clients: Clients, language: Language | None = None) -> CategoriesOut:
    """The ten categories, each with how many scenarios you can open in it."""
    request = pb.ListCategoriesRequest(language=language or "")
    return from_message(CategoriesOut, await clients.scenario.ListCategories(request))
