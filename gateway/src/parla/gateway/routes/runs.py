"""Learner runs of a scenario (scenario service)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, status

from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.schemas import (
    RunOut,
    RunPage,
    RunSummaryOut,
    StartRunRequest,
    TurnRequest,
    TurnResultOut,
    from_message,
)

router = APIRouter(prefix="/runs", tags=["runs"], dependencies=[SignedIn])


@router.post("", status_code=status.HTTP_201_CREATED)
async def start_run(body: StartRunRequest, clients: Clients) -> RunOut:
    request = pb.StartRunRequest(scenario_id=body.scenario_id, language=body.language or "", persona=body.persona or "")
    return from_message(RunOut, await clients.scenario.StartRun(request))


@router.get("")
async def list_runs(
    clients: Clients,
    status: Literal["active", "completed", "abandoned"] | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> RunPage:
    """Your runs, newest first."""
    answer = await clients.scenario.ListRuns(pb.ListRunsRequest(status=status or "", limit=limit, offset=offset))
    items = [from_message(RunSummaryOut, r) for r in answer.runs]
    return RunPage(items=items, total=answer.total, limit=limit, offset=offset)


@router.get("/{run_id}")
async def get_run(run_id: uuid.UUID, clients: Clients) -> RunOut:
    return from_message(RunOut, await clients.scenario.GetRun(pb.GetRunRequest(run_id=str(run_id))))


@router.post("/{run_id}/turns")
async def submit_turn(run_id: uuid.UUID, body: TurnRequest, clients: Clients) -> TurnResultOut:
    """Say something in the run; the tutor answers. A slow tutor answers offline, with a notice."""
    request = pb.SubmitTurnRequest(run_id=str(run_id), text=body.text)
    return from_message(TurnResultOut, await clients.scenario.SubmitTurn(request, timeout=clients.turn_deadline))


@router.post("/{run_id}/complete")
async def complete_run(run_id: uuid.UUID, clients: Clients) -> RunOut:
    """Finish the run; its score, vocabulary and mistakes flow on to progress and the review deck."""
    return from_message(RunOut, await clients.scenario.CompleteRun(pb.CompleteRunRequest(run_id=str(run_id))))


@router.post("/{run_id}/abandon")
async def abandon_run(run_id: uuid.UUID, clients: Clients) -> RunOut:
    """Stop the run without a result; nothing is scored or added to the deck."""
    return from_message(RunOut, await clients.scenario.AbandonRun(pb.AbandonRunRequest(run_id=str(run_id))))
