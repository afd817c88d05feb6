"""The organization service's declarative base. Each feature package keeps its tables in its own
``db.py`` (``catalogue``, ``collections``, ``tags``, ``bookmarks``, ``ratings``); importing
``parla.organization.tables`` brings them all into the metadata."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from parla.chassis.messaging import messaging_metadata


class Base(DeclarativeBase):
    pass


metadatas = (Base.metadata, messaging_metadata)
