"""Tables of the gateway: accounts (identity) and nothing else."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, ForeignKey, Index, String, Uuid, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from parla.chassis.db import UTCDateTime
from parla.chassis.messaging import messaging_metadata


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)  # stored lower-cased
    password_hash: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(80))
    roles: Mapped[list] = mapped_column(JSON)
    native_language: Mapped[str | None] = mapped_column(String(5))
    target_languages: Mapped[list] = mapped_column(JSON)
    level: Mapped[str] = mapped_column(String(20))
    timezone: Mapped[str] = mapped_column(String(64))
    leaderboard_opt_in: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at = mapped_column(UTCDateTime(), nullable=False)


class RefreshTokenRow(Base):
    """A refresh token, stored only as a hash. Tokens rotate within a family; reusing a rotated
    token revokes the whole family (it means the token was stolen or replayed)."""

    __tablename__ = "refresh_tokens"

    id: Mapped[object] = mapped_column(Uuid, primary_key=True)
    user_id: Mapped[object] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    family_id: Mapped[object] = mapped_column(Uuid)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at = mapped_column(UTCDateTime(), nullable=False)
    expires_at = mapped_column(UTCDateTime(), nullable=False)
    rotated_at = mapped_column(UTCDateTime())
    revoked_at = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_refresh_tokens_family", "family_id"),)


metadatas = (Base.metadata, messaging_metadata)
