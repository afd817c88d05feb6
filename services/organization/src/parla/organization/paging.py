"""Pages of a list request, the same for every list of the service."""

from __future__ import annotations

from parla.chassis.errors import InvalidArgument

DEFAULT_PAGE = 20
MAX_PAGE = 100
# Deeper than this, a list is searched or filtered, not paged through.
MAX_OFFSET = 10_000


def page(limit: int, offset: int) -> tuple[int, int]:
    """(limit, offset) of a list request: 20 by default, at most 100, from at most 10,000 in."""
    if limit < 0:
        raise InvalidArgument("limit must not be negative", details={"limit": "0 or more"})
    if not 0 <= offset <= MAX_OFFSET:
        raise InvalidArgument(
            f"offset is between 0 and {MAX_OFFSET}; search or filter instead", details={"offset": "out of range"}
        )
    return min(limit or DEFAULT_PAGE, MAX_PAGE), offset
