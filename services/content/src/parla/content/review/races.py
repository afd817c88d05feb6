"""Check-then-write use cases that a concurrent one can overtake between the two."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import IntegrityError

P = ParamSpec("P")
T = TypeVar("T")


def once_more_on_conflict(use_case: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[T]]:
    """Run the use case again when a unique key refused its write: a concurrent request wrote
    the same row between its check and its write (the same client review id from two devices,
    the same word added by an import and a finished run at once). Its transaction rolled back
    whole, and the second run sees the other's row (a duplicate review, a card that now exists)
    instead of answering 500."""

    @functools.wraps(use_case)
    async def run(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await use_case(*args, **kwargs)
        except IntegrityError:
            return await use_case(*args, **kwargs)

    return run
