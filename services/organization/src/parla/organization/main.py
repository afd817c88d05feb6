"""Composition root of the organization service: ``python -m parla.organization.main``."""

from __future__ import annotations

from pathlib import Path

from parla.chassis.db import Database
from parla.chassis.grpc_server import ServiceRegistration
from parla.chassis.runtime import Components, service_main
from parla.organization import consumers
from parla.organization.bookmarks import grpc_api as bookmarks_api
from parla.organization.bookmarks.service import BookmarkService
from parla.organization.collections import grpc_api as collections_api
from parla.organization.collections.service import CollectionService
from parla.organization.config import OrganizationSettings
from parla.organization.ratings import grpc_api as ratings_api
from parla.organization.ratings.service import RatingService
from parla.organization.tags import grpc_api as tags_api
from parla.organization.tags.service import TagService
from parla.organization.tags.worker import KeywordWorker

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(db: Database) -> Components:
    return Components(
        registrations=[
            ServiceRegistration(
                collections_api.add_to_server,
                collections_api.CollectionServicer(CollectionService(db=db)),
                collections_api.SERVICE_NAME,
            ),
            ServiceRegistration(tags_api.add_to_server, tags_api.TagServicer(TagService(db=db)), tags_api.SERVICE_NAME),
            ServiceRegistration(
                bookmarks_api.add_to_server, bookmarks_api.BookmarkServicer(BookmarkService(db=db)), bookmarks_api.SERVICE_NAME
            ),
            ServiceRegistration(
                ratings_api.add_to_server, ratings_api.RatingServicer(RatingService(db=db)), ratings_api.SERVICE_NAME
            ),
        ],
        subscriptions=consumers.subscriptions(),
        workers=[KeywordWorker(db=db)],
    )


def main() -> None:
    settings = OrganizationSettings()
    service_main(settings, migrations=MIGRATIONS, build=build)


if __name__ == "__main__":
    main()
