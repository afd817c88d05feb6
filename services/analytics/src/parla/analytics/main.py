"""Composition root of the analytics service: ``python -m parla.analytics.main``."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from parla.analytics import consumers, grpc_api
from parla.analytics.config import AnalyticsSettings
from parla.analytics.dashboard import grpc_api as dashboard_api
from parla.analytics.dashboard.service import DashboardService
from parla.analytics.discovery import grpc_api as discovery_api
from parla.analytics.discovery.service import DiscoveryService
from parla.analytics.gamification import grpc_api as gamification_api
from parla.analytics.gamification.service import GamificationService
from parla.analytics.service import ProgressService
from parla.chassis.db import Database
from parla.chassis.grpc_server import ServiceRegistration
from parla.chassis.runtime import Components, service_main

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(db: Database, settings: AnalyticsSettings | None = None) -> Components:
    settings = settings or AnalyticsSettings()
    half_life = timedelta(hours=settings.trending_half_life_hours)
    discovery = DiscoveryService(db=db, half_life=half_life)
    return Components(
        registrations=[
            ServiceRegistration(grpc_api.add_to_server, grpc_api.ProgressServicer(ProgressService(db=db)), grpc_api.SERVICE_NAME),
            ServiceRegistration(
                discovery_api.add_to_server, discovery_api.DiscoveryServicer(discovery), discovery_api.SERVICE_NAME
            ),
            ServiceRegistration(
                dashboard_api.add_to_server, dashboard_api.DashboardServicer(DashboardService(db=db)), dashboard_api.SERVICE_NAME
            ),
            ServiceRegistration(
                gamification_api.add_to_server,
                gamification_api.GamificationServicer(GamificationService(db=db)),
                gamification_api.SERVICE_NAME,
            ),
        ],
        subscriptions=consumers.subscriptions(half_life, settings.top_rated_minimum_ratings),
    )


def main() -> None:
    settings = AnalyticsSettings()
    service_main(settings, migrations=MIGRATIONS, build=lambda db: build(db, settings))


if __name__ == "__main__":
    main()
