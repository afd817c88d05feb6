"""The learner's progress (analytics service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parla.contracts.rpc.analytics.v1 import progress_pb2 as pb
from parla.gateway.deps import Clients, CurrentUser
from parla.gateway.schemas import ProgressOut, from_message

router = APIRouter(tags=["progress"])


@router.get("/progress")
async def progress(caller: CurrentUser, clients: Clients, recent: Annotated[int, Query(ge=1, le=50)] = 10) -> ProgressOut:
    answer = await clients.progress.GetProgress(
        pb.GetProgressRequest(recent_limit=recent), timeout=clients.deadline, metadata=caller.metadata
    )
    return from_message(ProgressOut, answer)
