"""Pages of a list request, the same for every list of the service."""

from __future__ import annotations

from parla.chassis.errors import InvalidArgument

DEFAULT_PAGE = 20
MAX_PAGE = 100
# Deeper than this, a list is searched or filtered, not paged through.
MAX_OFFSET = 10_000


def page(limit: int, offset: int, *, instead: str = "search or filter instead") -> tuple[int, int]:
    """(limit, offset) of a list request: 20 by default (limit 0), at most 100, from at most
    10,000 in; ``instead`` says how to reach further."""
    if not 0 <= limit <= MAX_PAGE:
        raise InvalidArgument(f"limit must be 1 to {MAX_PAGE} (0: {DEFAULT_PAGE})", details={"limit": f"1 to {MAX_PAGE}"})
    if not 0 <= offset <= MAX_OFFSET:
        raise InvalidArgument(f"offset must be 0 to {MAX_OFFSET:,}; {instead}", details={"offset": f"0 to {MAX_OFFSET}"})
    return limit or DEFAULT_PAGE, offset
