"""Composition root of the scenario service: ``python -m parla.scenario.main``."""

from __future__ import annotations

from pathlib import Path

import grpc
from opentelemetry.instrumentation.grpc import aio_client_interceptors

from parla.chassis.db import Database
from parla.chassis.grpc_server import ServiceRegistration
from parla.chassis.logging import get_logger
from parla.chassis.runtime import Components, run_service, start
from parla.scenario import consumers, grpc_api
from parla.scenario.authoring import AuthoringService
from parla.scenario.config import ScenarioSettings
from parla.scenario.service import ScenarioService
from parla.scenario.tutor import OfflineTutor, PersonaTutor

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(db: Database, settings: ScenarioSettings) -> Components:
    channel = grpc.aio.insecure_channel(settings.persona_addr, interceptors=aio_client_interceptors())
    tutor = PersonaTutor(channel=channel, deadline=settings.tutor_deadline_seconds, fallback=OfflineTutor())
    service = ScenarioService(db=db, tutor=tutor)
    changed = await service.seed_system_scenarios()
    get_logger(__name__).info("system scenarios seeded", changed=changed)
    authoring = AuthoringService(db=db)
    return Components(
        registrations=[
            ServiceRegistration(grpc_api.add_to_server, grpc_api.ScenarioServicer(service), grpc_api.SERVICE_NAME),
            ServiceRegistration(
                grpc_api.add_authoring_to_server, grpc_api.AuthoringServicer(authoring), grpc_api.AUTHORING_SERVICE_NAME
            ),
        ],
        subscriptions=consumers.subscriptions(),
    )


def main() -> None:
    settings = ScenarioSettings()
    start(settings, lambda: run_service(settings, migrations=MIGRATIONS, build=lambda db: build(db, settings)))


if __name__ == "__main__":
    main()
