"""gRPC servicer of the deck and of reviewing: translates messages, delegates to ``DeckService``
and ``ReviewSessions``."""

from __future__ import annotations

from datetime import UTC

import fsrs

from parla.chassis.auth import principal
from parla.chassis.grpc_server import timestamp
from parla.content.db import CardRow, CardSourceRow
from parla.content.review.db import ReviewDeadlineRow, ReviewLogRow
from parla.content.review.deadlines import ReviewDeadlines
from parla.content.review.deck import CardView, DeckService
from parla.content.review.domain import STATE_NAMES, Preferences
from parla.content.review.interchange import Interchange
from parla.content.review.parameters import PersonalParameters
from parla.content.review.sessions import NextCard, ReviewInput, ReviewOutcome, ReviewSessions, SessionView
from parla.content.review.stats import ReviewStatistics, ReviewStats
from parla.contracts.rpc.content.v1 import review_pb2 as pb
from parla.contracts.rpc.content.v1 import review_pb2_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["ReviewService"].full_name
add_to_server = review_pb2_grpc.add_ReviewServiceServicer_to_server


def _state(card: CardRow) -> str:
    return "new" if card.last_review is None else STATE_NAMES[int(fsrs.State(card.state))]


def _source(row: CardSourceRow) -> pb.CardSource:
    return pb.CardSource(kind=row.kind, id=row.source_id, context=row.context or "")


def _first_source(card: CardRow, sources: list[CardSourceRow] | None) -> pb.CardSource:
    first = next((row for row in sources or [] if (row.kind, row.source_id) == (card.source_kind, card.source_id)), None)
    return _source(first) if first is not None else pb.CardSource(kind=card.source_kind, id=card.source_id)


def card_message(card: CardRow, sources: list[CardSourceRow] | None = None) -> pb.Card:
    return pb.Card(
        id=str(card.id),
        language=card.language,
        front=card.front,
        back=card.back,
        lemma=card.key,
        source=_first_source(card, sources),
        sources=[_source(row) for row in sources or []],
        due=timestamp(card.due),
        state=_state(card),
        stability=card.stability or 0.0,
        difficulty=card.difficulty or 0.0,
        reviews=card.reps or 0,
        lapses=card.lapses or 0,
        suspended=card.queue == -1,
        buried_until=timestamp(card.buried_until),
        tags=list(card.tags or []),
        last_review=timestamp(card.last_review),
    )


def _view(view: CardView) -> pb.Card:
    return card_message(view.card, view.sources)


def _session(view: SessionView) -> pb.Session:
    row = view.session
    return pb.Session(
        id=str(row.id),
        language=row.language or "",
        started_at=timestamp(row.started_at),
        learning_due=view.learning_due,
        review_due=view.review_due,
        new_available=view.new_available,
        reviewed=row.reviewed,
        cards=len(row.card_ids or []),
    )


def _intervals(intervals, at) -> list[pb.Interval]:
    return [
        pb.Interval(rating=rating, due=timestamp(due), seconds=round((due - at).total_seconds())) for rating, due in intervals
    ]


def _next(found: NextCard) -> pb.NextCardResponse:
    response = pb.NextCardResponse(session=_session(found.session), retrievability=found.retrievability)
    if found.card is not None:
        response.card.CopyFrom(_view(found.card))
        response.intervals.extend(_intervals(found.intervals, found.at))
    return response


def _input(request: pb.ReviewRequest) -> ReviewInput:
    return ReviewInput(
        client_review_id=request.client_review_id,
        card_id=request.card_id,
        rating=request.rating,
        reviewed_at=request.reviewed_at.ToDatetime(tzinfo=UTC) if request.HasField("reviewed_at") else None,
        duration_ms=request.duration_ms or None,
        session_id=request.session_id,
    )


def _result(outcome: ReviewOutcome) -> pb.ReviewResult:
    result = pb.ReviewResult(client_review_id=outcome.client_review_id, status=outcome.status, conflict=outcome.conflict)
    if outcome.card is not None:
        result.card.CopyFrom(card_message(outcome.card))
    return result


SETTINGS = ("desired_retention", "new_cards_per_day", "reviews_per_day", "time_zone")


def _settings(preferences: Preferences) -> pb.ReviewSettings:
    return pb.ReviewSettings(
        desired_retention=preferences.desired_retention,
        new_cards_per_day=preferences.new_cards_per_day,
        reviews_per_day=preferences.reviews_per_day,
        time_zone=preferences.time_zone,
    )


def _stats(stats: ReviewStats) -> pb.ReviewStats:
    message = pb.ReviewStats(
        due_today=stats.due_today,
        due_tomorrow=stats.due_tomorrow,
        due_this_week=stats.due_this_week,
        reviews_per_day=[pb.DayCount(date=day.isoformat(), reviews=count) for day, count in stats.reviews_per_day],
        mature_reviews=stats.mature_reviews,
        desired_retention=stats.desired_retention,
        stability=[pb.StabilityBin(from_days=low, to_days=high or 0.0, cards=cards) for low, high, cards in stats.stability],
        calibration=[
            pb.CalibrationBin(low=b.low, high=b.high, reviews=b.reviews, predicted=b.predicted, actual=b.actual)
            for b in stats.calibration
        ],
    )
    if stats.true_retention is not None:
        message.true_retention = stats.true_retention
    return message


def _entry(log: ReviewLogRow) -> pb.ReviewLogEntry:
    entry = pb.ReviewLogEntry(
        review_id=str(log.id),
        card_id=str(log.card_id),
        reviewed_at=timestamp(log.reviewed_at),
        rating=log.rating,
        state=log.state_before,
        duration_ms=log.duration_ms or 0,
    )
    if log.elapsed_days is not None:
        entry.elapsed_days = log.elapsed_days
    return entry


def _deadline(row: ReviewDeadlineRow) -> pb.Deadline:
    return pb.Deadline(language=row.language, on=row.on, target=row.target, ends_at=timestamp(row.ends_at))


class ReviewServicer(review_pb2_grpc.ReviewServiceServicer):
    def __init__(
        self,
        deck: DeckService,
        sessions: ReviewSessions,
        statistics: ReviewStatistics,
        interchange: Interchange,
        deadlines: ReviewDeadlines,
        parameters: PersonalParameters,
    ) -> None:
        self._deck = deck
        self._sessions = sessions
        self._statistics = statistics
        self._interchange = interchange
        self._deadlines = deadlines
        self._parameters = parameters

    async def ListDueCards(self, request: pb.ListDueCardsRequest, context) -> pb.ListDueCardsResponse:
        cards, total = await self._deck.due_cards(principal(), language=request.language, limit=request.limit)
        response = pb.ListDueCardsResponse(cards=[card_message(c) for c in cards], total_due=total)
        if request.with_intervals:
            found, now = await self._sessions.intervals(principal(), cards)
            for message, card in zip(response.cards, cards, strict=True):
                message.intervals.extend(_intervals(found[card.id], now))
        return response

    async def AddCard(self, request: pb.AddCardRequest, context) -> pb.Card:
        view = await self._deck.add(
            principal(), language=request.language, front=request.front, back=request.back, tags=request.tags, lemma=request.lemma
        )
        return _view(view)

    async def ListCards(self, request: pb.ListCardsRequest, context) -> pb.ListCardsResponse:
        views, more = await self._deck.from_source(
            principal(), kind=request.source_kind, source_id=request.source_id, limit=request.limit, offset=request.offset
        )
        return pb.ListCardsResponse(cards=[_view(view) for view in views], has_more=more)

    async def GetCard(self, request: pb.CardRequest, context) -> pb.Card:
        return _view(await self._deck.card(principal(), request.id))

    async def EditCard(self, request: pb.EditCardRequest, context) -> pb.Card:
        view = await self._deck.edit(
            principal(), request.id, front=request.front, back=request.back, tags=request.tags, replace_tags=request.replace_tags
        )
        return _view(view)

    async def ChangeCard(self, request: pb.ChangeCardRequest, context) -> pb.Card:
        return _view(await self._deck.change(principal(), request.id, request.change))

    async def DeleteCard(self, request: pb.CardRequest, context) -> pb.DeleteCardResponse:
        await self._deck.delete(principal(), request.id)
        return pb.DeleteCardResponse()

    async def StartSession(self, request: pb.StartSessionRequest, context) -> pb.Session:
        return _session(await self._sessions.start(principal(), language=request.language, lemmas=list(request.lemmas)))

    async def NextCard(self, request: pb.NextCardRequest, context) -> pb.NextCardResponse:
        return _next(await self._sessions.next_card(principal(), request.session_id))

    async def RecordReview(self, request: pb.ReviewRequest, context) -> pb.ReviewResult:
        return _result(await self._sessions.record(principal(), _input(request)))

    async def SyncReviews(self, request: pb.SyncReviewsRequest, context) -> pb.SyncReviewsResponse:
        outcomes = await self._sessions.sync(principal(), [_input(review) for review in request.reviews])
        return pb.SyncReviewsResponse(results=[_result(outcome) for outcome in outcomes])

    async def GetSettings(self, request: pb.GetSettingsRequest, context) -> pb.ReviewSettings:
        return _settings(await self._sessions.settings(principal()))

    async def UpdateSettings(self, request: pb.ReviewSettings, context) -> pb.ReviewSettings:
        given = {name: getattr(request, name) for name in SETTINGS if request.HasField(name)}
        preferences = await self._sessions.update_settings(principal(), **given)
        return _settings(preferences)

    async def GetStats(self, request: pb.GetStatsRequest, context) -> pb.ReviewStats:
        return _stats(await self._statistics.stats(principal()))

    async def ListReviewLog(self, request: pb.ListReviewLogRequest, context) -> pb.ListReviewLogResponse:
        logs, following = await self._interchange.log_page(principal(), after=request.after, limit=request.limit)
        return pb.ListReviewLogResponse(entries=[_entry(log) for log in logs], next=following)

    async def ImportCards(self, request: pb.ImportCardsRequest, context) -> pb.ImportCardsResponse:
        report = await self._interchange.import_cards(principal(), language=request.language, text=request.csv)
        problems = [pb.ImportProblem(line=line, reason=reason) for line, reason in report.problems]
        return pb.ImportCardsResponse(added=report.added, merged=report.merged, problems=problems)

    async def ListDeadlines(self, request: pb.ListDeadlinesRequest, context) -> pb.ListDeadlinesResponse:
        return pb.ListDeadlinesResponse(deadlines=[_deadline(row) for row in await self._deadlines.deadlines(principal())])

    async def SetDeadline(self, request: pb.SetDeadlineRequest, context) -> pb.SetDeadlineResponse:
        target = request.target if request.HasField("target") else None
        row, moved = await self._deadlines.set(principal(), language=request.language, on=request.on, target=target)
        return pb.SetDeadlineResponse(deadline=_deadline(row), cards_brought_forward=moved)

    async def ClearDeadline(self, request: pb.ClearDeadlineRequest, context) -> pb.ClearDeadlineResponse:
        await self._deadlines.clear(principal(), language=request.language)
        return pb.ClearDeadlineResponse()

    async def Optimize(self, request: pb.OptimizeRequest, context) -> pb.OptimizeResponse:
        report = await self._parameters.optimize(principal())
        return pb.OptimizeResponse(
            parameters=report.parameters,
            log_loss_before=report.log_loss_before,
            log_loss_after=report.log_loss_after,
            reviews_used=report.reviews_used,
        )
