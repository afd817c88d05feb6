"""Vocabulary overlap: each scenario's key words, learned from its completed runs, and the
scenarios that practise the words a learner keeps missing."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.dashboard.db import WeakSpotRow
from parla.analytics.discovery.db import ScenarioWordRow
from parla.chassis.db import chunked, insert_for
from parla.contracts.events import ScenarioCompleted

MAX_LEMMA = 100
MISSED_WORDS = 5
PER_WORD = 200


def key_words(event: ScenarioCompleted) -> set[str]:
    return {item.lemma.strip().lower()[:MAX_LEMMA] for item in [*event.vocabulary_used, *event.vocabulary_missed]} - {""}


class VocabularyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def learn(self, events: Sequence[ScenarioCompleted]) -> None:
        rows = sorted({(e.language, lemma, e.scenario_id) for e in events for lemma in key_words(e)})
        table = ScenarioWordRow.__table__
        statement = insert_for(self.session, table).on_conflict_do_nothing()
        for chunk in chunked([{"language": lang, "lemma": lemma, "scenario_id": sid} for lang, lemma, sid in rows]):
            await self.session.execute(statement, list(chunk))

    async def missed(self, user_id: uuid.UUID, language: str) -> list[str]:
        """The words the learner missed most often in this language."""
        statement = (
            select(WeakSpotRow.key)
            .where(WeakSpotRow.user_id == user_id, WeakSpotRow.kind == "word", WeakSpotRow.language == language)
            .order_by(WeakSpotRow.times.desc(), WeakSpotRow.key)
            .limit(MISSED_WORDS)
        )
        return list(await self.session.scalars(statement))

    async def practising(self, language: str, lemmas: Sequence[str], limit: int) -> list[str]:
        """Scenarios whose key words include the most of ``lemmas``. Each word's scenarios are read
        up to a bound from the primary key's range, so the work stays the same however many
        scenarios share a common word."""
        overlap: Counter[str] = Counter()
        for lemma in lemmas:
            statement = (
                select(ScenarioWordRow.scenario_id)
                .where(ScenarioWordRow.language == language, ScenarioWordRow.lemma == lemma)
                .limit(PER_WORD)
            )
            overlap.update(await self.session.scalars(statement))
        ranked = sorted(overlap.items(), key=lambda pair: (-pair[1], pair[0]))
        return [scenario_id for scenario_id, _ in ranked[:limit]]
