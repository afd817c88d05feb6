"""Discovery from events: the handlers that keep its read models, and the lists read from them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from parla.analytics.discovery import domain, recommend
from parla.analytics.discovery.db import DiscoveryRow, DiscoveryScenarioRow, ScenarioStatsRow
from parla.analytics.discovery.repository import DiscoveryRepository, LearnerRepository
from parla.analytics.discovery.vocabulary import VocabularyRepository
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, one_of
from parla.chassis.inbox import newest_per_key
from parla.contracts.events import (
    BookmarkAdded,
    BookmarkRemoved,
    RatingDeleted,
    RatingSubmitted,
    ScenarioChanged,
    ScenarioCompleted,
    ScenarioDeleted,
    ScenarioStarted,
    ScenarioViewed,
)

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "zh", "ja")
CATEGORIES = (
    "travel",
    "restaurant",
    "shopping",
    "business",
    "healthcare",
    "social",
    "emergency",
    "education",
    "daily_life",
    "hobbies",
)
MAX_PAGE = 100
MAX_OFFSET = 10_000
MAX_HUB_LIST = 20


def _now() -> datetime:
    return datetime.now(UTC)


def _learner_and_scenario(event: ScenarioStarted | ScenarioCompleted) -> tuple:
    return (event.user_id, event.scenario_id)


class DiscoveryProjection:
    """Handlers of the events discovery is kept from; each takes a batch of one event type."""

    def __init__(
        self, half_life: timedelta = domain.DEFAULT_HALF_LIFE, top_rated_minimum: int = domain.DEFAULT_TOP_RATED_MINIMUM
    ) -> None:
        if half_life < domain.MIN_HALF_LIFE:
            raise ValueError(f"the trending half-life must be at least {domain.MIN_HALF_LIFE}")
        self.half_life = half_life
        self.top_rated_minimum = top_rated_minimum

    def _repository(self, session: AsyncSession) -> DiscoveryRepository:
        return DiscoveryRepository(session, self.top_rated_minimum)

    async def scenarios_changed(self, session: AsyncSession, events: Sequence[ScenarioChanged]) -> None:
        repository = self._repository(session)
        latest = {e.scenario_id: e for e in newest_per_key(events, lambda e: e.scenario_id)}
        await repository.put_scenarios(
            [
                {
                    "scenario_id": e.scenario_id,
                    "owner_id": e.owner_id,
                    "visibility": e.visibility,
                    "category": e.category,
                    "difficulty": e.difficulty,
                    "languages": list(e.languages),
                    "titles": dict(e.titles),
                    "deleted": isinstance(e, ScenarioDeleted),
                    "changed_at": e.occurred_at,
                }
                for e in latest.values()
            ]
        )
        await repository.list_rows(latest)
        first_public: dict[str, datetime] = {}
        for e in events:
            if e.visibility == "public" and not isinstance(e, ScenarioDeleted):
                first_public[e.scenario_id] = min(e.occurred_at, first_public.get(e.scenario_id, e.occurred_at))
        await repository.mark_public_since(first_public)

    async def viewed(self, session: AsyncSession, events: Sequence[ScenarioViewed]) -> None:
        await self._engaged(session, [(e.language, e.scenario_id, e.occurred_at) for e in events], domain.VIEW, "views")

    async def started(self, session: AsyncSession, events: Sequence[ScenarioStarted]) -> None:
        await self._engaged(session, [(e.language, e.scenario_id, e.occurred_at) for e in events], domain.START, "starts")
        await LearnerRepository(session).started(
            [
                {"user_id": e.user_id, "scenario_id": e.scenario_id, "category": e.category, "started_at": e.occurred_at}
                for e in newest_per_key(events, _learner_and_scenario)
            ]
        )

    async def completed(self, session: AsyncSession, events: Sequence[ScenarioCompleted]) -> None:
        await self._engaged(
            session, [(e.language, e.scenario_id, e.completed_at) for e in events], domain.COMPLETION, "completions"
        )
        await self._repository(session).refresh_scores(e.scenario_id for e in events)
        await VocabularyRepository(session).learn(events)
        count = Counter(_learner_and_scenario(e) for e in events)
        await LearnerRepository(session).completed(
            [
                {"user_id": e.user_id, "scenario_id": e.scenario_id, "category": e.category, "completed_at": e.completed_at}
                | {"last_score": e.score, "completions": count[_learner_and_scenario(e)]}
                for e in newest_per_key(events, _learner_and_scenario, lambda e: e.completed_at)
            ]
        )

    async def _engaged(self, session: AsyncSession, engagements, kind: str, counter: str) -> None:
        trend: dict[tuple[str, str], float] = defaultdict(float)
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for language, scenario_id, at in engagements:
            trend[(language, scenario_id)] += domain.contribution(kind, at, self.half_life)
            counts[scenario_id][counter] += 1
        repository = self._repository(session)
        await repository.add_trend(trend)
        await repository.add_counts(counts)

    async def rated(self, session: AsyncSession, events: Sequence[RatingSubmitted]) -> None:
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        trend: dict[str, float] = defaultdict(float)
        for e in events:
            counts[e.scenario_id]["ratings"] += 1 if e.previous_overall is None else 0
            counts[e.scenario_id]["ratings_sum"] += e.overall - (e.previous_overall or 0)
            if e.previous_overall is None:  # a changed rating is not more engagement
                trend[e.scenario_id] += domain.contribution(domain.RATING, e.occurred_at, self.half_life)
        await self._counted(session, counts, trend)
        await LearnerRepository(session).rated({(e.user_id, e.scenario_id): e.overall for e in events})

    async def unrated(self, session: AsyncSession, events: Sequence[RatingDeleted]) -> None:
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for e in events:
            counts[e.scenario_id]["ratings"] -= 1
            counts[e.scenario_id]["ratings_sum"] -= e.overall
        await self._counted(session, counts, {})
        await LearnerRepository(session).rated({(e.user_id, e.scenario_id): None for e in events})

    async def bookmarked(self, session: AsyncSession, events: Sequence[BookmarkAdded]) -> None:
        scenarios = [e for e in events if e.item_kind == "scenario"]
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        trend: dict[str, float] = defaultdict(float)
        for e in scenarios:
            counts[e.item_id]["bookmarks"] += 1
            trend[e.item_id] += domain.contribution(domain.BOOKMARK, e.occurred_at, self.half_life)
        await self._counted(session, counts, trend)

    async def unbookmarked(self, session: AsyncSession, events: Sequence[BookmarkRemoved]) -> None:
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for e in events:
            if e.item_kind == "scenario":
                counts[e.item_id]["bookmarks"] -= 1
        await self._counted(session, counts, {})

    async def _counted(self, session: AsyncSession, counts, trend) -> None:
        repository = self._repository(session)
        await repository.add_counts(counts)
        await repository.add_trend_everywhere(trend)
        await repository.refresh_scores(counts)


@dataclass(frozen=True)
class Discovered:
    row: DiscoveryRow
    scenario: DiscoveryScenarioRow
    stats: ScenarioStatsRow | None
    score: float


@dataclass(frozen=True)
class DiscoveryPage:
    scenarios: list[Discovered]
    has_more: bool


class DiscoveryService:
    def __init__(
        self,
        *,
        db: Database,
        half_life: timedelta = domain.DEFAULT_HALF_LIFE,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self._db = db
        self._half_life = half_life
        self._clock = clock

    async def page(self, order: str, *, language: str, category: str = "", limit: int = 0, offset: int = 0) -> DiscoveryPage:
        one_of(language, LANGUAGES, "language")
        if category:
            one_of(category, CATEGORIES, "category")
        if limit < 0 or not 0 <= offset <= MAX_OFFSET:
            raise InvalidArgument(f"limit is 0-{MAX_PAGE} and offset 0-{MAX_OFFSET}", details={"limit": "out of range"})
        async with self._db.reading() as session:
            return await self._page(DiscoveryRepository(session), order, language, category, min(limit or 20, MAX_PAGE), offset)

    async def _page(
        self, repository: DiscoveryRepository, order: str, language: str, category: str, limit: int, offset: int = 0
    ) -> DiscoveryPage:
        rows = await repository.page(order, language=language, category=category, limit=limit, offset=offset)
        now = self._clock()
        found = [Discovered(row, scenario, stats, self._score(order, row, now)) for row, scenario, stats in rows[:limit]]
        return DiscoveryPage(found, len(rows) > limit)

    def _score(self, order: str, row: DiscoveryRow, now: datetime) -> float:
        if order == "trending":
            return domain.decayed(row.trend, now, self._half_life)
        return row.popular if order == "popular" else row.mean_rating

    async def recommend(
        self, user_id, *, language: str, level: str = "", limit: int = 0
    ) -> list[tuple[Discovered, recommend.Reason]]:
        """For one learner: scenarios they started and did not finish, then those that practise
        the words they keep missing, then those their history asks for (categories they struggled
        with, then liked, then what is popular), at their level first; never one they finished in
        the last week."""
        _check_learner(language, level)
        async with self._db.reading() as session:
            return await self._recommend(session, user_id, language, level, min(limit or 10, MAX_HUB_LIST))

    async def _recommend(
        self, session: AsyncSession, user_id, language: str, level: str, limit: int
    ) -> list[tuple[Discovered, recommend.Reason]]:
        repository = DiscoveryRepository(session)
        history = [
            recommend.History(r.scenario_id, r.category, r.started_at, r.completed_at, r.last_score, r.rating)
            for r in await LearnerRepository(session).history(user_id)
        ]
        skip = recommend.excluded(history, self._clock())
        unfinished = [h.scenario_id for h in recommend.unfinished(history) if h.scenario_id not in skip]
        candidates: list[tuple[recommend.Wish, list[Discovered]]] = []
        if unfinished:
            finishing = recommend.Wish("", recommend.Reason("unfinished"))
            candidates.append((finishing, await self._these(repository, unfinished[:limit], language)))
        words = VocabularyRepository(session)
        missed = await words.missed(user_id, language)
        if missed:
            practising = recommend.Wish("", recommend.missed_words_reason(missed))
            candidates.append(
                (practising, await self._these(repository, await words.practising(language, missed, limit * 3), language))
            )
        for wish in recommend.wishes(history, {c: c.replace("_", " ") for c in CATEGORIES})[:4]:
            found = (await self._page(repository, "popular", language, wish.category, limit * 3)).scenarios
            candidates.append((wish, found))
        return recommend.pick(
            candidates,
            level=level,
            skip=skip,
            played={h.scenario_id for h in history if h.completed_at is not None},
            limit=limit,
            scenario_of=lambda d: (d.scenario.scenario_id, d.scenario.difficulty),
        )

    @staticmethod
    async def _these(repository: DiscoveryRepository, scenario_ids: Sequence[str], language: str) -> list[Discovered]:
        rows = await repository.rows_of(scenario_ids, language)
        order = {s: n for n, s in enumerate(scenario_ids)}
        found = [Discovered(row, scenario, stats, row.popular) for row, scenario, stats in rows]
        return sorted(found, key=lambda d: order[d.scenario.scenario_id])

    async def hub(self, *, language: str, limit: int = 0, user_id=None, level: str = "") -> dict:
        """Every list of the hub, read in one session."""
        _check_learner(language, level)
        limit = min(limit or 10, MAX_HUB_LIST)
        async with self._db.reading() as session:
            repository = DiscoveryRepository(session)
            lists = {
                order: (await self._page(repository, order, language, "", limit)).scenarios
                for order in ("trending", "popular", "top_rated")
            }
            categories = {}
            for category in CATEGORIES:
                found = (await self._page(repository, "trending", language, category, limit)).scenarios
                if found:
                    categories[category] = found
            recommended = await self._recommend(session, user_id, language, level, limit) if user_id else []
        return lists | {"categories": categories, "recommended": recommended}


def _check_learner(language: str, level: str) -> None:
    one_of(language, LANGUAGES, "language")
    if level:
        one_of(level, tuple(recommend.LEVEL_DIFFICULTY), "level")
