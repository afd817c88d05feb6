"""What works for a learner: the categories they are weak in, and the scenarios and documents
that moved the skill they feed. No writes: read from tables other projections keep.

- A weak category: one whose scenarios the learner finished with a mean latest score under 70
  (discovery's per-learner history), lowest first.
- Effectiveness: for each scenario or document the learner came back to (two sessions or more in
  the last 90 days), the change of the skill signal it feeds from their first session to their
  latest — a scenario's score (conversation), a document's progress through it (comprehension).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.db import LearningSessionRow
from parla.analytics.discovery.db import DiscoveryScenarioRow, LearnerScenarioRow
from parla.analytics.discovery.recommend import struggled

WINDOW = timedelta(days=90)
SHOWN = 5
SKILL_OF = {"scenario": "conversation", "content": "comprehension"}


@dataclass(frozen=True)
class WeakCategory:
    category: str
    mean_score: float
    scenarios: int


@dataclass(frozen=True)
class Effect:
    kind: str
    subject_id: str
    title: str
    skill: str
    sessions: int
    first: float
    latest: float

    @property
    def gain(self) -> float:
        return round(self.latest - self.first, 1)


def weak_categories(history: list[tuple[str, float]]) -> list[WeakCategory]:
    """From (category, latest score) of each scenario finished: the categories recommendations
    say the learner struggled with."""
    return [WeakCategory(category, round(mean, 1), count) for mean, category, count in struggled(history)[:SHOWN]]


def effects(sessions: list[tuple[str, str, str, datetime, float]], titles: dict[str, dict[str, str]]) -> list[Effect]:
    """From (kind, subject, language, ended_at, score) sessions, the subjects most moved first;
    a scenario's title in the language of its latest session (else its first title)."""
    by_subject: dict[tuple[str, str], list[tuple[datetime, float, str]]] = defaultdict(list)
    for kind, subject, language, ended_at, score in sessions:
        if kind in SKILL_OF:
            by_subject[(kind, subject)].append((ended_at, score, language))
    found = []
    for (kind, subject), runs in by_subject.items():
        if len(runs) < 2:
            continue
        runs.sort()
        names = titles.get(subject, {})
        title = names.get(runs[-1][2]) or next(iter(sorted(names.values())), "")
        found.append(Effect(kind, subject, title, SKILL_OF[kind], len(runs), runs[0][1], runs[-1][1]))
    return sorted(found, key=lambda e: (-e.gain, e.kind, e.subject_id))[:SHOWN]


async def read(session: AsyncSession, user_id: uuid.UUID, now: datetime) -> tuple[list[WeakCategory], list[Effect]]:
    history = await session.execute(
        select(LearnerScenarioRow.category, LearnerScenarioRow.last_score).where(
            LearnerScenarioRow.user_id == user_id, LearnerScenarioRow.last_score.is_not(None), LearnerScenarioRow.category != ""
        )
    )
    rows = await session.execute(
        select(
            LearningSessionRow.kind,
            LearningSessionRow.subject_id,
            LearningSessionRow.language,
            LearningSessionRow.ended_at,
            LearningSessionRow.score,
        ).where(
            LearningSessionRow.user_id == user_id,
            LearningSessionRow.ended_at >= now - WINDOW,
            LearningSessionRow.kind.in_(list(SKILL_OF)),
        )
    )
    sessions = [tuple(row) for row in rows]
    scenario_ids = sorted({subject for kind, subject, *_ in sessions if kind == "scenario"})
    titles: dict[str, dict[str, str]] = {}
    if scenario_ids:
        known = await session.execute(
            select(DiscoveryScenarioRow.scenario_id, DiscoveryScenarioRow.titles).where(
                DiscoveryScenarioRow.scenario_id.in_(scenario_ids)
            )
        )
        titles = {scenario_id: names for scenario_id, names in known if names}
    return weak_categories([tuple(row) for row in history]), effects(sessions, titles)
