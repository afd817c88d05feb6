"""What a load run measured: per action, how many, how fast and how many failed; overall
throughput; and how far behind the consumers were when the run ended."""

from __future__ import annotations

import math
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from prometheus_client.parser import text_string_to_metric_families


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


@dataclass
class Recorder:
    began: float = field(default_factory=time.monotonic)
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    failures: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    limited: Counter = field(default_factory=Counter)  # 429s: the stack's rate limits, not errors
    # 409s: the state said no for now (rating a run whose completion analytics has not heard of
    # yet, a turn racing another): a clean refusal the API documents, not an error.
    refused: Counter = field(default_factory=Counter)
    # 503s and 504s that did not say when to try again (Retry-After): a client cannot back off well.
    unhinted: int = 0

    def record(self, action: str, seconds: float, status: int, retry_after: str | None = None) -> None:
        if status in (503, 504) and retry_after is None:
            self.unhinted += 1
        if status == 429:
            self.limited[action] += 1
        elif status == 409:
            self.refused[action] += 1
        elif status >= 400 or status == 0:
            self.failures[action][status] += 1
        else:
            self.latencies[action].append(seconds)

    @property
    def succeeded(self) -> int:
        return sum(len(values) for values in self.latencies.values())

    @property
    def failed(self) -> int:
        return sum(sum(counts.values()) for counts in self.failures.values())

    def lines(self, lag: dict[str, float] | None = None) -> list[str]:
        elapsed = time.monotonic() - self.began
        out = [
            f"{self.succeeded:,} requests answered in {elapsed:.1f} s: {self.succeeded / max(elapsed, 1e-9):.1f}/s; "
            f"{self.failed} failed; {sum(self.limited.values())} rate limited; "
            f"{sum(self.refused.values())} refused for now (409)",
            f"{'action':<18}{'count':>8}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}  failures",
        ]
        for action in sorted(set(self.latencies) | set(self.failures)):
            values = self.latencies[action]
            failures = ", ".join(f"{status or 'no answer'}: {n}" for status, n in sorted(self.failures[action].items()))
            out.append(
                f"{action:<18}{len(values):>8}{percentile(values, 0.5) * 1000:>10.0f}{percentile(values, 0.95) * 1000:>10.0f}"
                f"{percentile(values, 0.99) * 1000:>10.0f}  {failures or '-'}"
            )
        if lag is not None:
            behind = ", ".join(f"{consumer} {value:,.0f}" for consumer, value in sorted(lag.items())) or "none"
            out.append(f"consumer lag at the end (events not yet consumed): {behind}")
        if self.limited:
            out.append(
                "some requests were rate limited (429): for a load test start the stack with PARLA_AUTH_RATE_LIMIT=100000/minute"
            )
        return out


def consumer_lag(pages: Iterable[str]) -> dict[str, float]:
    """The lag of each consumer group, summed over its topics and partitions, from /metrics pages."""
    lag: dict[str, float] = defaultdict(float)
    for page in pages:
        for family in text_string_to_metric_families(page):
            if family.name == "parla_consumer_lag":
                for sample in family.samples:
                    lag[sample.labels["consumer"]] += sample.value
    return dict(lag)
