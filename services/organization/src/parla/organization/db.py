"""Tables of the organization service: so far only the outbox and inbox its features will write through."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from parla.chassis.messaging import messaging_metadata


class Base(DeclarativeBase):
    pass


metadatas = (Base.metadata, messaging_metadata)
