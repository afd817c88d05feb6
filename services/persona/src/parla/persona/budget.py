"""Per-learner AI budgets: periods, alert levels, prices. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

PERIODS = ("monthly", "weekly", "daily", "custom")
DEFAULT_LIMIT_USD = 30.0
DEFAULT_THRESHOLDS = (50, 75, 90, 100)
LEVELS = ("green", "yellow", "orange", "red", "critical")
# Tokens a reply may use, for reserving its cost before the call: the real count replaces it after.
RESERVED_OUTPUT_TOKENS = 600
# A hold whose call never settled or released it (its process died) stops counting after this;
# calls are bounded by their deadlines, seconds long, so a live call is never dropped early.
RESERVATION_LIFETIME = timedelta(minutes=10)


@dataclass(frozen=True)
class Price:
    """US dollars per 1,000 tokens."""

    input_per_1k: float
    output_per_1k: float

    def cost(self, tokens_in: int, tokens_out: int) -> float:
        return round(tokens_in / 1000 * self.input_per_1k + tokens_out / 1000 * self.output_per_1k, 6)


FREE = Price(0.0, 0.0)


def reservation_for(price: Price, prompt_chars: int) -> float:
    """The most a reply is likely to cost, held before the call so concurrent calls cannot
    together overspend: a token is rarely shorter than two characters (most are nearer four,
    which leaves room for an unusable answer asked for again), and output is capped."""
    return price.cost(prompt_chars // 2 + 200, RESERVED_OUTPUT_TOKENS)


def period_start(period: str, custom_days: int, anchor: datetime, now: datetime) -> datetime:
    """When the current period began. A reset moves the anchor: nothing before it counts."""
    now = now.astimezone(UTC)
    if period == "daily":
        start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    elif period == "weekly":
        start = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    elif period == "custom":
        length = timedelta(days=max(1, custom_days))
        start = anchor + ((now - anchor) // length) * length
    else:
        start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return max(start, anchor)


def level_for(percent: float, thresholds: tuple[int, ...] | list[int]) -> str:
    """green below the first threshold, then yellow, orange, red, and critical from the last."""
    crossed = sum(percent >= threshold for threshold in sorted(thresholds))
    return LEVELS[min(crossed, len(LEVELS) - 1)]


def newly_crossed(before: float, after: float, thresholds: list[int]) -> list[int]:
    return [t for t in sorted(thresholds) if before < t <= after]


def percent_of(spent: float, limit: float) -> float:
    if limit <= 0:
        return 100.0 if spent > 0 else 0.0
    return round(spent / limit * 100, 2)
