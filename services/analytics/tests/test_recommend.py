"""Recommendations for one learner on SQLite and PostgreSQL: from their own history, at their
level first, each with its reason; never what they just finished, nor what they cannot play."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from parla.analytics.dashboard.service import record_completions
from parla.analytics.discovery.service import DiscoveryProjection, DiscoveryService
from parla.chassis.errors import InvalidArgument
from parla.contracts.events import ScenarioDeleted, ScenarioStarted, ScenarioUpdated
from parla.devstack.testing import scenario_completed, vocabulary

from .test_discovery import DAY, NOW, apply, published, rated, viewed


def started(user: uuid.UUID, scenario_id: str, category: str = "restaurant", at=NOW - DAY) -> ScenarioStarted:
    return ScenarioStarted(
        run_id=uuid.uuid4(),
        user_id=user,
        scenario_id=scenario_id,
        language="es",
        category=category,
        difficulty="beginner",
        occurred_at=at,
    )


def finished(user: uuid.UUID, scenario_id: str, score: float, *, category: str = "restaurant", at=NOW - 10 * DAY):
    return scenario_completed(
        user_id=user, scenario_id=scenario_id, score=score, category=category, language="es", completed_at=at
    )


async def record(db, *events) -> None:
    projection = DiscoveryProjection()
    async with db.transaction() as session:
        for event in events:
            handler = projection.started if isinstance(event, ScenarioStarted) else projection.completed
            await handler(session, [event])


@pytest.fixture
def discovery(db) -> DiscoveryService:
    return DiscoveryService(db=db, clock=lambda: NOW)


def picked(found) -> list[tuple[str, str]]:
    return [(d.scenario.scenario_id, reason.text) for d, reason in found]


async def catalogue(db) -> None:
    await apply(
        db,
        published("dinner-1"), published("dinner-2"), published("dinner-3"),
        published("airport", category="travel"), published("museum", category="hobbies"),
    )  # fmt: skip


async def test_a_new_learner_gets_what_is_popular_in_their_language(db, discovery):
    await catalogue(db)
    await apply(db, *(viewed("museum", NOW) for _ in range(3)), rated("museum", 5))
    found = await discovery.recommend(uuid.uuid4(), language="es", limit=2)
    assert picked(found)[0] == ("museum", "popular with learners of this language")


async def test_a_category_the_learner_struggled_with_comes_first_without_what_they_just_finished(db, discovery):
    await catalogue(db)
    learner = uuid.uuid4()
    await record(db, finished(learner, "dinner-1", 40, at=NOW - DAY), finished(learner, "airport", 95, category="travel"))
    found = picked(await discovery.recommend(learner, language="es", limit=3))
    assert found[0][1] == "because you struggled with restaurant scenarios"
    assert {scenario for scenario, _ in found[:2]} == {"dinner-2", "dinner-3"}
    assert "dinner-1" not in [scenario for scenario, _ in found], "finished yesterday"


async def test_what_the_learner_started_and_left_is_offered_first(db, discovery):
    await catalogue(db)
    learner = uuid.uuid4()
    await record(db, started(learner, "airport", "travel"))
    [(scenario, reason), *_] = picked(await discovery.recommend(learner, language="es"))
    assert (scenario, reason) == ("airport", "because you started it and have not finished it yet")


async def test_a_liked_category_is_recommended_with_that_reason(db, discovery):
    await catalogue(db)
    learner = uuid.uuid4()
    await record(db, finished(learner, "museum", 90, category="hobbies", at=NOW - 30 * DAY))
    await apply(db, rated("museum", 5).model_copy(update={"user_id": learner}), published("gallery", category="hobbies"))
    found = picked(await discovery.recommend(learner, language="es", limit=2))
    assert found[0] == ("gallery", "because you liked hobbies scenarios")
    assert ("museum", "because you liked hobbies scenarios") in found, "finished a month ago: worth playing again"


async def test_the_learners_level_comes_first_within_a_reason(db, discovery):
    await apply(db, published("easy"), published("hard", kind=ScenarioUpdated).model_copy(update={"difficulty": "advanced"}))
    await apply(db, *(viewed("easy", NOW) for _ in range(5)))
    assert picked(await discovery.recommend(uuid.uuid4(), language="es", level="advanced"))[0][0] == "hard"
    assert picked(await discovery.recommend(uuid.uuid4(), language="es", level="beginner"))[0][0] == "easy"


async def test_nothing_private_to_someone_else_or_deleted_is_ever_recommended(db, discovery):
    await catalogue(db)
    learner = uuid.uuid4()
    await apply(db, published("secret", kind=ScenarioUpdated, visibility="private"), published("gone", at=NOW - 20 * DAY))
    await apply(
        db, published("gone", kind=ScenarioDeleted, at=NOW - DAY), *(viewed(s, NOW) for s in ("secret", "gone") for _ in range(9))
    )
    await record(db, started(learner, "secret"), started(learner, "gone"))
    found = [scenario for scenario, _ in picked(await discovery.recommend(learner, language="es", limit=20))]
    assert "secret" not in found and "gone" not in found and found


async def test_scenarios_that_practise_the_words_a_learner_keeps_missing_come_with_those_words(db, discovery):
    await catalogue(db)
    await apply(db, published("secret", kind=ScenarioUpdated, visibility="private"))
    someone, learner = uuid.uuid4(), uuid.uuid4()
    # Other learners' runs teach analytics each scenario's key words.
    await record(
        db,
        finished(someone, "museum", 90, category="hobbies").model_copy(
            update={"vocabulary_used": vocabulary("entrada", "cuadro")}
        ),
        finished(someone, "airport", 90, category="travel").model_copy(update={"vocabulary_used": vocabulary("maleta")}),
        finished(someone, "secret", 90).model_copy(update={"vocabulary_used": vocabulary("entrada", "cuadro")}),
    )
    missed = finished(learner, "dinner-1", 80).model_copy(update={"vocabulary_missed": vocabulary("cuadro", "entrada")})
    await record(db, missed)
    async with db.transaction() as session:
        await record_completions(session, [missed])
    found = picked(await discovery.recommend(learner, language="es", limit=3))
    assert found[0] == ("museum", "because it practises words you missed (cuadro, entrada)")
    assert "secret" not in [scenario for scenario, _ in found]


async def test_bad_arguments_are_refused_naming_them(db, discovery):
    for arguments, field in (({"language": "xx"}, "language"), ({"language": "es", "level": "expert"}, "level")):
        with pytest.raises(InvalidArgument) as refused:
            await discovery.recommend(uuid.uuid4(), **arguments)
        assert field in refused.value.details


async def test_the_hub_includes_the_learners_recommendations(db, discovery):
    await catalogue(db)
    learner = uuid.uuid4()
    await record(db, started(learner, "airport", "travel", at=NOW - timedelta(hours=2)))
    hub = await discovery.hub(language="es", limit=3, user_id=learner)
    assert hub["recommended"][0][0].scenario.scenario_id == "airport"


async def test_each_reason_carries_a_code_and_parameters_for_a_client_to_say_it_in_its_own_language(db, discovery):
    await catalogue(db)
    learner = uuid.uuid4()
    await record(db, finished(learner, "dinner-1", 40, at=NOW - DAY), started(learner, "airport", "travel"))
    reasons = [reason for _, reason in await discovery.recommend(learner, language="es", limit=5)]
    assert [r.code for r in reasons[:2]] == ["unfinished", "struggled_category"]
    assert dict(reasons[1].params) == {"category": "restaurant", "category_name": "restaurant"}
    assert reasons[-1].code == "popular" and reasons[-1].params == ()
