"""`python -m parla.<service>.main migrate`: what a Kubernetes Job runs before a rollout, so that
replicas that start together never race to migrate (they start with PARLA_MIGRATE_ON_START=false)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from parla.chassis.runtime import run_command
from parla.gateway.config import GatewaySettings
from parla.gateway.main import MIGRATIONS


def tables(database) -> set[str]:
    with sqlite3.connect(database) as connection:
        return {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_service_migrates_its_database_and_exits(tmp_path):
    env = {**os.environ, "PARLA_DATA_DIR": str(tmp_path), "PARLA_LOG_JSON": "false"}
    done = subprocess.run(
        [sys.executable, "-m", "parla.scenario.main", "migrate"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert {"alembic_version", "scenarios", "outbox"} <= tables(tmp_path / "scenario.db")
    assert "database migrated" in done.stdout + done.stderr


def test_migrating_twice_is_harmless_and_serving_is_the_default(tmp_path):
    settings = GatewaySettings(data_dir=tmp_path)
    assert run_command(settings, MIGRATIONS, ["migrate"]) is True
    first = tables(tmp_path / "gateway.db")
    assert run_command(settings, MIGRATIONS, ["migrate"]) is True
    assert tables(tmp_path / "gateway.db") == first and "alembic_version" in first
    assert run_command(settings, MIGRATIONS, []) is False  # no command: serve


def test_an_unknown_command_says_what_the_known_ones_are(tmp_path):
    with pytest.raises(SystemExit, match="run with none to serve, or `migrate`"):
        run_command(GatewaySettings(data_dir=tmp_path), MIGRATIONS, ["migrat"])
    assert not (tmp_path / "gateway.db").exists()
