"""A learner's gamification as a fold over their facts in time order. No I/O.

Facts are what the analytics service keeps from events: time-zone changes, 15-minute slots in
which the learner learned, milestones (a scenario rated, a collection made, a word learned...)
and completed runs. ``fold`` walks them in time order and returns the XP grants and unlocked
achievements they lead to, leaving the running state behind: the state after all of a learner's
facts is the same whatever order their events arrived in, because late facts are never folded
onto a state that is past them (the projection starts that learner's fold again from nothing;
see ``service.py``). That is what lets a replay of the topics rebuild exactly what was built live.

Streaks are counted in the learner's time zone. A slot's local day is taken in the zone the
learner had at that moment, and the day of their previous activity is re-read in that same
zone, so a move across time zones neither costs a day nor adds one, and a DST change (a 23- or
25-hour day) is one day like any other. Slots are 15 minutes because every zone's offset is a
multiple of 15 minutes: a slot never straddles a local midnight.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from parla.analytics.gamification import achievements as rules_of
from parla.analytics.gamification.rules import SPEED_MIN_SCORE, Run, run_xp

SLOT = timedelta(minutes=15)
MAX_FREEZES = 3
FREEZE_EVERY = 7
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def slot_of(at: datetime) -> datetime:
    """The start of the 15-minute slot ``at`` falls in."""
    return at - (at - EPOCH) % SLOT


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@dataclass(frozen=True)
class TimezoneFact:
    at: datetime
    timezone: str

    @property
    def key(self) -> tuple:
        return (self.at, 0, self.timezone)


@dataclass(frozen=True)
class SlotFact:
    at: datetime

    @property
    def key(self) -> tuple:
        return (self.at, 1, "")


@dataclass(frozen=True)
class MilestoneFact:
    at: datetime
    kind: str
    subject: str

    @property
    def key(self) -> tuple:
        return (self.at, 2, f"{self.kind}:{self.subject}")


@dataclass(frozen=True)
class CompletionFact:
    at: datetime
    run_id: str
    scenario_id: str
    language: str
    difficulty: str
    score: float
    duration_seconds: int
    estimated_minutes: int

    @property
    def key(self) -> tuple:
        return (self.at, 3, self.run_id)


Fact = TimezoneFact | SlotFact | MilestoneFact | CompletionFact


@dataclass(frozen=True)
class Grant:
    run_id: str
    language: str
    amount: int
    percent: int
    granted_at: datetime


@dataclass(frozen=True)
class Listing:
    """When a scenario was listed: from its first public announcement until its deletion."""

    since: datetime
    until: datetime | None = None

    def listed_at(self, at: datetime) -> bool:
        return self.since <= at and (self.until is None or at < self.until)


class Catalogue:
    """The scenarios of each group an "all of" achievement names, with when each was listed."""

    def __init__(self, groups: dict[tuple[str, str], dict[str, Listing]]) -> None:
        self._groups = groups
        self._since = {g: sorted(x.since for x in members.values()) for g, members in groups.items()}
        self._until = {g: sorted(x.until for x in members.values() if x.until is not None) for g, members in groups.items()}

    def groups_of(self, scenario_id: str) -> list[tuple[str, str]]:
        return [group for group, members in self._groups.items() if scenario_id in members]

    def listed_count(self, group: tuple[str, str], at: datetime) -> int:
        return bisect_right(self._since[group], at) - bisect_right(self._until[group], at)

    def completes(self, group: tuple[str, str], done: set[str] | dict, at: datetime) -> bool:
        """Whether ``done`` holds every scenario of ``group`` listed at ``at``."""
        count = self.listed_count(group, at)
        if count == 0 or len(done) < count:
            return False
        members = self._groups[group]
        return sum(1 for s in done if s in members and members[s].listed_at(at)) == count


EMPTY_CATALOGUE = Catalogue({})


@dataclass
class State:
    """Where a learner's fold stands: enough to go on from, stored between batches as JSON."""

    timezone: str = "UTC"
    last_active_at: datetime | None = None
    # The zone the learner had at their last activity.
    last_zone: str = "UTC"
    streak: int = 0
    longest: int = 0
    freezes: int = 0
    freezes_used: int = 0
    xp: int = 0
    completions: int = 0
    excellent_run: int = 0
    languages: list[str] = field(default_factory=list)
    # scenario id -> the languages the learner completed it in
    scenario_languages: dict[str, list[str]] = field(default_factory=dict)
    milestones: dict[str, int] = field(default_factory=dict)
    unlocked: dict[str, datetime] = field(default_factory=dict)
    high_water: tuple | None = None

    def to_json(self) -> dict:
        return {
            "timezone": self.timezone,
            "last_active_at": _iso(self.last_active_at),
            "last_zone": self.last_zone,
            "streak": self.streak,
            "longest": self.longest,
            "freezes": self.freezes,
            "freezes_used": self.freezes_used,
            "xp": self.xp,
            "completions": self.completions,
            "excellent_run": self.excellent_run,
            "languages": list(self.languages),
            "scenario_languages": {scenario: list(langs) for scenario, langs in self.scenario_languages.items()},
            "milestones": dict(self.milestones),
            "unlocked": {code: at.isoformat() for code, at in self.unlocked.items()},
            "high_water": [self.high_water[0].isoformat(), *self.high_water[1:]] if self.high_water else None,
        }

    @classmethod
    def from_json(cls, data: dict) -> State:
        high = data.get("high_water")
        return cls(
            **{name: data[name] for name in _PLAIN if name in data},
            last_active_at=_parse(data.get("last_active_at")),
            unlocked={code: datetime.fromisoformat(at) for code, at in data.get("unlocked", {}).items()},
            high_water=(datetime.fromisoformat(high[0]), *high[1:]) if high else None,
        )


_PLAIN = (
    "timezone",
    "last_zone",
    "streak",
    "longest",
    "freezes",
    "freezes_used",
    "xp",
    "completions",
    "excellent_run",
    "languages",
    "scenario_languages",
    "milestones",
)


def _iso(at: datetime | None) -> str | None:
    return at.isoformat() if at is not None else None


def _parse(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


@dataclass
class Outcome:
    grants: list[Grant] = field(default_factory=list)
    unlocked: dict[str, datetime] = field(default_factory=dict)


def goes_on_from(state: State, facts: list[Fact]) -> bool:
    """Whether ``facts`` all come after what ``state`` has folded, so the fold may go on from it."""
    return state.high_water is None or all(fact.key > state.high_water for fact in facts)


def fold(state: State, facts: list[Fact], catalogue: Catalogue = EMPTY_CATALOGUE) -> Outcome:
    """Fold ``facts`` (all later than the state's high water) into ``state``."""
    outcome = Outcome()
    folding = _Folding(state, outcome, catalogue)
    for fact in sorted(facts, key=lambda f: f.key):
        folding.apply(fact)
        state.high_water = fact.key
    return outcome


class _Folding:
    def __init__(self, state: State, outcome: Outcome, catalogue: Catalogue) -> None:
        self.state, self.outcome, self.catalogue = state, outcome, catalogue

    def unlock(self, code: str, at: datetime) -> None:
        if code not in self.state.unlocked:
            self.state.unlocked[code] = at
            self.outcome.unlocked[code] = at

    def apply(self, fact: Fact) -> None:
        if isinstance(fact, TimezoneFact):
            self.state.timezone = fact.timezone
        elif isinstance(fact, SlotFact):
            self.active(fact.at)
        elif isinstance(fact, MilestoneFact):
            self.milestone(fact)
        else:
            self.completed(fact)

    def active(self, at: datetime) -> None:
        state = self.state
        local = zone(state.timezone)
        day = at.astimezone(local).date()
        if state.last_active_at is not None:
            last = state.last_active_at.astimezone(local).date()
            missed = _missed(state, day, last)
            state.last_active_at, state.last_zone = at, state.timezone
            if day <= last:
                return
            if missed == 0:
                state.streak += 1
            elif missed <= state.freezes:
                state.freezes -= missed
                state.freezes_used += missed
                state.streak += 1
                self.unlock("comeback_kid", at)
            else:
                state.streak = 1
        else:
            state.last_active_at, state.last_zone, state.streak = at, state.timezone, 1
        if state.streak % FREEZE_EVERY == 0 and state.freezes < MAX_FREEZES:
            state.freezes += 1
        state.longest = max(state.longest, state.streak)
        for code, days in rules_of.STREAK_DAYS.items():
            if state.streak >= days:
                self.unlock(code, at)

    def milestone(self, fact: MilestoneFact) -> None:
        count = self.state.milestones[fact.kind] = self.state.milestones.get(fact.kind, 0) + 1
        for code, needed in rules_of.MILESTONE_COUNTS.get(fact.kind, {}).items():
            if count >= needed:
                self.unlock(code, fact.at)

    def completed(self, fact: CompletionFact) -> None:
        state, at = self.state, fact.at
        amount, percent = run_xp(Run(fact.difficulty, fact.score, fact.duration_seconds, fact.estimated_minutes), state.streak)
        state.xp += amount
        self.outcome.grants.append(Grant(fact.run_id, fact.language, amount, percent, at))
        state.completions += 1
        for code, needed in rules_of.COMPLETION_COUNTS.items():
            if state.completions >= needed:
                self.unlock(code, at)
        played_in = state.scenario_languages.setdefault(fact.scenario_id, [])
        if fact.language not in played_in:
            played_in.append(fact.language)
        if len(played_in) >= rules_of.CULTURE_LANGUAGES:
            self.unlock("cultural_expert", at)
        if fact.language not in state.languages:
            state.languages.append(fact.language)
        if len(state.languages) >= rules_of.POLYGLOT_LANGUAGES:
            self.unlock("polyglot", at)
        state.excellent_run = state.excellent_run + 1 if fact.score >= rules_of.EXCELLENT_SCORE else 0
        if state.excellent_run >= rules_of.EXCELLENCE_RUNS:
            self.unlock("excellence_streak", at)
        if fact.score >= rules_of.PERFECT_SCORE:
            self.unlock("perfectionist", at)
        quick = fact.duration_seconds <= rules_of.SPEED_SHARE * fact.estimated_minutes * 60
        if fact.estimated_minutes > 0 and quick and fact.score >= SPEED_MIN_SCORE:
            self.unlock("speed_demon", at)
        for group in self.catalogue.groups_of(fact.scenario_id):
            code = rules_of.ALL_OF.get(group)
            if code and code not in state.unlocked and self.catalogue.completes(group, state.scenario_languages, at):
                self.unlock(code, at)


def _missed(state: State, day: date, last: date) -> int:
    """Days missed between the last activity and ``day``. The last activity's day is read both
    in the current zone (``last``) and in the zone the learner had then, and the later one
    counts: after a move west, a morning in the old zone may be the evening before in the new
    one, and a move must not cost a day."""
    there = state.last_active_at.astimezone(zone(state.last_zone)).date()
    return max(0, (day - max(last, there)).days - 1)


@dataclass(frozen=True)
class StreakNow:
    current: int
    freezes: int
    done_today: bool


def streak_now(state: State, now: datetime, timezone: str) -> StreakNow:
    """The streak as the learner sees it now, in their time zone today: alive while the days
    missed since their last activity are no more than their freezes (which will be spent when
    they come back)."""
    if state.last_active_at is None:
        return StreakNow(0, state.freezes, False)
    local = zone(timezone)
    today, last = now.astimezone(local).date(), state.last_active_at.astimezone(local).date()
    missed = _missed(state, today, last)
    if missed <= 0:
        return StreakNow(state.streak, state.freezes, today <= last)
    if missed <= state.freezes:
        return StreakNow(state.streak, state.freezes - missed, False)
    return StreakNow(0, state.freezes, False)
