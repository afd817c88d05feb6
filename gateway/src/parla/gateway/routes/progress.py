"""The learner's progress (analytics service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parla.contracts.rpc.analytics.v1 import progress_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.schemas import ProgressOut, from_message

router = APIRouter(tags=["progress"], dependencies=[SignedIn])


@router.get("/progress")
async def progress(clients: Clients, recent: Annotated[int, Query(ge=1, le=50)] = 10) -> ProgressOut:
    return from_message(ProgressOut, await clients.progress.GetProgress(pb.GetProgressRequest(recent_limit=recent)))
