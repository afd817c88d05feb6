"""Jaeger and Prometheus beside the local stack: what ``make observe`` adds to ``make run``.

Jaeger is the official Go program, built once per machine from its Go module with the Go
toolchain (about 12 minutes on 2 cores) and cached, as Kafka's jars are resolved once by Maven.
Built that way it has no UI assets (the official UI is a separate npm build of the jaeger-ui
sources, which no package registry serves), so its query server is pointed at
``deploy/jaeger/ui``, a small viewer over Jaeger's own query API. Prometheus is Debian's package.
Both keep their data under the data directory and listen on the loopback only.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from parla.devstack.kafka import machine_cache_dir
from parla.devstack.paths import REPO_ROOT

JAEGER_MODULE = "github.com/jaegertracing/jaeger"
JAEGER_VERSION = "v1.76.0"
JAEGER_CONFIG = REPO_ROOT / "deploy" / "jaeger" / "local.yaml"
JAEGER_UI = REPO_ROOT / "deploy" / "jaeger" / "ui"
ALERT_RULES = REPO_ROOT / "deploy" / "prometheus" / "alerts.yml"
SCRAPE_SECONDS = 5


class ObserveSetupError(RuntimeError):
    pass


def jaeger_binary(cache_dir: Path | None = None) -> Path:
    """The Jaeger binary of ``JAEGER_VERSION``: cached, or built now from its Go module."""
    target = (cache_dir or machine_cache_dir()) / f"jaeger-{JAEGER_VERSION}" / "jaeger"
    if target.exists():
        return target
    go = shutil.which("go")
    if go is None:
        raise ObserveSetupError("`go` is not installed: Jaeger is built from its Go module once (apt-get install golang-go)")
    print(f"building Jaeger {JAEGER_VERSION} from its Go module (once per machine; about 12 minutes on 2 cores) ...", flush=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jaeger-build-") as work:
        # A module of our own that requires Jaeger's: `go install module@version` refuses a module
        # whose go.mod has replace directives, as Jaeger's has.
        for command in (
            [go, "mod", "init", "parla.local/jaeger-build"],
            [go, "get", "-tool", f"{JAEGER_MODULE}/cmd/jaeger@{JAEGER_VERSION}"],
            [go, "build", "-o", str(target.with_suffix(".partial")), f"{JAEGER_MODULE}/cmd/jaeger"],
        ):
            done = subprocess.run(command, cwd=work, capture_output=True, text=True)
            if done.returncode != 0:
                raise ObserveSetupError(f"building Jaeger failed at `{' '.join(command[1:3])}`:\n{done.stderr[-2000:]}")
    target.with_suffix(".partial").rename(target)  # only a whole binary is ever found in the cache
    return target


def _require_free(name: str, port: int, hint: str) -> None:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise ObserveSetupError(f"{name} cannot listen on port {port}: something else does ({hint})")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class _Process:
    name: str
    log_file: Path
    process: subprocess.Popen | None = field(default=None, repr=False)

    def launch(self, command: list[str], env: Mapping[str, str] | None = None) -> None:
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_file, "ab") as log:
            self.process = subprocess.Popen(
                command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}, start_new_session=True
            )

    def wait_until(self, ready_url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise ObserveSetupError(f"{self.name} exited with code {self.process.returncode}; see {self.log_file}")
            if _answers(ready_url):
                return
            time.sleep(0.2)
        raise ObserveSetupError(f"{self.name} was not ready after {timeout:.0f} s; see {self.log_file}")

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace: float = 10.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class JaegerRunner:
    """Jaeger all in one (OTLP/HTTP in, traces in memory, the query API and UI out)."""

    root: Path
    ui_port: int = 16686
    otlp_port: int = 4318
    health_port: int = 13133
    query_grpc_port: int = 16685
    binary: Path | None = None

    def __post_init__(self) -> None:
        self._process = _Process("Jaeger", self.root / "jaeger.log")

    @property
    def otlp_endpoint(self) -> str:
        """For ``OTEL_EXPORTER_OTLP_ENDPOINT``: the exporters add ``/v1/traces``."""
        return f"http://127.0.0.1:{self.otlp_port}"

    @property
    def ui_url(self) -> str:
        return f"http://127.0.0.1:{self.ui_port}"

    def start(self, timeout: float = 60) -> None:
        for port in (self.ui_port, self.otlp_port, self.health_port, self.query_grpc_port):
            _require_free("Jaeger", port, "another Jaeger or OpenTelemetry collector?")
        binary = self.binary or jaeger_binary()
        env = {
            "JAEGER_UI_PORT": str(self.ui_port),
            "JAEGER_OTLP_HTTP_PORT": str(self.otlp_port),
            "JAEGER_HEALTH_PORT": str(self.health_port),
            "JAEGER_QUERY_GRPC_PORT": str(self.query_grpc_port),
            "JAEGER_UI_ASSETS": str(JAEGER_UI),
        }
        self._process.launch([str(binary), "--config", str(JAEGER_CONFIG)], env)
        self._process.wait_until(f"http://127.0.0.1:{self.health_port}/status", timeout)

    def running(self) -> bool:
        return self._process.running()

    def stop(self) -> None:
        # Its traces are in memory and go with it either way; a graceful stop that waits on a
        # client's open connection (a query the UI made) took its full 10 s.
        self._process.stop(grace=2.0)


def prometheus_config(targets: Mapping[str, str], rules: Path = ALERT_RULES, every: float = SCRAPE_SECONDS) -> dict:
    """Scrape every process (``targets``: process name -> host:port of its /metrics) as job
    "parla", labelled with its ``service``, and evaluate the alerting rules, ``every`` seconds."""
    return {
        "global": {"scrape_interval": f"{every:g}s", "evaluation_interval": f"{every:g}s"},
        "rule_files": [str(rules)],
        "scrape_configs": [
            {
                "job_name": "parla",
                "static_configs": [{"targets": [address], "labels": {"service": name}} for name, address in targets.items()],
            }
        ],
    }


@dataclass
class PrometheusRunner:
    """Debian's Prometheus, scraping the stack's metrics ports."""

    root: Path
    targets: Mapping[str, str]
    port: int = 9090
    binary: str = field(default_factory=lambda: os.environ.get("PARLA_PROMETHEUS", "prometheus"))
    scrape_seconds: float = SCRAPE_SECONDS

    def __post_init__(self) -> None:
        self._process = _Process("Prometheus", self.root / "prometheus.log")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def write_config(self) -> Path:
        path = self.root / "prometheus.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(prometheus_config(self.targets, every=self.scrape_seconds), indent=2))  # JSON is YAML
        return path

    def start(self, timeout: float = 60) -> None:
        binary = shutil.which(self.binary)
        if binary is None:
            raise ObserveSetupError(
                f"`{self.binary}` is not installed: `make observe` installs Debian's prometheus package "
                "(or set PARLA_PROMETHEUS to its path)"
            )
        _require_free(
            "Prometheus", self.port, "Debian's own prometheus service? `systemctl stop prometheus`, or pass --prometheus-port"
        )
        command = [
            binary,
            f"--config.file={self.write_config()}",
            f"--storage.tsdb.path={self.root / 'prometheus-data'}",
            "--storage.tsdb.retention.time=2d",
            f"--web.listen-address=127.0.0.1:{self.port}",
        ]
        self._process.launch(command)
        self._process.wait_until(f"{self.url}/-/ready", timeout)

    def running(self) -> bool:
        return self._process.running()

    def stop(self) -> None:
        self._process.stop()
