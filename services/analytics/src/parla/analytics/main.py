"""Composition root of the analytics service: ``python -m parla.analytics.main``."""

from __future__ import annotations

from pathlib import Path

from parla.analytics import consumers, grpc_api
from parla.analytics.config import AnalyticsSettings
from parla.analytics.service import ProgressService
from parla.chassis.db import Database
from parla.chassis.grpc_server import ServiceRegistration
from parla.chassis.runtime import Components, run_service, start

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(db: Database) -> Components:
    return Components(
        registrations=[
            ServiceRegistration(grpc_api.add_to_server, grpc_api.ProgressServicer(ProgressService(db=db)), grpc_api.SERVICE_NAME)
        ],
        subscriptions=consumers.subscriptions(),
    )


def main() -> None:
    settings = AnalyticsSettings()
    start(settings, lambda: run_service(settings, migrations=MIGRATIONS, build=build))


if __name__ == "__main__":
    main()
