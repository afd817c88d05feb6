"""Learner runs of a scenario (scenario service)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb
from parla.gateway.deps import Clients, CurrentUser
from parla.gateway.schemas import RunOut, StartRunRequest, TurnRequest, TurnResultOut, from_message

router = APIRouter(prefix="/runs", tags=["runs"])


@router.post("", status_code=status.HTTP_201_CREATED)
async def start_run(body: StartRunRequest, caller: CurrentUser, clients: Clients) -> RunOut:
    answer = await clients.scenario.StartRun(
        pb.StartRunRequest(scenario_id=body.scenario_id, language=body.language or ""),
        timeout=clients.deadline,
        metadata=caller.metadata,
    )
    return from_message(RunOut, answer)


@router.get("/{run_id}")
async def get_run(run_id: uuid.UUID, caller: CurrentUser, clients: Clients) -> RunOut:
    answer = await clients.scenario.GetRun(
        pb.GetRunRequest(run_id=str(run_id)), timeout=clients.deadline, metadata=caller.metadata
    )
    return from_message(RunOut, answer)


@router.post("/{run_id}/turns")
async def submit_turn(run_id: uuid.UUID, body: TurnRequest, caller: CurrentUser, clients: Clients) -> TurnResultOut:
    answer = await clients.scenario.SubmitTurn(
        pb.SubmitTurnRequest(run_id=str(run_id), text=body.text), timeout=clients.deadline, metadata=caller.metadata
    )
    return from_message(TurnResultOut, answer)


@router.post("/{run_id}/complete")
async def complete_run(run_id: uuid.UUID, caller: CurrentUser, clients: Clients) -> RunOut:
    """Finish the run; its score, vocabulary and mistakes flow on to progress and the review deck."""
    answer = await clients.scenario.CompleteRun(
        pb.CompleteRunRequest(run_id=str(run_id)), timeout=clients.deadline, metadata=caller.metadata
    )
    return from_message(RunOut, answer)
