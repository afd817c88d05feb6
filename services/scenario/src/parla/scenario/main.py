"""Composition root of the scenario service: ``python -m parla.scenario.main``."""

from __future__ import annotations

from pathlib import Path

import grpc

from parla.chassis.db import Database
from parla.chassis.grpc_client import client_interceptors
from parla.chassis.grpc_server import ServiceRegistration
from parla.chassis.logging import get_logger
from parla.chassis.runtime import Components, service_main
from parla.scenario import consumers, grpc_api
from parla.scenario.authoring import AuthoringService
from parla.scenario.catalogue_service import CatalogueService
from parla.scenario.config import ScenarioSettings
from parla.scenario.run_service import RunService
from parla.scenario.tutor import OfflineTutor, PersonaTutor
from parla.scenario.views import ViewRecorder

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(db: Database, settings: ScenarioSettings) -> Components:
    channel = grpc.aio.insecure_channel(
        settings.persona_addr, interceptors=client_interceptors(default_deadline=settings.tutor_deadline_seconds)
    )
    tutor = PersonaTutor(channel=channel, deadline=settings.tutor_deadline_seconds, fallback=OfflineTutor())
    views = ViewRecorder(db=db)
    catalogue = CatalogueService(db=db, views=views)
    changed = await catalogue.seed_system_scenarios()
    get_logger(__name__).info("system scenarios seeded", changed=changed)
    runs = RunService(db=db, tutor=tutor)
    authoring = AuthoringService(db=db)
    return Components(
        registrations=[
            ServiceRegistration(
                grpc_api.add_to_server, grpc_api.ScenarioServicer(catalogue=catalogue, runs=runs), grpc_api.SERVICE_NAME
            ),
            ServiceRegistration(
                grpc_api.add_authoring_to_server, grpc_api.AuthoringServicer(authoring), grpc_api.AUTHORING_SERVICE_NAME
            ),
        ],
        subscriptions=consumers.subscriptions(),
        workers=[views],
    )


def main() -> None:
    settings = ScenarioSettings()
    service_main(settings, migrations=MIGRATIONS, build=lambda db: build(db, settings))


if __name__ == "__main__":
    main()
