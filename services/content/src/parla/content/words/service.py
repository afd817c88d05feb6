"""Use cases of word statuses: the learner sets them; completed runs move them forward."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, one_of
from parla.content.words.db import WordStatusRow
from parla.content.words.domain import MAX_BATCH, STATUSES, checked_word, normal_lemma
from parla.content.words.repository import WordRepository
from parla.contracts.events import ScenarioCompleted
from parla.language import LANGUAGES

MAX_PAGE = 200
# What a document's analysis is told of the learner's words at most.
MAX_KNOWN_FOR_ANALYSIS = 100_000


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class WordsPage:
    words: list[WordStatusRow]
    total: int
    counts: list[tuple[str, str, int]]


class WordService:
    def __init__(self, *, db: Database) -> None:
        self._db = db

    async def set_statuses(self, caller: Principal, words: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
        """(language, lemma, status) each; all are set, or none (the first invalid one is named)."""
        if not words:
            raise InvalidArgument("send at least one word", details={"words": "empty"})
        if len(words) > MAX_BATCH:
            raise InvalidArgument(
                f"at most {MAX_BATCH} words at once; send the rest in another request", details={"words": "too many"}
            )
        checked = [checked_word(*word) for word in words]
        if len({(language, lemma) for language, lemma, _ in checked}) != len(checked):
            raise InvalidArgument("a word appears twice in the request; send each once", details={"words": "duplicate"})
        async with self._db.transaction() as session:
            await WordRepository(session).set(caller.user_id, checked, _now())
        return checked

    async def words(self, caller: Principal, *, language: str, status: str, limit: int, offset: int) -> WordsPage:
        if language:
            one_of(language, LANGUAGES, "language")
        if status:
            one_of(status, STATUSES, "status")
        if limit < 0 or offset < 0:
            raise InvalidArgument("limit and offset must not be negative")
        async with self._db.reading() as session:
            words = WordRepository(session)
            rows, total = await words.page(
                caller.user_id, language=language or None, status=status or None, limit=min(limit or 50, MAX_PAGE), offset=offset
            )
            counts = await words.counts(caller.user_id)
        return WordsPage(rows, total, counts)


async def advance_words_used(session: AsyncSession, completions: Sequence[ScenarioCompleted]) -> None:
    """Words a learner used correctly in a completed run are at least "learning"."""
    used = {
        (completed.user_id, completed.language, normal_lemma(item.lemma))
        for completed in completions
        for item in completed.vocabulary_used
        if item.lemma.strip()
    }
    await WordRepository(session).advance(used, "learning", _now())


async def statuses_for_analysis(db: Database, user_id) -> dict[str, dict[str, str]]:
    async with db.reading() as session:
        return await WordRepository(session).statuses(user_id, limit=MAX_KNOWN_FOR_ANALYSIS)
