"""The catalogue and run history through the gateway."""

from __future__ import annotations

from parla.devstack.testing import eventually

from .conftest import new_learner, query


async def test_the_catalogue_filters_by_category_difficulty_language_and_text(api):
    learner = await new_learner(api)

    async def listing(**params):
        answer = await api.get("/api/v1/scenarios", params=params, headers=learner.headers)
        assert answer.status_code == 200, answer.text
        return answer.json()

    restaurant = await listing(category="restaurant", language="es")
    assert {item["id"] for item in restaurant["items"]} >= {"restaurant-dinner-reservation"}
    assert all(item["category"] == "restaurant" for item in restaurant["items"])
    assert all(item["difficulty"] == "advanced" for item in (await listing(difficulty="advanced"))["items"])
    found = await listing(q="HOTEL", language="es")
    assert "hotel-check-in" in {item["id"] for item in found["items"]}
    assert (await listing(q="no scenario is called this"))["total"] == 0
    system = await listing(author="system", language="es", limit=2)
    assert len(system["items"]) == 2 and system["total"] >= 3
    assert all(item["author"] == "system" for item in system["items"])
    assert (await listing(author="me"))["total"] == 0


async def test_bad_catalogue_filters_are_422_with_the_field(api):
    learner = await new_learner(api)
    for params, field in [({"category": "space"}, "category"), ({"limit": 1000}, "limit"), ({"q": "x" * 201}, "q")]:
        answer = await api.get("/api/v1/scenarios", params=params, headers=learner.headers)
        assert answer.status_code == 422 and field in answer.json()["error"]["details"], answer.text


async def test_categories_list_all_ten_with_counts(api):
    learner = await new_learner(api)
    categories = (await api.get("/api/v1/scenario-categories", params={"language": "es"}, headers=learner.headers)).json()
    counts = {c["id"]: c["scenario_count"] for c in categories["categories"]}
    assert len(counts) == 10 and counts["restaurant"] >= 1 and counts["travel"] >= 1


async def test_opening_a_scenario_records_a_view(api, stack):
    learner = await new_learner(api)
    assert (await api.get("/api/v1/scenarios/hotel-check-in", headers=learner.headers)).status_code == 200

    async def view_staged():
        rows = await query(stack, "scenario", "SELECT payload FROM outbox WHERE event_type = 'scenario.viewed'")
        return [row for row in rows if learner.user_id.encode() in bytes(row[0])]

    assert await eventually(view_staged)


async def test_run_history_lists_runs_newest_first_and_abandoned_runs_stay_abandoned(api):
    learner = await new_learner(api)
    first = (await api.post("/api/v1/runs", json={"scenario_id": "hotel-check-in"}, headers=learner.headers)).json()
    second = (
        await api.post(
            "/api/v1/runs", json={"scenario_id": "clothes-shopping", "persona": "expert_scholar"}, headers=learner.headers
        )
    ).json()
    assert second["persona"] == "expert_scholar"
    abandoned = await api.post(f"/api/v1/runs/{first['id']}/abandon", headers=learner.headers)
    assert abandoned.status_code == 200 and abandoned.json()["status"] == "abandoned"
    assert (await api.post(f"/api/v1/runs/{first['id']}/complete", headers=learner.headers)).status_code == 409
    history = (await api.get("/api/v1/runs", headers=learner.headers)).json()
    assert [item["id"] for item in history["items"]] == [second["id"], first["id"]]
    assert history["items"][1]["status"] == "abandoned" and history["items"][1]["title"]
    only_abandoned = (await api.get("/api/v1/runs", params={"status": "abandoned"}, headers=learner.headers)).json()
    assert [item["id"] for item in only_abandoned["items"]] == [first["id"]]


async def test_mistakes_are_corrected_in_the_turn_and_reach_the_deck(api):
    learner = await new_learner(api)
    run = (await api.post("/api/v1/runs", json={"scenario_id": "restaurant-dinner-reservation"}, headers=learner.headers)).json()
    turn = (
        await api.post(
            f"/api/v1/runs/{run['id']}/turns", json={"text": "Quería reservar el mesa para cenar."}, headers=learner.headers
        )
    ).json()
    assert [(m["said"], m["correction"]) for m in turn["mistakes"]] == [("el mesa", "la mesa")]
    assert any("la mesa" in note for note in turn["feedback"])
    await api.post(f"/api/v1/runs/{run['id']}/complete", headers=learner.headers)

    async def mistake_card():
        due = (await api.get("/api/v1/review/due", params={"limit": 200}, headers=learner.headers)).json()
        return [card for card in due["cards"] if card["front"] == "el mesa"]

    [card] = await eventually(mistake_card)
    assert card["back"].startswith("la mesa")
