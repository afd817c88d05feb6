"""Autogenerate an Alembic migration for one service from its models.

    uv run python scripts/new_migration.py scenario "add ratings"

The models are compared with a scratch SQLite database brought to the current head, so the
generated file holds only what changed. Review it before committing.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from parla.chassis.migrations import alembic_config, upgrade_to_head

ROOT = Path(__file__).resolve().parents[1]


def migrations_dir(service: str) -> Path:
    if service == "gateway":
        return ROOT / "gateway" / "src" / "parla" / "gateway" / "migrations"
    return ROOT / "services" / service / "src" / "parla" / service / "migrations"


def main() -> None:
    service, message = sys.argv[1], sys.argv[2]
    folder = migrations_dir(service)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{tmp}/scratch.db"
        upgrade_to_head(url, folder)
        existing = list((folder / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
        command.revision(alembic_config(url, folder), message=message, autogenerate=True, rev_id=f"{len(existing) + 1:04d}")


if __name__ == "__main__":
    main()
