"""Composition root of the organization service: ``python -m parla.organization.main``.

It runs with its database, migrations, outbox relay, health and reflection; its gRPC API and
consumers arrive with the organization features.
"""

from __future__ import annotations

from pathlib import Path

from parla.chassis.db import Database
from parla.chassis.runtime import Components, run_service, start
from parla.organization.config import OrganizationSettings

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(_db: Database) -> Components:
    return Components(registrations=[])


def main() -> None:
    settings = OrganizationSettings()
    start(settings, lambda: run_service(settings, migrations=MIGRATIONS, build=build))


if __name__ == "__main__":
    main()
