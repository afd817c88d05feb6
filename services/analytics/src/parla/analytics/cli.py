"""Operator commands of the analytics service.

    python -m parla.analytics.cli rebuild    # every projection, from the topics (service stopped)

Settings come from the environment as for the service (``PARLA_DATABASE_URL``,
``KAFKA_BOOTSTRAP_SERVERS``, ``PARLA_TRENDING_HALF_LIFE_HOURS``, ...).
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import timedelta

from parla.analytics import consumers
from parla.analytics import main as service
from parla.analytics.config import AnalyticsSettings
from parla.analytics.rebuild import rebuild
from parla.chassis.db import Database, make_engine
from parla.chassis.migrations import migrate


async def _rebuild(settings: AnalyticsSettings) -> int:
    url = settings.resolved_database_url()
    await migrate(url, service.MIGRATIONS)
    db = Database(make_engine(url))
    try:
        half_life = timedelta(hours=settings.trending_half_life_hours)
        subscriptions = consumers.subscriptions(half_life, settings.top_rated_minimum_ratings, announce=False)
        counts = await rebuild(
            db, bootstrap_servers=settings.kafka_bootstrap_servers, subscriptions=subscriptions, consumer=settings.service_name
        )
    finally:
        await db.dispose()
    for topic, count in counts.items():
        print(f"{topic}: {count} events applied")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="parla.analytics.cli", description="Parla analytics operator commands")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "rebuild", help="empty every projection and replay the topics from their beginning (stop the service first)"
    )
    parser.parse_args(argv)
    return asyncio.run(_rebuild(AnalyticsSettings()))


if __name__ == "__main__":
    raise SystemExit(main())
