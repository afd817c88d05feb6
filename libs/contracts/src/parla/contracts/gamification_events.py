"""Events of gamification (analytics service): XP granted and achievements unlocked, only ever
by the system."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar

from pydantic import Field

from parla.contracts.event_base import Event


class XpGranted(Event):
    """The system granted (or, when a late event changed a grant, corrected) a learner's XP.
    ``amount`` is this change; ``total`` the learner's XP after it."""

    event_type: ClassVar[str] = "xp.granted"
    user_id: uuid.UUID
    source: str = Field(description="What earned it: scenario")
    source_id: str = Field(description="Which one: the run's id")
    language: str
    amount: int
    total: int = Field(ge=0)
    level: int = Field(ge=1)
    granted_at: datetime

    def partition_key(self) -> str:
        return str(self.user_id)


class AchievementUnlocked(Event):
    event_type: ClassVar[str] = "achievement.unlocked"
    user_id: uuid.UUID
    code: str
    title: str
    unlocked_at: datetime

    def partition_key(self) -> str:
        return str(self.user_id)
