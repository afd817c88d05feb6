"""Deadlines that shrink along a call chain.

A gRPC server records when the call it is serving must be answered; a call it makes on the way
gets what is left of that, less a margin for its own answer, so that a slow dependency ends in the
caller's fallback (an offline reply, a notice) rather than in the learner's 504.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# Time the current request must be answered by (time.monotonic()), when its caller set one.
_answer_by: ContextVar[float | None] = ContextVar("parla_answer_by", default=None)

# What a service keeps for itself after a call it made returns: building and sending its reply.
DEFAULT_MARGIN_SECONDS = 0.5


@contextmanager
def answering_within(seconds: float | None) -> Iterator[None]:
    """Marks the current request as due in ``seconds`` (None: no deadline was set)."""
    token = _answer_by.set(None if seconds is None else time.monotonic() + seconds)
    try:
        yield
    finally:
        _answer_by.reset(token)


def time_left() -> float | None:
    """Seconds until the current request must be answered; None when no deadline was set."""
    answer_by = _answer_by.get()
    return None if answer_by is None else answer_by - time.monotonic()


def budget_for_call(wanted: float | None, *, margin: float = DEFAULT_MARGIN_SECONDS) -> float | None:
    """The deadline for a call made now: ``wanted``, cut to what the current request has left
    less ``margin``. Never below a few milliseconds: a call with no time left fails at once with
    DEADLINE_EXCEEDED and its caller falls back, rather than waiting for nothing."""
    left = time_left()
    if left is None:
        return wanted
    available = max(left - margin, 0.01)
    return available if wanted is None else min(wanted, available)
