"""The scenario catalogue (scenario service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb
from parla.gateway.deps import Clients, CurrentUser
from parla.gateway.schemas import (
    CategoriesOut,
    Category,
    Difficulty,
    Language,
    ScenarioOut,
    ScenarioPage,
    ScenarioSummaryOut,
    from_message,
)

router = APIRouter(prefix="/scenarios", tags=["scenarios"])

ScenarioId = Annotated[str, Path(max_length=80, pattern=r"^[a-z0-9-]+$")]


@router.get("")
async def list_scenarios(
    caller: CurrentUser,
    clients: Clients,
    language: Language | None = None,
    category: Category | None = None,
    difficulty: Difficulty | None = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the title or description")] = None,
    author: Annotated[str | None, Query(max_length=40, description='"system", "me" or a user id')] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> ScenarioPage:
    answer = await clients.scenario.ListScenarios(
        pb.ListScenariosRequest(
            language=language or "",
            category=category or "",
            difficulty=difficulty or "",
            query=q or "",
            author=author or "",
            limit=limit,
            offset=offset,
        ),
        timeout=clients.deadline,
        metadata=caller.metadata,
    )
    items = [from_message(ScenarioSummaryOut, s) for s in answer.scenarios]
    return ScenarioPage(items=items, total=answer.total, limit=limit, offset=offset)


@router.get("/{scenario_id}")
async def get_scenario(
    scenario_id: ScenarioId, caller: CurrentUser, clients: Clients, language: Language | None = None
) -> ScenarioOut:
    answer = await clients.scenario.GetScenario(
        pb.GetScenarioRequest(scenario_id=scenario_id, language=language or ""),
        timeout=clients.deadline,
        metadata=caller.metadata,
    )
    return from_message(ScenarioOut, answer)


categories_router = APIRouter(tags=["scenarios"])


@categories_router.get("/scenario-categories")
async def scenario_categories(caller: CurrentUser, clients: Clients, language: Language | None = None) -> CategoriesOut:
    """The ten categories, each with how many scenarios you can open in it."""
    answer = await clients.scenario.ListCategories(
        pb.ListCategoriesRequest(language=language or ""), timeout=clients.deadline, metadata=caller.metadata
    )
    return from_message(CategoriesOut, answer)
