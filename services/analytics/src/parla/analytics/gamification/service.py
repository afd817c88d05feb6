"""Reading a learner's gamification: XP and level, their streak as of today in their time zone,
every achievement with whether and when it was unlocked, and the weekly leaderboards. Nothing
here grants anything: XP and achievements come only from the projection."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from parla.analytics.gamification import achievements
from parla.analytics.gamification.db import XpGrantRow
from parla.analytics.gamification.fold import State, StreakNow, streak_now
from parla.analytics.gamification.projection import week_of
from parla.analytics.gamification.repository import GamificationRepository
from parla.analytics.gamification.rules import MAX_LEVEL, level_for, xp_for_level
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, NotFound

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "zh", "ja")
MAX_LIMIT = 100
MAX_OFFSET = 10_000


@dataclass(frozen=True)
class Standing:
    xp: int
    level: int
    level_xp: int
    next_level_xp: int
    streak: StreakNow
    longest_streak: int
    freezes_used: int
    unlocked: dict[str, datetime]


@dataclass(frozen=True)
class BoardEntry:
    rank: int
    display_name: str
    xp: int
    is_you: bool


@dataclass(frozen=True)
class Board:
    week_start: date
    language: str
    entries: list[BoardEntry]
    has_more: bool
    you: BoardEntry | None


def _now() -> datetime:
    return datetime.now(UTC)


class GamificationService:
    def __init__(self, *, db: Database, clock: Callable[[], datetime] = _now) -> None:
        self._db = db
        self._clock = clock

    async def standing(self, user_id: uuid.UUID) -> Standing:
        async with self._db.reading() as session:
            repository = GamificationRepository(session)
            game = await repository.game(user_id)
            profile = await repository.profile(user_id)
            unlocked = await repository.unlocked(user_id)
        state = State.from_json(game.state) if game is not None and game.state else State()
        level = level_for(state.xp)
        timezone = profile.timezone if profile is not None else state.timezone
        return Standing(
            xp=state.xp,
            level=level,
            level_xp=xp_for_level(level),
            next_level_xp=xp_for_level(level + 1) if level < MAX_LEVEL else 0,
            streak=streak_now(state, self._clock(), timezone),
            longest_streak=state.longest,
            freezes_used=state.freezes_used,
            unlocked={code: row.unlocked_at for code, row in unlocked.items() if code in achievements.BY_CODE},
        )

    async def run_xp(self, user_id: uuid.UUID, run_id: str) -> XpGrantRow:
        """The XP the learner's run earned; NotFound until its completion is applied, and for a
        run of someone else's (which is not theirs to know about)."""
        try:
            key = uuid.UUID(run_id)
        except ValueError:
            raise InvalidArgument("run_id must be a run's id (a UUID)", details={"run_id": "not a UUID"}) from None
        async with self._db.reading() as session:
            grant = await GamificationRepository(session).grant(key)
        if grant is None or grant.user_id != user_id:
            raise NotFound("no XP for this run yet: it is granted moments after the run is completed; ask again shortly")
        return grant

    async def leaderboard(self, user_id: uuid.UUID, *, language: str, week: str, limit: int, offset: int) -> Board:
        if language not in LANGUAGES:
            raise InvalidArgument(f"language must be one of {', '.join(LANGUAGES)}", details={"language": "unknown"})
        if not 0 <= offset <= MAX_OFFSET:
            raise InvalidArgument(f"offset is 0-{MAX_OFFSET}", details={"offset": "out of range"})
        if not 0 <= limit <= MAX_LIMIT:
            raise InvalidArgument(f"limit is 1-{MAX_LIMIT}", details={"limit": "out of range"})
        start = week_of(_day(week) if week else self._clock())
        limit = limit or 20
        async with self._db.reading() as session:
            repository = GamificationRepository(session)
            rows = await repository.board(start, language, limit + 1, offset)
            place = await repository.place(start, language, user_id)
        entries = [
            BoardEntry(offset + index + 1, name, xp, user == user_id) for index, (user, xp, name) in enumerate(rows[:limit])
        ]
        you = BoardEntry(place[0], place[2], place[1], True) if place is not None else None
        return Board(start, language, entries, len(rows) > limit, you)


def _day(text: str) -> datetime:
    try:
        return datetime.combine(date.fromisoformat(text), datetime.min.time(), UTC)
    except ValueError:
        raise InvalidArgument("week must be a day as YYYY-MM-DD", details={"week": "not a date"}) from None
