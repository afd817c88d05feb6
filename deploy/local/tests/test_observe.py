"""`make observe`: Prometheus scrapes every process and evaluates the alerting rules, and the
rules fire on the series that mean trouble (promtool, Prometheus' own checker and rule tester)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess

import httpx
import pytest
from prometheus_client import CollectorRegistry, start_http_server

from parla.chassis.metrics import OutboxMetrics
from parla.devstack.observe import ALERT_RULES, ObserveSetupError, PrometheusRunner, prometheus_config
from parla.devstack.paths import REPO_ROOT
from parla.devstack.stack import SERVICES, metrics_ports
from parla.devstack.testing import eventually, free_port


def promtool(*args: str) -> subprocess.CompletedProcess:
    tool = shutil.which("promtool")
    assert tool, "promtool is not installed: `./scripts/bootstrap.sh --for-tests` installs Debian's prometheus"
    return subprocess.run([tool, *args], capture_output=True, text=True, cwd=ALERT_RULES.parent)


def test_the_alerting_rules_are_valid():
    checked = promtool("check", "rules", str(ALERT_RULES))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "SUCCESS: 7 rules found" in checked.stdout


def test_each_alert_fires_on_trouble_and_stays_quiet_otherwise():
    tested = promtool("test", "rules", "alerts_test.yml")
    assert tested.returncode == 0, tested.stdout + tested.stderr


def test_the_local_prometheus_config_is_valid_and_scrapes_every_process(tmp_path):
    ports = metrics_ports(9101)
    targets = {name: f"127.0.0.1:{port}" for name, port in ports.items()}
    config = tmp_path / "prometheus.yml"
    config.write_text(json.dumps(prometheus_config(targets)))
    checked = promtool("check", "config", str(config))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    [job] = prometheus_config(targets)["scrape_configs"]
    scraped = {group["labels"]["service"]: group["targets"] for group in job["static_configs"]}
    assert scraped == {name: [f"127.0.0.1:{port}"] for name, port in ports.items()}
    assert set(scraped) == {*SERVICES, "gateway"} and len(set(ports.values())) == len(ports)


async def test_prometheus_scrapes_a_service_and_loads_the_rules(tmp_path):
    registry = CollectorRegistry()
    OutboxMetrics(registry).backlog_seen(unsent=3, oldest_age_seconds=120.0)
    exporter = free_port()
    start_http_server(exporter, addr="127.0.0.1", registry=registry)
    prometheus = PrometheusRunner(tmp_path, {"scenario": f"127.0.0.1:{exporter}"}, port=free_port(), scrape_seconds=1)
    prometheus.start()
    try:
        async with httpx.AsyncClient(base_url=prometheus.url, timeout=10) as api:

            async def scraped():
                found = (await api.get("/api/v1/query", params={"query": "parla_outbox_oldest_unsent_age_seconds"})).json()
                return found["data"]["result"] or None

            [series] = await eventually(scraped, timeout=30)
            assert series["metric"]["service"] == "scenario" and series["metric"]["job"] == "parla"
            assert float(series["value"][1]) == 120.0
            groups = (await api.get("/api/v1/rules")).json()["data"]["groups"]
            assert {rule["name"] for group in groups for rule in group["rules"]} >= {"ParlaOutboxStuck", "ParlaConsumerLagging"}
    finally:
        prometheus.stop()
    assert not prometheus.running()


def test_a_taken_port_is_named_with_what_to_do(tmp_path):
    prometheus = PrometheusRunner(tmp_path, {}, port=free_port())
    refused = pytest.raises(ObserveSetupError, match="systemctl stop prometheus")
    with socket.create_server(("127.0.0.1", prometheus.port)), refused:
        prometheus.start()


def test_the_rules_file_the_launcher_loads_is_the_repository_one():
    assert ALERT_RULES == REPO_ROOT / "deploy" / "prometheus" / "alerts.yml" and ALERT_RULES.exists()
