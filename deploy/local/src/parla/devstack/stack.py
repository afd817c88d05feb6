"""Every Parla service and the gateway as local processes, wired to one Kafka broker.

The processes need no broker to start: each serves gRPC (and the gateway HTTP) at once, and its
Kafka clients retry until the broker answers. So they can start while the broker boots.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

SERVICES = ("scenario", "content", "persona", "organization", "analytics")
DEFAULT_GRPC_PORTS = {name: 50051 + offset for offset, name in enumerate(SERVICES)}
POLL_SECONDS = 0.1


def metrics_ports(base: int) -> dict[str, int]:
    """Each service's metrics port from ``base`` on, in ``SERVICES`` order, then the gateway's."""
    return {name: base + offset for offset, name in enumerate((*SERVICES, "gateway"))}


class StackError(RuntimeError):
    pass


@dataclass
class StackConfig:
    data_dir: Path
    kafka_bootstrap: str
    private_key: Path
    public_key: Path
    http_port: int = 8000
    grpc_ports: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_GRPC_PORTS))
    # Service (or "gateway") -> port of its Prometheus metrics (/metrics); a missing entry serves none.
    metrics_ports: dict[str, int] = field(default_factory=dict)
    # Service (or "gateway") -> SQLAlchemy URL; a missing entry means the embedded SQLite default.
    database_urls: dict[str, str] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)
    log_dir: Path | None = None

    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def metrics_url(self, service: str) -> str:
        return f"http://127.0.0.1:{self.metrics_ports[service]}/metrics"


@dataclass
class Stack:
    config: StackConfig
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def _env(self, name: str) -> dict[str, str]:
        config = self.config
        env = {
            **os.environ,
            "PARLA_DATA_DIR": str(config.data_dir),
            "PARLA_KAFKA_BOOTSTRAP_SERVERS": config.kafka_bootstrap,
            "PARLA_JWT_PUBLIC_KEY_FILE": str(config.public_key),
            "PARLA_DATABASE_URL": config.database_urls.get(name, ""),
            "OTEL_SERVICE_NAME": name,
            "PYTHONUNBUFFERED": "1",
            # The process is stopped with this one, even when this one is killed outright.
            "PARLA_PARENT_PID": str(os.getpid()),
            "PARLA_METRICS_PORT": str(config.metrics_ports.get(name, 0)),
            **config.extra_env,
        }
        if name == "gateway":
            env |= {
                "PARLA_HTTP_PORT": str(config.http_port),
                "PARLA_JWT_PRIVATE_KEY_FILE": str(config.private_key),
                **{f"PARLA_{svc.upper()}_ADDR": f"127.0.0.1:{port}" for svc, port in config.grpc_ports.items()},
            }
        else:
            env["PARLA_GRPC_PORT"] = str(config.grpc_ports[name])
            if name == "scenario":
                env["PARLA_PERSONA_ADDR"] = f"127.0.0.1:{config.grpc_ports['persona']}"
        return env

    def _log_path(self, name: str) -> Path:
        folder = self.config.log_dir or self.config.data_dir / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{name}.log"

    def start_process(self, name: str, extra_env: dict[str, str] | None = None) -> None:
        with open(self._log_path(name), "ab") as log:
            self.processes[name] = subprocess.Popen(
                [sys.executable, "-m", _module(name)],
                env={**self._env(name), **(extra_env or {})},
                stdout=log,
                stderr=subprocess.STDOUT,
                # Own process group: Ctrl-C reaches the launcher, which stops children in order.
                start_new_session=True,
            )

    def start(self) -> None:
        self.config.data_dir.mkdir(parents=True, exist_ok=True)
        for name in (*SERVICES, "gateway"):
            self.start_process(name)

    def stop_process(self, name: str, timeout: float = 15.0) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def stop(self) -> None:
        for name in ("gateway", *SERVICES):
            self.stop_process(name)

    def dead(self) -> dict[str, int]:
        """Processes that exited, with their exit codes."""
        return {name: p.returncode for name, p in self.processes.items() if p.poll() is not None}

    def check(self) -> None:
        """Raise, with its log, if a process has exited."""
        dead = self.dead()
        if dead:
            name, code = next(iter(dead.items()))
            raise StackError(f"{name} exited with code {code} while starting:\n{self.log_tail(name)}")

    def _all_listening(self) -> bool:
        ports = [self.config.http_port, *self.config.grpc_ports.values()]
        return all(_listening(port) for port in ports)

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self._log_path(name)
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def wait_healthy(self, timeout: float = 120.0) -> float:
        """Seconds until ``/healthz`` answered 200; raises with the failing process's log otherwise.

        ``/healthz`` is asked only once every process listens: the gateway's gRPC channel to a
        service that is not listening yet backs off for seconds, and would report it late.
        """
        started = time.monotonic()
        last = "no answer yet"
        while time.monotonic() - started < timeout:
            self.check()
            if not self._all_listening():
                last = "not every process listens yet"
                time.sleep(POLL_SECONDS)
                continue
            healthy, last = _healthz(f"{self.config.url()}/healthz")
            if healthy:
                return time.monotonic() - started
            time.sleep(POLL_SECONDS)
        raise StackError(f"the stack was not healthy after {timeout:.0f} s; last answer: {last}")


def _healthz(url: str) -> tuple[bool, str]:
    """(200?, the answer), with the standard library's client: it costs the launcher no import time."""
    try:
        with urllib.request.urlopen(url, timeout=2.0) as answer:
            return answer.status == 200, answer.read().decode(errors="replace")
    except urllib.error.HTTPError as answer:
        return False, answer.read().decode(errors="replace")
    except OSError as exc:
        return False, str(exc)


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
    except OSError:
        return False
    return True


def _module(name: str) -> str:
    """The module a process runs: the content service as its package, so that the worker processes
    it spawns do not import it again (see ``parla.content.__main__``)."""
    return "parla.content" if name == "content" else f"parla.{name}.main"
