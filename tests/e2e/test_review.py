"""Reviewing through the whole stack: a card made by a played run reaches the deck through Kafka,
a session shows it with its four intervals, a review is recorded once however often it is sent
and published as review.recorded, and an offline client's batch syncs."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import orjson
from aiokafka import AIOKafkaConsumer

from parla.contracts.topics import topic_for
from parla.devstack.testing import eventually

from .conftest import new_learner, play


async def recorded_reviews(bootstrap: str, user_id: str) -> list[dict]:
    consumer = AIOKafkaConsumer(
        topic_for("review.recorded").name, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None
    )
    await consumer.start()
    try:
        batches = await consumer.getmany(timeout_ms=2000)
        events = [orjson.loads(record.value) for records in batches.values() for record in records]
        return [event for event in events if event["user_id"] == user_id]
    finally:
        await consumer.stop()


async def test_a_run_card_is_reviewed_once_however_often_sent_published_and_an_offline_batch_syncs(api, kafka):
    learner = await new_learner(api)
    await play(api, learner, "restaurant-dinner-reservation")

    async def deck_has_cards():
        due = (await api.get("/api/v1/review/due", params={"limit": 200}, headers=learner.headers)).json()
        return due["cards"] or None

    cards = await eventually(deck_has_cards, timeout=60)
    preflight = await api.get("/api/v1/scenarios/restaurant-dinner-reservation/preflight?language=es", headers=learner.headers)
    assert preflight.status_code == 200, preflight.text
    assert preflight.json()["session"]["cards"] == len(cards), "the run's missed words, all new, before playing it again"
    session = await api.post("/api/v1/review/sessions", json={}, headers=learner.headers)
    assert session.status_code == 201, session.text
    session_id = session.json()["id"]
    shown = (await api.get(f"/api/v1/review/sessions/{session_id}/next", headers=learner.headers)).json()
    assert shown["card"]["id"] in {card["id"] for card in cards}
    assert [interval["rating"] for interval in shown["intervals"]] == ["again", "hard", "good", "easy"]
    assert [i["seconds"] for i in shown["intervals"]] == sorted(i["seconds"] for i in shown["intervals"])

    review = {"client_review_id": str(uuid.uuid4()), "card_id": shown["card"]["id"], "rating": "good", "session_id": session_id}
    first = await api.post("/api/v1/reviews", json=review, headers=learner.headers)
    retry = await api.post("/api/v1/reviews", json=review, headers=learner.headers)
    assert (first.status_code, first.json()["status"], retry.json()["status"]) == (200, "applied", "duplicate")
    assert retry.json()["card"]["due"] == first.json()["card"]["due"]

    events = await eventually(lambda: recorded_reviews(kafka.bootstrap, learner.user_id), timeout=30)
    assert len(events) == 1 and events[0]["rating"] == "good" and events[0]["before"]["state"] == "new"

    # An offline phone's reviews of two more cards, sent twice (the first answer was lost).
    others = [card["id"] for card in cards if card["id"] != shown["card"]["id"]][:2]
    earlier = datetime.now(UTC) - timedelta(hours=1)
    batch = {
        "reviews": [
            {"client_review_id": str(uuid.uuid4()), "card_id": card_id, "rating": "easy", "reviewed_at": earlier.isoformat()}
            for card_id in others
        ]
        + [{"client_review_id": str(uuid.uuid4()), "card_id": str(uuid.uuid4()), "rating": "good"}]
    }
    synced = (await api.post("/api/v1/reviews/sync", json=batch, headers=learner.headers)).json()
    assert [result["status"] for result in synced["results"]] == ["applied", "applied", "conflict"]
    again = (await api.post("/api/v1/reviews/sync", json=batch, headers=learner.headers)).json()
    assert [result["status"] for result in again["results"]] == ["duplicate", "duplicate", "conflict"]
    card = (await api.get(f"/api/v1/cards/{others[0]}", headers=learner.headers)).json()
    assert (card["state"], card["reviews"]) == ("review", 1)
    assert datetime.fromisoformat(card["last_review"]) == earlier, "when it happened offline"
    stats = (await api.get("/api/v1/review/stats", headers=learner.headers)).json()
    assert sum(day["reviews"] for day in stats["reviews_per_day"]) == 3
    assert len(stats["calibration"]) == 10 and stats["true_retention"] is None
    exported = await api.get("/api/v1/review/export", headers=learner.headers)
    header, *rows = exported.text.splitlines()
    assert header.startswith("card_id,review_time,review_rating,review_state") and len(rows) == 3
