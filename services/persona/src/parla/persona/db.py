"""Tables of the persona service."""

from __future__ import annotations

from sqlalchemy import String, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.chassis.messaging import messaging_metadata


class Base(DeclarativeBase):
    pass


class PersonaPreferenceRow(Base):
    """A learner's chosen persona; no row means the default persona applies."""

    __tablename__ = "persona_preferences"

    user_id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    persona_type: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200))
    learner_level: Mapped[str] = mapped_column(String(20))
    updated_at = mapped_column(UTCDateTime(), nullable=False)


metadatas = (Base.metadata, messaging_metadata)
