"""Prometheus metrics of the AI tutor: calls by provider and outcome, tokens, cost and the
provider's answering time. Made unregistered; the process's registry takes them through
``Components.metrics``."""

from __future__ import annotations

from prometheus_client import Counter, Histogram
from prometheus_client.registry import Collector

# A provider's answer: from a local model's fraction of a second to a slow remote one's seconds.
_PROVIDER_SECONDS = (0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13)


class AiMetrics:
    def __init__(self) -> None:
        labels = ("provider", "model")
        self.calls = Counter(
            "parla_ai_calls",
            'Tutor replies by provider and outcome ("answered", or why the offline tutor answered instead)',
            (*labels, "outcome"),
            registry=None,
        )
        self.tokens = Counter("parla_ai_tokens", "Tokens the provider reported", (*labels, "direction"), registry=None)
        self.cost = Counter("parla_ai_cost_usd", "What the calls cost, at the configured prices", labels, registry=None)
        self.seconds = Histogram(
            "parla_ai_provider_seconds", "Time the AI provider took to answer", labels, buckets=_PROVIDER_SECONDS, registry=None
        )

    def collectors(self) -> list[Collector]:
        return [self.calls, self.tokens, self.cost, self.seconds]

    def called(
        self,
        provider: str,
        model: str,
        outcome: str,
        *,
        tokens_in: int = 0,
        tokens_out: int = 0,
        cost: float = 0.0,
        seconds: float | None = None,
    ) -> None:
        self.calls.labels(provider, model, outcome).inc()
        if tokens_in:
            self.tokens.labels(provider, model, "in").inc(tokens_in)
        if tokens_out:
            self.tokens.labels(provider, model, "out").inc(tokens_out)
        if cost:
            self.cost.labels(provider, model).inc(cost)
        if seconds is not None:
            self.seconds.labels(provider, model).observe(seconds)
