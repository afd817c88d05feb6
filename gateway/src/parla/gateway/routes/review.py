"""Reviewing the deck (content service): due cards, sessions, recording reviews (one, or an
offline client's batch), and the learner's review settings."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import StreamingResponse

from parla.chassis.grpc_server import timestamp
from parla.contracts.rpc.content.v1 import review_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.review_schemas import (
    DeadlineIn,
    DeadlineSetOut,
    DeadlinesOut,
    DueCardsOut,
    NextCardOut,
    OptimizeOut,
    ReviewIn,
    ReviewResultOut,
    ReviewResultsOut,
    ReviewSettingsIn,
    ReviewSettingsOut,
    ReviewsIn,
    ReviewStatsOut,
    SessionOut,
    StartSessionIn,
)
from parla.gateway.schemas import ERROR_RESPONSES, Language, from_message

router = APIRouter(prefix="/review", tags=["review"], dependencies=[SignedIn], responses=ERROR_RESPONSES)
reviews_router = APIRouter(prefix="/reviews", tags=["review"], dependencies=[SignedIn], responses=ERROR_RESPONSES)


@router.get("/due")
async def due_cards(
    clients: Clients,
    language: Annotated[Language | None, Query(description="Only this language's cards")] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="At most this many cards")] = 50,
    intervals: Annotated[bool, Query(description="Each card with what each rating would do, from now")] = False,
) -> DueCardsOut:
    """Cards due now, most overdue first; with ``intervals=true`` each carries the intervals its
    ratings would give, so that a client can review them offline and still show them."""
    request = pb.ListDueCardsRequest(limit=limit, language=language or "", with_intervals=intervals)
    return from_message(DueCardsOut, await clients.review.ListDueCards(request))


@router.post("/sessions", status_code=201)
async def start_session(clients: Clients, body: StartSessionIn | None = None) -> SessionOut:
    """Start reviewing: what the session may show today, within your daily limits."""
    language = body.language if body is not None else None
    return from_message(SessionOut, await clients.review.StartSession(pb.StartSessionRequest(language=language or "")))


@router.get("/sessions/{session_id}/next")
async def next_card(session_id: Annotated[uuid.UUID, Path(description="The session's id")], clients: Clients) -> NextCardOut:
    """The next card: a learning step that is due, else the overdue card you are likeliest to have
    forgotten, else a new card; with what each rating would do. ``card`` is null when nothing is
    left for today."""
    return from_message(NextCardOut, await clients.review.NextCard(pb.NextCardRequest(session_id=str(session_id))))


@router.get("/stats")
async def review_stats(clients: Clients) -> ReviewStatsOut:
    """Your numbers: what is due, reviews per day, true retention against the retention you asked
    for, how strong your memories are, and how well FSRS's predictions matched what you recalled."""
    return from_message(ReviewStatsOut, await clients.review.GetStats(pb.GetStatsRequest()))


EXPORT_COLUMNS = ("card_id", "review_time", "review_rating", "review_state", "review_duration", "elapsed_days")
EXPORT_PAGE = 1_000


@router.get("/export", response_class=StreamingResponse, responses={200: {"content": {"text/csv": {}}}})
async def export_review_log(clients: Clients) -> StreamingResponse:
    """Your review log as CSV, oldest first, in the shape the FSRS optimizer and srs-benchmark
    read: card id, review time (milliseconds since 1970, UTC), rating (1 again to 4 easy), the
    card's state when reviewed (0 new, 1 learning, 2 review, 3 relearning), duration in
    milliseconds (empty when unknown) and days since the card's previous review (empty for a
    first review)."""

    async def lines():
        yield ",".join(EXPORT_COLUMNS) + "\n"
        after = ""
        while True:
            page = await clients.review.ListReviewLog(pb.ListReviewLogRequest(after=after, limit=EXPORT_PAGE))
            yield "".join(_csv_line(entry) for entry in page.entries)
            after = page.next
            if not after:
                return

    headers = {"Content-Disposition": 'attachment; filename="parla-review-log.csv"'}
    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8", headers=headers)


def _csv_line(entry: pb.ReviewLogEntry) -> str:
    elapsed = f"{entry.elapsed_days:.4f}" if entry.HasField("elapsed_days") else ""
    duration = str(entry.duration_ms) if entry.duration_ms else ""
    review_time = entry.reviewed_at.ToMilliseconds()
    return f"{entry.card_id},{review_time},{entry.rating},{entry.state},{duration},{elapsed}\n"


@router.post("/optimize")
async def optimize(clients: Clients) -> OptimizeOut:
    """Fit your own FSRS parameters from your review log (at least 400 reviews made on a day after
    the card's previous one) and schedule your cards with them from now on; 409 saying how many
    reviews are missing when the log is too short."""
    return from_message(OptimizeOut, await clients.review.Optimize(pb.OptimizeRequest(), timeout=clients.work_deadline))


@router.get("/deadlines")
async def list_deadlines(clients: Clients) -> DeadlinesOut:
    """Your deadlines still ahead: dates by which you want to know a language's cards."""
    return from_message(DeadlinesOut, await clients.review.ListDeadlines(pb.ListDeadlinesRequest()))


@router.put("/deadlines/{language}")
async def set_deadline(
    language: Annotated[Language, Path(description="The language of the cards")], body: DeadlineIn, clients: Clients
) -> DeadlineSetOut:
    """Deadline mode (an exam, a trip): until the date has passed, this language's cards are
    scheduled so that their predicted recall on it is at least the target, and cards that would
    fall below it before their next review are brought forward. Setting it again replaces it."""
    request = pb.SetDeadlineRequest(language=language, on=body.on.isoformat())
    if body.target is not None:
        request.target = body.target
    return from_message(DeadlineSetOut, await clients.review.SetDeadline(request, timeout=clients.work_deadline))


@router.delete("/deadlines/{language}", status_code=204)
async def clear_deadline(
    language: Annotated[Language, Path(description="The language of the cards")], clients: Clients
) -> Response:
    """Back to your usual retention for this language."""
    await clients.review.ClearDeadline(pb.ClearDeadlineRequest(language=language))
    return Response(status_code=204)


@router.get("/settings")
async def get_settings(clients: Clients) -> ReviewSettingsOut:
    """Your desired retention, daily limits and time zone."""
    return from_message(ReviewSettingsOut, await clients.review.GetSettings(pb.GetSettingsRequest()))


@router.put("/settings")
async def update_settings(body: ReviewSettingsIn, clients: Clients) -> ReviewSettingsOut:
    """Change the settings sent; the others stay as they are."""
    request = pb.ReviewSettings(**body.model_dump(exclude_none=True))
    return from_message(ReviewSettingsOut, await clients.review.UpdateSettings(request))


def _review_request(review: ReviewIn) -> pb.ReviewRequest:
    return pb.ReviewRequest(
        client_review_id=str(review.client_review_id),
        card_id=str(review.card_id),
        rating=review.rating,
        reviewed_at=timestamp(review.reviewed_at),
        duration_ms=review.duration_ms or 0,
        session_id=str(review.session_id) if review.session_id else "",
    )


@reviews_router.post("")
async def record_review(body: ReviewIn, clients: Clients) -> ReviewResultOut:
    """Record one review. Sending the same ``client_review_id`` again changes nothing and answers
    "duplicate"; a review that cannot apply answers "conflict" with what to do."""
    return from_message(ReviewResultOut, await clients.review.RecordReview(_review_request(body)))


@reviews_router.post("/sync")
async def sync_reviews(body: ReviewsIn, clients: Clients) -> ReviewResultsOut:
    """An offline client's reviews, up to 1,000: duplicates are ignored, the rest applied in the
    order they happened, with a result for each in the order sent. The same batch sent twice
    changes nothing."""
    request = pb.SyncReviewsRequest(reviews=[_review_request(review) for review in body.reviews])
    return from_message(ReviewResultsOut, await clients.review.SyncReviews(request))
