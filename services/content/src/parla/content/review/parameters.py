"""A learner's own FSRS parameters: fitted from their review log on request
(`POST /api/v1/review/optimize`), then used for every card they review.

The log is read in one short read, the fit runs in a worker process (fsrs-rs holds the
interpreter's lock for as long as it fits: a second on a 60,000-review log, which would stall
every call on the service's event loop), and the parameters are stored in one short write.
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import Conflict
from parla.content.review.repository import ReviewRepository

Runner = Callable[..., Awaitable[dict[str, Any]]]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class LogRow:
    card_id: str
    reviewed_at: datetime
    rating: int


def fit_stage(log: list[tuple[str, str, int]], time_zone: str) -> dict[str, Any]:
    """In the worker process: the fit, or ``{"failed": …}`` when the log is too short."""
    from parla.content.review.optimizer import NotEnoughReviews, fit_parameters

    rows = [LogRow(card_id, datetime.fromisoformat(at), rating) for card_id, at, rating in log]
    try:
        fit = fit_parameters(rows, time_zone=time_zone)
    except NotEnoughReviews as short:
        need, have = short.need, short.have
        return {"failed": f"fitting needs {need} reviews made on a day after the card's previous one; you have {have}"}
    return {
        "parameters": list(fit.parameters),
        "log_loss_before": fit.log_loss_before,
        "log_loss_after": fit.log_loss_after,
        "reviews_used": fit.reviews_used,
    }


@dataclass(frozen=True)
class FitReport:
    parameters: list[float]
    log_loss_before: float
    log_loss_after: float
    reviews_used: int


class PersonalParameters:
    def __init__(self, *, db: Database, runner: Runner, clock: Callable[[], datetime] = _now) -> None:
        self._db = db
        self._runner = runner
        self._clock = clock

    async def optimize(self, caller: Principal) -> FitReport:
        async with self._db.reading() as session:
            reviews = ReviewRepository(session)
            log = await reviews.log_for_fit(caller.user_id)
            time_zone = (await reviews.preferences(caller.user_id)).time_zone
        result = await self._runner(fit_stage, log, time_zone)
        if "failed" in result:
            raise Conflict(result["failed"])
        if not all(math.isfinite(value) for value in result["parameters"]):
            raise Conflict("the fit did not converge on this log; review more and try again")
        report = FitReport(result["parameters"], result["log_loss_before"], result["log_loss_after"], result["reviews_used"])
        fitted = {
            "reviews_used": report.reviews_used,
            "log_loss_before": report.log_loss_before,
            "log_loss_after": report.log_loss_after,
            "at": self._clock().isoformat(),
        }
        async with self._db.transaction() as session:
            await ReviewRepository(session).put_parameters(caller.user_id, report.parameters, fitted, self._clock())
        return report
