"""Composition root of the content service: ``python -m parla.content.main``."""

from __future__ import annotations

from pathlib import Path

from parla.chassis.db import Database
from parla.chassis.grpc_server import ServiceRegistration
from parla.chassis.runtime import Components, run_service, start
from parla.content import consumers, grpc_api
from parla.content.config import ContentSettings
from parla.content.service import ReviewService

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(db: Database) -> Components:
    return Components(
        registrations=[
            ServiceRegistration(grpc_api.add_to_server, grpc_api.ReviewServicer(ReviewService(db=db)), grpc_api.SERVICE_NAME)
        ],
        subscriptions=consumers.subscriptions(),
    )


def main() -> None:
    settings = ContentSettings()
    start(settings, lambda: run_service(settings, migrations=MIGRATIONS, build=build))


if __name__ == "__main__":
    main()
