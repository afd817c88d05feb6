"""``make run``'s launcher on the embedded defaults (SQLite files, a local Kafka broker), twice on
the same data directory: it comes up healthy, serves the web page, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from parla.devstack.testing import free_port


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port_block(size: int) -> int:
    for _ in range(50):
        base = random.randint(30000, 45000)
        if all(_port_is_free(base + i) for i in range(size)):
            return base
    raise RuntimeError("no free block of ports")


def launch(data_dir, http_port: int, kafka_port: int, grpc_base: int) -> tuple[subprocess.Popen, list[str]]:
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
        ],
        env={**os.environ, "PARLA_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        line = process.stdout.readline()
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
    lines.append(output)
    return process.returncode


@pytest.mark.timeout(600)
def test_the_launcher_starts_everything_and_stops_cleanly_twice(tmp_path):
    http_port, kafka_port, grpc_base = free_port(), free_port_block(2), free_port_block(5)
    for attempt in ("first start", "restart on the same data"):
        process, lines = launch(tmp_path, http_port, kafka_port, grpc_base)
        try:
            assert f"http://127.0.0.1:{http_port}" in "".join(lines)
            health = httpx.get(f"http://127.0.0.1:{http_port}/healthz", timeout=5)
            assert health.status_code == 200, (attempt, health.text)
            assert set(health.json()["services"]) == {"scenario", "content", "persona", "organization", "analytics"}
            page = httpx.get(f"http://127.0.0.1:{http_port}/", timeout=5)
            assert page.status_code == 200 and "Parla" in page.text
        finally:
            code = stop(process, lines)
        assert code == 0, "".join(lines)
        assert "stopped." in "".join(lines)
        assert _port_is_free(kafka_port) and _port_is_free(http_port) and _port_is_free(grpc_base)
    assert (tmp_path / "scenario.db").exists() and (tmp_path / "kafka" / "data" / "meta.properties").exists()
