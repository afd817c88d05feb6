"""Organising through the whole stack: the organization service learns scenarios and completions
from Kafka, a learner's private scenario is theirs alone to collect, rating waits for a completed
run, and what a learner organises is published for analytics."""

from __future__ import annotations

import orjson
from aiokafka import AIOKafkaConsumer

from parla.contracts.topics import topic_for
from parla.devstack.testing import eventually

from .conftest import new_learner, play
from .test_authoring import draft_from_template

SCENARIO = "restaurant-dinner-reservation"
RATING = {
    "overall": 4,
    "dimensions": {"difficulty_accuracy": 4, "engagement": 5, "learning_effectiveness": 4, "cultural_authenticity": 3},
    "review": "The waiter's lines felt real.",
}


async def published(bootstrap: str, event_type: str, user_id: str) -> list[dict]:
    consumer = AIOKafkaConsumer(
        topic_for(event_type).name, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None
    )
    await consumer.start()
    try:
        batches = await consumer.getmany(timeout_ms=2000)
        events = [orjson.loads(record.value) for records in batches.values() for record in records]
        return [event for event in events if event.get("user_id") == user_id or event.get("owner_id") == user_id]
    finally:
        await consumer.stop()


async def test_a_learner_collects_rates_and_bookmarks_what_the_service_learned_from_events(api, kafka):
    learner, other = await new_learner(api), await new_learner(api)

    # The system scenarios reach the organization service as scenario.published when seeded.
    async def collected():
        answer = await api.post(
            "/api/v1/collections",
            json={
                "name": "Eating out",
                "visibility": "public",
                "learning_path": True,
                "items": [{"kind": "scenario", "id": SCENARIO}],
            },
            headers=learner.headers,
        )
        return answer if answer.status_code == 201 else None

    collection = (await eventually(collected, timeout=60)).json()
    assert collection["next_up"]["item"]["ref"]["id"] == SCENARIO and collection["total_minutes"] > 0

    # Rating waits for a completed run, which arrives as scenario.completed.
    early = await api.put(f"/api/v1/scenarios/{SCENARIO}/ratings", json=RATING, headers=learner.headers)
    assert early.status_code == 409, early.text
    await play(api, learner, SCENARIO)

    async def rated():
        answer = await api.put(f"/api/v1/scenarios/{SCENARIO}/ratings", json=RATING, headers=learner.headers)
        return answer if answer.status_code == 200 else None

    await eventually(rated, timeout=60)
    summary = (await api.get(f"/api/v1/scenarios/{SCENARIO}/ratings/summary", headers=other.headers)).json()
    assert summary["count"] >= 1 and summary["review_count"] >= 1
    path = (await api.get(f"/api/v1/collections/{collection['id']}", headers=learner.headers)).json()
    assert path["items"][0]["done"] and path["next_up"] is None

    # Its keyword tags were made from its own words; the learner adds one of theirs.
    async def keyword_tags():
        tags = (await api.get(f"/api/v1/tags/items/scenario/{SCENARIO}", headers=learner.headers)).json()
        return {t["tag"] for t in tags["generated"] if t["language"] == "es"} or None

    assert "mesa" in await eventually(keyword_tags, timeout=30)
    tagged = await api.post(f"/api/v1/tags/items/scenario/{SCENARIO}", json={"tags": ["Cena  Fuera"]}, headers=learner.headers)
    assert tagged.status_code == 200 and tagged.json()["mine"] == ["cena fuera"]

    toggled = await api.post("/api/v1/bookmarks/toggle", json={"kind": "scenario", "id": SCENARIO}, headers=learner.headers)
    assert toggled.status_code == 200 and toggled.json()["bookmarked"]
    check = await api.get("/api/v1/bookmarks/check", params={"scenario": [SCENARIO, "hotel-check-in"]}, headers=learner.headers)
    assert [ref["id"] for ref in check.json()["bookmarked"]] == [SCENARIO]

    # Another learner sees the public path, not its owner's private copy.
    copy = await api.post(f"/api/v1/collections/{collection['id']}/duplicate", headers=other.headers)
    assert copy.status_code == 201 and copy.json()["visibility"] == "private"
    assert (await api.get(f"/api/v1/collections/{copy.json()['id']}", headers=learner.headers)).status_code == 404

    for event_type in ("collection.changed", "rating.submitted", "bookmark.added"):
        events = await eventually(
            lambda event_type=event_type: published(kafka.bootstrap, event_type, learner.user_id), timeout=30
        )
        assert events, event_type


async def test_a_private_scenario_is_its_authors_to_collect_and_nobody_elses(api):
    author, other = await new_learner(api), await new_learner(api)
    created = await api.post("/api/v1/scenarios", json=await draft_from_template(api, author), headers=author.headers)
    scenario_id = created.json()["summary"]["id"]
    mine = (await api.post("/api/v1/collections", json={"name": "Drafts"}, headers=author.headers)).json()
    theirs = (await api.post("/api/v1/collections", json={"name": "Stolen"}, headers=other.headers)).json()
    item = {"kind": "scenario", "id": scenario_id}

    async def added():
        answer = await api.post(f"/api/v1/collections/{mine['id']}/items", json=item, headers=author.headers)
        return answer if answer.status_code == 200 else None

    await eventually(added, timeout=60)
    refused = await api.post(f"/api/v1/collections/{theirs['id']}/items", json=item, headers=other.headers)
    assert refused.status_code == 404
    assert (await api.put(f"/api/v1/scenarios/{scenario_id}/ratings", json=RATING, headers=other.headers)).status_code == 404
