"""The review deck (content service)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parla.contracts.rpc.content.v1 import review_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.schemas import DueCardsOut, Language, from_message

router = APIRouter(prefix="/review", tags=["review"], dependencies=[SignedIn])


@router.get("/due")
async def due_cards(
    clients: Clients, language: Language | None = None, limit: Annotated[int, Query(ge=1, le=200)] = 50
) -> DueCardsOut:
    """Cards due now, most overdue first."""
    request = pb.ListDueCardsRequest(limit=limit, language=language or "")
    return from_message(DueCardsOut, await clients.review.ListDueCards(request))
