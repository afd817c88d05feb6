"""``make run``'s launcher on the embedded defaults (SQLite files, a local Kafka broker), twice on
the same data directory: it comes up healthy, serves the web page, stops cleanly on Ctrl-C, and
its console tells only its own story (no library error lines while the broker boots), and every
line of every service's log is JSON."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from parla.devstack.ports import free_ports
from parla.devstack.testing import free_port


def _port_is_free(port: int) -> bool:
    """Nothing listens on ``port`` (a closed connection's TIME_WAIT, which servers rebind over, does not count)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


# What a library's complaint looks like on the console: a log line at ERROR (aiokafka's "Unable
# connect to" while the broker boots was one), or a traceback.
ERROR_LINE = re.compile(r"\bERROR\b|Unable connect|Traceback|\"level\": \"error\"")


def error_lines(lines: list[str]) -> list[str]:
    return [line for line in "".join(lines).splitlines() if ERROR_LINE.search(line)]


def launch(data_dir, http_port: int, kafka_port: int, grpc_base: int, metrics_base: int) -> tuple[subprocess.Popen, list[str]]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "parla.devstack",
            "run",
            "--port",
            str(http_port),
            "--kafka-port",
            str(kafka_port),
            "--grpc-port-base",
            str(grpc_base),
            "--metrics-port-base",
            str(metrics_base),
        ],
        env={**os.environ, "PARLA_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        # Unbuffered: what readline has not returned yet stays in the pipe for communicate().
        bufsize=0,
    )
    lines: list[str] = []
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        line = process.stdout.readline().decode(errors="replace")
        if not line and process.poll() is not None:
            break
        lines.append(line)
        if "Parla is running" in line:
            return process, lines
    process.kill()
    pytest.fail("the launcher did not report the system running:\n" + "".join(lines))


def stop(process: subprocess.Popen, lines: list[str]) -> int:
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=90)
    lines.append(output.decode(errors="replace"))
    return process.returncode


@pytest.mark.own_stack
@pytest.mark.timeout(600)
def test_the_launcher_starts_everything_and_stops_cleanly_twice(tmp_path):
    http_port, kafka_port, grpc_base, metrics_base = free_port(), free_ports(2), free_ports(5), free_ports(6)
    for attempt in ("first start", "restart on the same data"):
        process, lines = launch(tmp_path, http_port, kafka_port, grpc_base, metrics_base)
        try:
            assert any(line.startswith("Kafka ready") for line in lines), "".join(lines)
            assert f"http://127.0.0.1:{http_port}" in "".join(lines)
            health = httpx.get(f"http://127.0.0.1:{http_port}/healthz", timeout=5)
            assert health.status_code == 200, (attempt, health.text)
            assert set(health.json()["services"]) == {"scenario", "content", "persona", "organization", "analytics"}
            page = httpx.get(f"http://127.0.0.1:{http_port}/", timeout=5)
            assert page.status_code == 200 and "Parla" in page.text
            # Analytics (the fifth service) serves its consumers' and outbox's metrics.
            metrics = httpx.get(f"http://127.0.0.1:{metrics_base + 4}/metrics", timeout=5).text
            assert "parla_consumer_events_processed_total" in metrics and "parla_outbox_unsent" in metrics
        finally:
            code = stop(process, lines)
        assert code == 0, "".join(lines)
        assert "stopped." in "".join(lines)
        assert error_lines(lines) == [], (attempt, "".join(lines))
        assert _port_is_free(kafka_port) and _port_is_free(http_port) and _port_is_free(grpc_base)
    assert (tmp_path / "scenario.db").exists() and (tmp_path / "kafka" / "data" / "meta.properties").exists()
    assert not_json(tmp_path / "logs") == {}


def not_json(logs: Path) -> dict[str, list[str]]:
    """Each service's log lines that are not one JSON object: a library writing its own format
    (FastStream's coloured lines were) would make the log unreadable to a collector."""
    found = {}
    for log in sorted(logs.glob("*.log")):
        odd = []
        for line in log.read_text(errors="replace").splitlines():
            try:
                json.loads(line)
            except ValueError:
                odd.append(line)
        if odd:
            found[log.name] = odd[:5]
    return found
