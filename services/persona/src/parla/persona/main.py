"""Composition root of the persona service: ``python -m parla.persona.main``.

It runs with its database, migrations, outbox relay, health and reflection; its gRPC API and
consumers arrive with the persona features.
"""

from __future__ import annotations

from pathlib import Path

from parla.chassis.db import Database
from parla.chassis.runtime import Components, run_service, start
from parla.persona.config import PersonaSettings

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(_db: Database) -> Components:
    return Components(registrations=[])


def main() -> None:
    settings = PersonaSettings()
    start(settings, lambda: run_service(settings, migrations=MIGRATIONS, build=build))


if __name__ == "__main__":
    main()
