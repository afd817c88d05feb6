"""Every Parla service and the gateway as local processes, wired to one Kafka broker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

SERVICES = ("scenario", "content", "persona", "organization", "analytics")
DEFAULT_GRPC_PORTS = {name: 50051 + offset for offset, name in enumerate(SERVICES)}


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
    # Service (or "gateway") -> SQLAlchemy URL; a missing entry means the embedded SQLite default.
    database_urls: dict[str, str] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)
    log_dir: Path | None = None

    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"


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

    def start_process(self, name: str) -> None:
        with open(self._log_path(name), "ab") as log:
            self.processes[name] = subprocess.Popen(
                [sys.executable, "-m", f"parla.{name}.main"],
                env=self._env(name),
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

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self._log_path(name)
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def wait_healthy(self, timeout: float = 120.0) -> float:
        """Seconds until ``/healthz`` answered 200; raises with the failing process's log otherwise."""
        started = time.monotonic()
        last = "no answer yet"
        while time.monotonic() - started < timeout:
            dead = self.dead()
            if dead:
                name, code = next(iter(dead.items()))
                raise StackError(f"{name} exited with code {code} while starting:\n{self.log_tail(name)}")
            try:
                answer = httpx.get(f"{self.config.url()}/healthz", timeout=2.0)
                if answer.status_code == 200:
                    return time.monotonic() - started
                last = answer.text
            except httpx.HTTPError as exc:
                last = str(exc)
            time.sleep(0.2)
        raise StackError(f"the stack was not healthy after {timeout:.0f} s; last answer: {last}")
