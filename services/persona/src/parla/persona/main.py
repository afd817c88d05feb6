"""Composition root of the persona service: ``python -m parla.persona.main``."""

from __future__ import annotations

from pathlib import Path

from parla.chassis.db import Database
from parla.chassis.grpc_server import ServiceRegistration
from parla.chassis.runtime import Components, run_service, start
from parla.persona import grpc_api
from parla.persona.config import PersonaSettings
from parla.persona.library import load_library
from parla.persona.service import PersonaService

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(db: Database) -> Components:
    service = PersonaService(db=db, library=load_library())
    return Components(
        registrations=[
            ServiceRegistration(grpc_api.add_to_server, grpc_api.PersonaServicer(service), grpc_api.SERVICE_NAME),
            ServiceRegistration(grpc_api.add_tutor_to_server, grpc_api.TutorServicer(service), grpc_api.TUTOR_SERVICE_NAME),
        ]
    )


def main() -> None:
    settings = PersonaSettings()
    start(settings, lambda: run_service(settings, migrations=MIGRATIONS, build=build))


if __name__ == "__main__":
    main()
