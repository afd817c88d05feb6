"""Bodies of the gamification API: read-only, since only the system grants XP and achievements."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class StreakOut(BaseModel):
    current: int = Field(default=0, description="Days in a row with learning, in your time zone; frozen days keep it")
    longest: int = 0
    freezes: int = Field(default=0, description="Freezes held (one per 7 days of streak, at most 3), used automatically")
    freezes_used: int = 0
    done_today: bool = False


class AchievementOut(BaseModel):
    code: str
    title: str
    description: str
    unlocked_at: datetime | None = Field(default=None, description="Null while locked")


class GamificationOut(BaseModel):
    xp: int = 0
    level: int = Field(default=1, description="1-100")
    level_xp: int = Field(default=0, description="The total XP this level starts at")
    next_level_xp: int = Field(default=0, description="The total XP the next level starts at; 0 at level 100")
    streak: StreakOut = Field(default_factory=StreakOut)
    achievements: list[AchievementOut] = Field(default_factory=list, description="All 27, locked ones included")


class LeaderboardEntryOut(BaseModel):
    rank: int
    display_name: str
    xp: int = 0
    is_you: bool = False


class RunXpOut(BaseModel):
    run_id: str
    amount: int = Field(description="The XP added to your total, the streak multiplier applied")
    multiplier_percent: int = Field(description="The streak multiplier, in percent (100: none)")
    granted_at: datetime | None = None


class LeaderboardOut(BaseModel):
    week_start: str = Field(description="YYYY-MM-DD, the week's Monday (UTC)")
    language: str
    entries: list[LeaderboardEntryOut] = Field(default_factory=list)
    has_more: bool = False
    you: LeaderboardEntryOut | None = Field(
        default=None, description="Your place, when you appear on this board (rank 0: beyond the first 1,000)"
    )
