"""What every event has: the envelope. Events are facts that already happened, named in the past
tense; each carries the data its consumers need so that they never call back to the producer."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, ClassVar

from pydantic import BaseModel, ConfigDict, Field


def _now() -> datetime:
    return datetime.now(UTC)


Text = Annotated[str, Field(max_length=10_000)]


class Event(BaseModel):
    """Envelope fields every event has."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    event_type: ClassVar[str]
    schema_version: int = 1
    event_id: uuid.UUID = Field(default_factory=uuid.uuid4)
    occurred_at: datetime = Field(default_factory=_now)

    def partition_key(self) -> str:
        """The aggregate whose events must stay in order (usually the learner)."""
        raise NotImplementedError

    def envelope(self) -> dict:
        return {"event_type": self.event_type, **self.model_dump(mode="json")}
