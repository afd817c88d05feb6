"""The learner's progress and dashboard (analytics service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parla.contracts.rpc.analytics.v1 import dashboard_pb2 as dpb
from parla.contracts.rpc.analytics.v1 import progress_pb2 as pb
from parla.gateway.dashboard_schemas import DashboardOut
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.schemas import ProgressOut, from_message

router = APIRouter(tags=["progress"], dependencies=[SignedIn])


@router.get("/progress")
async def progress(clients: Clients, recent: Annotated[int, Query(ge=1, le=50)] = 10) -> ProgressOut:
    return from_message(ProgressOut, await clients.progress.GetProgress(pb.GetProgressRequest(recent_limit=recent)))


@router.get("/dashboard")
async def dashboard(
    clients: Clients, days: Annotated[int, Query(ge=1, le=365, description="How many days back")] = 30
) -> DashboardOut:
    """Your days for charts (minutes, scenarios, documents, reviews), your eight skills with their
    level and trend ("no data yet" as null), and how well you recall: true retention of learned
    cards and the calibration of predicted against actual recall."""
    return from_message(DashboardOut, await clients.dashboard.GetDashboard(dpb.GetDashboardRequest(days=days)))
