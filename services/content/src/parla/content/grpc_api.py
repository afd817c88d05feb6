"""gRPC servicer: translates messages and delegates to ``ReviewService``."""

from __future__ import annotations

import fsrs

from parla.chassis.auth import principal
from parla.chassis.grpc_server import timestamp
from parla.content.db import CardRow
from parla.content.domain import STATE_NAMES
from parla.content.service import ReviewService
from parla.contracts.rpc.content.v1 import review_pb2 as pb
from parla.contracts.rpc.content.v1 import review_pb2_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["ReviewService"].full_name
add_to_server = review_pb2_grpc.add_ReviewServiceServicer_to_server


def card_message(card: CardRow) -> pb.Card:
    state = "new" if card.last_review is None else STATE_NAMES[fsrs.State(card.state)]
    return pb.Card(
        id=str(card.id),
        language=card.language,
        front=card.front,
        back=card.back,
        lemma=card.key,
        source=pb.CardSource(kind=card.source_kind, id=card.source_id),
        due=timestamp(card.due),
        state=state,
    )


class ReviewServicer(review_pb2_grpc.ReviewServiceServicer):
    def __init__(self, service: ReviewService) -> None:
        self._service = service

    async def ListDueCards(self, request: pb.ListDueCardsRequest, context) -> pb.ListDueCardsResponse:
        cards, total = await self._service.due_cards(principal(), language=request.language, limit=request.limit)
        return pb.ListDueCardsResponse(cards=[card_message(c) for c in cards], total_due=total)
