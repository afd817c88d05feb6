"""The dashboards and the alerting rules ask only for metrics the processes really export, with
labels they really have: a renamed metric fails here, not on an operator's empty panel."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from prometheus_client import CollectorRegistry

from parla.chassis.metrics import ConsumerMetrics, DatabaseMetrics, GrpcServerMetrics, HttpMetrics, OutboxMetrics
from parla.persona.metrics import AiMetrics

ROOT = Path(__file__).resolve().parents[1]
DASHBOARDS = sorted((ROOT / "deploy" / "grafana" / "dashboards").glob("*.json"))
ALERTS = ROOT / "deploy" / "prometheus" / "alerts.yml"
SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}
# Labels Prometheus adds to every series it scrapes, and the one the scrape config adds.
SCRAPE_LABELS = {"job", "instance", "service", "le"}


class _NoDatabase:
    def pool_use(self) -> dict[str, tuple[int, int]]:
        return {"write": (0, 0)}

    def writers_waiting(self) -> int:
        return 0


def exported() -> dict[str, set[str]]:
    """Every series name the processes export, with its labels."""
    registry = CollectorRegistry()
    for metrics in (ConsumerMetrics, OutboxMetrics, GrpcServerMetrics, HttpMetrics):
        metrics(registry)
    for collector in AiMetrics().collectors():
        registry.register(collector)
    DatabaseMetrics(_NoDatabase(), registry)  # type: ignore[arg-type]
    names: dict[str, set[str]] = {}
    for family in registry.collect():
        labels = set(getattr(family, "_labelnames", ()) or ())
        for metric in _metric_objects(registry, family.name):
            labels |= set(metric._labelnames)
        for sample in family.samples:
            labels |= set(sample.labels)
        for suffix in SUFFIXES.get(family.type, ("",)):
            names[family.name + suffix] = labels - {"le"}
    return names


def _metric_objects(registry: CollectorRegistry, name: str) -> Iterator:
    for collector in registry._collector_to_names:  # the metric objects, for their label names
        if getattr(collector, "_name", None) == name:
            yield collector


def expressions() -> Iterator[tuple[str, str]]:
    for dashboard in DASHBOARDS:
        for panel in json.loads(dashboard.read_text())["panels"]:
            for target in panel.get("targets", []):
                yield f"{dashboard.name}: {panel['title']}", target["expr"]
    for group in yaml.safe_load(ALERTS.read_text())["groups"]:
        for rule in group["rules"]:
            yield f"alerts.yml: {rule['alert']}", rule["expr"]


def test_there_are_dashboards_and_rules_to_check():
    assert DASHBOARDS and len(list(expressions())) > 20


@pytest.mark.parametrize(("where", "expr"), list(expressions()), ids=lambda value: value[:60])
def test_every_metric_asked_for_is_exported_with_the_labels_asked_for(where, expr):
    names = exported()
    for name in re.findall(r"\bparla_\w+", expr):
        assert name in names, f"{where} asks for {name}, which no process exports"
    for selector in re.findall(r"(parla_\w+)\{([^}]*)\}", expr):
        name, matchers = selector
        for label in re.findall(r"(\w+)\s*(?:=~|!~|!=|=)", matchers):
            assert label in names[name] | SCRAPE_LABELS, f"{where}: {name} has no label {label}"
    for grouping in re.findall(r"(?:by|without)\s*\(([^)]*)\)", expr):
        used = [label.strip() for label in grouping.split(",") if label.strip()]
        known = set().union(*(names[n] for n in re.findall(r"\bparla_\w+", expr))) | SCRAPE_LABELS
        assert set(used) <= known, f"{where} groups by {set(used) - known}, which its metrics do not have"
