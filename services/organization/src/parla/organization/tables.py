"""Every table of the organization service, for migrations and tests that need the whole schema."""

from __future__ import annotations

from parla.organization.bookmarks import db as bookmarks_db
from parla.organization.catalogue import db as catalogue_db
from parla.organization.collections import db as collections_db
from parla.organization.db import metadatas
from parla.organization.ratings import db as ratings_db
from parla.organization.tags import db as tags_db

FEATURES = (catalogue_db, collections_db, tags_db, bookmarks_db, ratings_db)

__all__ = ["FEATURES", "metadatas"]
