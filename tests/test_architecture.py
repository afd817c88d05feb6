"""Rules of the codebase that no single service test would notice being broken."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory

from parla.chassis.migrations import alembic_config, upgrade_to_head

ROOT = Path(__file__).resolve().parents[1]
MIGRATIONS = sorted(p for p in ROOT.glob("**/src/parla/*/migrations") if ".venv" not in p.parts)

IMPORT_EVERYTHING = r"""
import importlib, pkgutil, sys, threading
import parla
names = sorted(m.name for m in pkgutil.walk_packages(parla.__path__, "parla.")
               if ".migrations" not in m.name and not m.name.endswith("__main__"))
for name in names:
    importlib.import_module(name)
assert threading.active_count() == 1, [t.name for t in threading.enumerate()]
print(len(names))
"""


def test_every_module_imports_with_an_empty_environment_and_does_nothing():
    with tempfile.TemporaryDirectory() as cwd:
        result = subprocess.run(
            [sys.executable, "-c", IMPORT_EVERYTHING],
            cwd=cwd,
            env={"PATH": os.environ["PATH"]},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        assert int(result.stdout) > 50
        # No database file, data directory or key was created by importing.
        assert os.listdir(cwd) == []


@pytest.mark.parametrize("migrations", MIGRATIONS, ids=lambda p: p.parent.name)
def test_each_service_has_one_migration_head_its_models_match_it_and_it_reverses(migrations, tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'check.db'}"
    config = alembic_config(url, migrations)
    assert len(ScriptDirectory.from_config(config).get_heads()) == 1
    upgrade_to_head(url, migrations)
    # Raises when the models have changes that no migration describes.
    command.check(config)
    command.downgrade(config, "base")
    upgrade_to_head(url, migrations)


def test_every_service_has_the_same_files():
    expected = {"config.py", "db.py", "main.py", "migrations"}
    for service in (ROOT / "services").iterdir():
        package = service / "src" / "parla" / service.name
        assert expected <= {p.name for p in package.iterdir()}, service.name
