"""Settings every service shares, read from the environment (prefix ``PARLA_``).

Each service subclasses ``ServiceSettings`` once in its own ``config.py`` and builds it in
``main.py``; nothing here is instantiated at import time.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARLA_", extra="ignore")

    service_name: str = "parla"
    data_dir: Path = Path(".data")
    # Empty means "a SQLite file named after the service in data_dir" (the embedded default).
    database_url: str = ""
    kafka_bootstrap_servers: str = "127.0.0.1:9092"
    grpc_host: str = "127.0.0.1"
    grpc_port: int = 50050
    # The largest request the service's gRPC server accepts (gRPC's own default is 4 MiB).
    grpc_max_message_bytes: int = Field(default=4 * 2**20, gt=0)
    # Prometheus metrics at http://<grpc_host>:<metrics_port>/metrics; 0 serves none.
    metrics_port: int = Field(default=0, ge=0, le=65535)
    jwt_public_key_file: Path | None = None
    jwt_issuer: str = "parla"
    log_level: str = "INFO"
    log_json: bool = True
    # How often the outbox relay looks for pending rows when nothing woke it.
    outbox_poll_seconds: float = Field(default=1.0, gt=0)
    # Apply the database migrations at start-up (one process per database, as `make run`). Where
    # several replicas start at once (Kubernetes), a Job runs `python -m parla.<svc>.main migrate`
    # before the rollout and this is false.
    migrate_on_start: bool = True
    # The process that started this one, where one launcher owns the processes (`make run`, the
    # test suite's stacks): when it is gone, this process stops too (``parla.chassis.parent``).
    # 0 (the default, and in containers, whose supervisor restarts a process) means no such owner.
    parent_pid: int = Field(default=0, ge=0)
    # Fault injection, for the reliability suite only: a pause between a batch's database commit
    # and its offset commit. It widens the window in which a crash leaves effects whose offsets
    # were not committed, so that a test can make the inbox absorb a redelivery at will.
    consumer_commit_pause_seconds: float = Field(default=0.0, ge=0, le=5)

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / f'{self.service_name}.db').resolve()}"

    def jwt_public_key(self) -> bytes:
        if self.jwt_public_key_file is None:
            raise RuntimeError(
                "PARLA_JWT_PUBLIC_KEY_FILE is not set: point it at the gateway's Ed25519 public key "
                "(make run creates one in .data/keys/)"
            )
        return self.jwt_public_key_file.read_bytes()
