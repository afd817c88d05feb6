"""A local PostgreSQL server from Debian's ``postgresql`` package, one database per service.

As root (CI, containers) the server runs as the ``postgres`` system user, which PostgreSQL
requires, with its data in /var/tmp; otherwise it runs as the current user under the data dir.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

USER = "parla"


class PostgresSetupError(RuntimeError):
    pass


def _is_root() -> bool:
    return os.geteuid() == 0


def find_bin_dir() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parent.parent.name))
    return candidates[-1].parent if candidates else None


def install_postgres() -> Path:
    """Debian's postgresql package, installed when missing (root only)."""
    found = find_bin_dir()
    if found is not None:
        return found
    if not _is_root() or shutil.which("apt-get") is None:
        raise PostgresSetupError(
            "PostgreSQL is not installed: install Debian's package (sudo apt-get install -y postgresql) "
            "or set PARLA_TEST_POSTGRES_DSN to a server you have"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "postgresql"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, check=True, capture_output=True)
        subprocess.run(install, env=env, check=True, capture_output=True)
    found = find_bin_dir()
    if found is None:
        raise PostgresSetupError("apt-get installed postgresql but no server binaries were found in /usr/lib/postgresql")
    return found


@dataclass
class PostgresRunner:
    data_dir: Path
    port: int = 55432
    # Tests trade durability for speed; the local stack keeps PostgreSQL's defaults.
    durable: bool = True

    def __post_init__(self) -> None:
        if _is_root():
            self.data_dir = Path("/var/tmp") / f"parla-postgres-{self.port}"
        self.bin_dir: Path | None = None

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = list(args)
        if _is_root():
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True)
        if check and result.returncode != 0:
            raise PostgresSetupError(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def _tool(self, name: str) -> str:
        assert self.bin_dir is not None
        return str(self.bin_dir / name)

    @property
    def cluster(self) -> Path:
        return self.data_dir / "cluster"

    def dsn(self, database: str) -> str:
        return f"postgresql+asyncpg://{USER}@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        self.bin_dir = install_postgres()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if _is_root():
            shutil.chown(self.data_dir, "postgres", "postgres")
        if not (self.cluster / "PG_VERSION").exists():
            self._run(
                self._tool("initdb"), "-D", str(self.cluster), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-instructions"
            )
        if self._run(self._tool("pg_ctl"), "-D", str(self.cluster), "status", check=False).returncode == 0:
            return
        options = f"-p {self.port} -k {self.data_dir} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if not self.durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run(
            self._tool("pg_ctl"),
            "-D",
            str(self.cluster),
            "-l",
            str(self.data_dir / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        self._wait_ready()

    def _wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._run(self._tool("pg_isready"), "-h", "127.0.0.1", "-p", str(self.port), check=False).returncode == 0:
                return
            time.sleep(0.2)
        raise PostgresSetupError(f"PostgreSQL did not accept connections on port {self.port}; see {self.data_dir / 'server.log'}")

    def psql(self, sql: str, database: str = "postgres") -> str:
        result = self._run(self._tool("psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", USER, "-d", database, "-tAc", sql)
        return result.stdout.strip()

    def create_database(self, name: str, *, fresh: bool = False) -> str:
        """Create ``name`` (dropping it first when ``fresh``); returns its SQLAlchemy URL."""
        if fresh:
            self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") != "1":
            self.psql(f'CREATE DATABASE "{name}"')
        return self.dsn(name)

    def stop(self) -> None:
        if self.bin_dir is not None and (self.cluster / "PG_VERSION").exists():
            self._run(self._tool("pg_ctl"), "-D", str(self.cluster), "-m", "fast", "-w", "stop", check=False)

    def discard(self) -> None:
        """Stop a throwaway server (a test session's, a bench's) and remove its data. As root the
        data is in /var/tmp, outside any temporary folder: left there, every run would keep
        its cluster, up to hundreds of megabytes each, until the disk was full."""
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)
