"""XP, level, streak, achievements and the weekly leaderboards (analytics service). Every route
here reads: XP and achievements are granted by the system from events, never by a request."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query

from parla.contracts.rpc.analytics.v1 import gamification_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.gamification_schemas import GamificationOut, LeaderboardOut, RunXpOut
from parla.gateway.schemas import Language, from_message

router = APIRouter(tags=["gamification"], dependencies=[SignedIn])


@router.get("/gamification")
async def gamification(clients: Clients) -> GamificationOut:
    """Your XP and level, your streak as of today in your time zone, and every achievement."""
    return from_message(GamificationOut, await clients.gamification.GetGamification(pb.GetGamificationRequest()))


@router.get("/gamification/runs/{run_id}")
async def run_xp(clients: Clients, run_id: Annotated[str, Path(max_length=64, description="One of your runs")]) -> RunXpOut:
    """The XP one of your completed runs earned. 404 until the completion has been counted, which
    follows it within moments: a client that has just completed a run asks again shortly."""
    return from_message(RunXpOut, await clients.gamification.GetRunXp(pb.GetRunXpRequest(run_id=run_id)))


@router.get("/leaderboards/{language}")
async def leaderboard(
    clients: Clients,
    language: Annotated[Language, Path(description="XP earned in this language counts")],
    week: Annotated[dt.date | None, Query(description="Any day of the week wanted (YYYY-MM-DD); this week by default")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> LeaderboardOut:
    """A week's board in one language: the learners who chose to appear (profile:
    ``leaderboard_opt_in``), most XP first, and your own place when you are on it."""
    request = pb.GetLeaderboardRequest(language=language, week=week.isoformat() if week else "", limit=limit, offset=offset)
    return from_message(LeaderboardOut, await clients.gamification.GetLeaderboard(request))
