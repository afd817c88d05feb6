"""Kafka event models and the topic map (no broker)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from parla.contracts.events import (
    EVENT_MODELS,
    AchievementUnlocked,
    AiUsageRecorded,
    BookmarkAdded,
    BookmarkRemoved,
    BudgetThresholdCrossed,
    CardCreated,
    CollectionChanged,
    CollectionSubscribed,
    ContentDeleted,
    ContentImported,
    ContentStudied,
    Event,
    MemoryState,
    Mistake,
    RatingDeleted,
    RatingDimensions,
    RatingSubmitted,
    ReviewRecorded,
    ScenarioCompleted,
    ScenarioDeleted,
    ScenarioPublished,
    ScenarioStarted,
    ScenarioUpdated,
    ScenarioViewed,
    UserRegistered,
    UserUpdated,
    VocabularyOutcome,
    XpGranted,
)
from parla.contracts.topics import DLQ_SUFFIX, TOPICS, Topic, all_topic_names, topic_for

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
USER = uuid.UUID("11111111-2222-4333-8444-555555555555")
RUN = uuid.UUID("66666666-7777-4888-9999-aaaaaaaaaaaa")


def _completed(**overrides) -> dict:
    fields = dict(
        run_id=RUN,
        user_id=USER,
        scenario_id="hotel-check-in",
        title="Registrarse en el hotel",
        language="es",
        category="travel",
        difficulty="beginner",
        score=81.3,
        phases_total=4,
        phases_completed=4,
        started_at=NOW - timedelta(minutes=14),
        completed_at=NOW,
        duration_seconds=840,
        estimated_minutes=15,
        vocabulary_used=[VocabularyOutcome(term="la llave", lemma="llave", gloss="key")],
        vocabulary_missed=[VocabularyOutcome(term="el ascensor", lemma="ascensor", gloss="lift")],
        mistakes=[Mistake(said="un habitación", correction="una habitación", explanation="feminine")],
    )
    fields.update(overrides)
    return fields


SAMPLES: list[Event] = [
    UserRegistered(user_id=USER, display_name="Ana", native_language="en", target_languages=["es", "fr"]),
    ScenarioStarted(
        run_id=RUN, user_id=USER, scenario_id="hotel-check-in", language="es", category="travel", difficulty="beginner"
    ),
    ScenarioCompleted(**_completed()),
    CardCreated(card_id=uuid.uuid4(), user_id=USER, language="es", lemma="llave", source_kind="scenario_run", source_id=str(RUN)),
    ContentImported(
        document_id=uuid.uuid4(),
        user_id=USER,
        title="En el mercado",
        kind="docx",
        language="es",
        level="B1",
        word_count=1200,
        topics=["mercado", "comprar"],
    ),
    ContentStudied(document_id=uuid.uuid4(), user_id=USER, language="es", seconds=300, progress_percent=40),
    ReviewRecorded(
        review_id=uuid.uuid4(),
        user_id=USER,
        card_id=uuid.uuid4(),
        language="es",
        rating="good",
        reviewed_at=NOW,
        elapsed_days=3.5,
        retrievability=0.87,
        before=MemoryState(state="review", stability=4.1, difficulty=5.2),
        after=MemoryState(state="review", stability=11.8, difficulty=5.1),
        next_due=NOW,
    ),
    ScenarioViewed(user_id=USER, scenario_id="hotel-check-in", language="es", category="travel", difficulty="beginner"),
    AiUsageRecorded(user_id=USER, provider="openai-compatible", model="m", tokens_in=900, tokens_out=120, cost_usd=0.0021),
    BudgetThresholdCrossed(user_id=USER, threshold=75, level="orange", spent_usd=22.5, limit_usd=30.0, period_start=NOW),
    *(
        model(
            scenario_id="mi-hotel-1a2b3c",
            owner_id=USER,
            visibility="public",
            category="travel",
            difficulty="beginner",
            languages=["es"],
            titles={"es": "Mi hotel"},
            text="Mi hotel\nel pasaporte",
            texts={"es": "Mi hotel\nel pasaporte"},
            estimated_minutes=15,
        )
        for model in (ScenarioPublished, ScenarioUpdated, ScenarioDeleted)
    ),
    ContentDeleted(document_id=uuid.uuid4(), user_id=USER),
    RatingSubmitted(
        rating_id=uuid.uuid4(),
        user_id=USER,
        scenario_id="hotel-check-in",
        overall=4,
        dimensions=RatingDimensions(difficulty_accuracy=4, engagement=5, learning_effectiveness=4, cultural_authenticity=3),
        has_review=True,
        previous_overall=3,
    ),
    RatingDeleted(rating_id=uuid.uuid4(), user_id=USER, scenario_id="hotel-check-in", overall=4),
    *(model(user_id=USER, item_kind="scenario", item_id="hotel-check-in") for model in (BookmarkAdded, BookmarkRemoved)),
    CollectionChanged(
        collection_id=uuid.uuid4(), owner_id=USER, change="items", visibility="public", learning_path=True, item_count=3
    ),
    CollectionSubscribed(collection_id=uuid.uuid4(), owner_id=uuid.uuid4(), user_id=USER, subscribed=True),
    UserUpdated(user_id=USER, display_name="Ana", timezone="Asia/Tokyo", leaderboard_opt_in=True),
    XpGranted(
        user_id=USER,
        source="scenario",
        source_id=str(RUN),
        language="es",
        amount=75,
        total=290,
        level=3,
        granted_at=datetime(2026, 6, 1, tzinfo=UTC),
    ),
    AchievementUnlocked(user_id=USER, code="first_steps", title="First Steps", unlocked_at=datetime(2026, 6, 1, tzinfo=UTC)),
]


def test_samples_cover_every_event_model():
    assert {type(e) for e in SAMPLES} == set(EVENT_MODELS.values())


@pytest.mark.parametrize("key", list(EVENT_MODELS), ids=lambda k: f"{k[0]}-v{k[1]}")
def test_every_event_model_has_a_topic(key):
    event_type, _version = key
    model = EVENT_MODELS[key]
    assert model.event_type == event_type
    assert event_type in TOPICS
    assert topic_for(event_type).name == event_type


@pytest.mark.parametrize("event", SAMPLES, ids=lambda e: e.event_type)
def test_envelope_round_trips_through_json(event):
    envelope = event.envelope()
    assert envelope["event_type"] == event.event_type
    wire = json.dumps(envelope)
    model = EVENT_MODELS[(envelope["event_type"], envelope["schema_version"])]
    decoded = model.model_validate(json.loads(wire))
    assert type(decoded) is type(event)
    assert decoded == event
    assert decoded.occurred_at == event.occurred_at and decoded.occurred_at.tzinfo is not None


SCENARIO_KEYED = {"scenario.viewed", "scenario.published", "scenario.updated", "scenario.deleted"}


@pytest.mark.parametrize("event", SAMPLES, ids=lambda e: e.event_type)
def test_partition_key_is_the_aggregate_that_needs_order(event):
    # A learner's own events stay in order per learner; a scenario's catalogue events per scenario;
    # a collection's (changed by its owner, subscribed to by others) per collection.
    if event.event_type in SCENARIO_KEYED:
        expected = event.scenario_id
    elif event.event_type.startswith("collection."):
        expected = str(event.collection_id)
    else:
        expected = str(USER)
    assert event.partition_key() == expected


def test_base_event_has_no_partition_key():
    with pytest.raises(NotImplementedError):
        Event().partition_key()


def test_unknown_extra_fields_are_ignored():
    payload = ScenarioCompleted(**_completed()).envelope()
    payload["new_optional_field"] = {"added": "later"}
    payload["vocabulary_used"][0]["frequency_band"] = 3
    payload["mistakes"][0]["severity"] = "minor"
    decoded = ScenarioCompleted.model_validate(payload)
    assert not hasattr(decoded, "new_optional_field")
    assert "frequency_band" not in decoded.vocabulary_used[0].model_dump()
    assert "severity" not in decoded.mistakes[0].model_dump()
    assert decoded.model_dump(mode="json") == _clean(payload)


def _clean(payload: dict) -> dict:
    clean = {k: v for k, v in payload.items() if k not in ("event_type", "new_optional_field")}
    clean["vocabulary_used"] = [{k: v for k, v in w.items() if k != "frequency_band"} for w in clean["vocabulary_used"]]
    clean["mistakes"] = [{k: v for k, v in m.items() if k != "severity"} for m in clean["mistakes"]]
    return clean


@pytest.mark.parametrize("missing", ["run_id", "user_id", "score", "completed_at", "language"])
def test_missing_required_field_fails(missing):
    payload = ScenarioCompleted(**_completed()).envelope()
    del payload[missing]
    with pytest.raises(ValidationError) as info:
        ScenarioCompleted.model_validate(payload)
    assert missing in str(info.value)


def test_missing_required_field_of_a_nested_item_fails():
    payload = ScenarioCompleted(**_completed()).envelope()
    del payload["vocabulary_used"][0]["lemma"]
    with pytest.raises(ValidationError):
        ScenarioCompleted.model_validate(payload)


@pytest.mark.parametrize("score", [-0.1, -5, 100.01, 1000])
def test_score_outside_0_to_100_fails(score):
    with pytest.raises(ValidationError) as info:
        ScenarioCompleted(**_completed(score=score))
    assert "score" in str(info.value)


@pytest.mark.parametrize("score", [0, 0.0, 55.5, 100])
def test_score_on_or_inside_the_bounds_passes(score):
    assert ScenarioCompleted(**_completed(score=score)).score == score


@pytest.mark.parametrize("field", ["duration_seconds", "phases_total", "phases_completed", "estimated_minutes"])
def test_negative_counts_fail(field):
    with pytest.raises(ValidationError):
        ScenarioCompleted(**_completed(**{field: -1}))


def test_oversized_text_fails():
    with pytest.raises(ValidationError):
        Mistake(said="x" * 10_001, correction="y")


def test_events_are_immutable():
    event = SAMPLES[0]
    with pytest.raises(ValidationError):
        event.display_name = "Changed"  # type: ignore[misc]


def test_each_event_gets_its_own_id():
    a, b = (ScenarioCompleted(**_completed()) for _ in range(2))
    assert a.event_id != b.event_id


def test_all_topic_names_include_a_dlq_twin_for_every_topic():
    names = dict(all_topic_names())
    for topic in TOPICS.values():
        assert names[topic.name] == topic.partitions
        assert names[topic.name + DLQ_SUFFIX] == 1
    assert len(names) == 2 * len(TOPICS)
    assert len(all_topic_names()) == len(names)  # no duplicates


def test_all_topic_names_without_dlq_has_none():
    names = [name for name, _ in all_topic_names(with_dlq=False)]
    assert sorted(names) == sorted(t.name for t in TOPICS.values())
    assert not any(name.endswith(DLQ_SUFFIX) for name in names)


def test_topic_dlq_name():
    assert Topic("scenario.completed").dlq == "scenario.completed.dlq"


@pytest.mark.parametrize("event_type", ["scenario.finished", "", "SCENARIO.COMPLETED", "scenario.completed.dlq"])
def test_topic_for_unknown_type_raises_key_error_naming_the_topic_map(event_type):
    with pytest.raises(KeyError) as info:
        topic_for(event_type)
    message = info.value.args[0]
    assert repr(event_type) in message
    assert "parla.contracts.topics.TOPICS" in message
