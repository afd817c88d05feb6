"""Learner-authored scenarios through the gateway: who may do what, and bad input."""

from __future__ import annotations

import uuid

import pytest

from .conftest import Learner, new_learner

BUILDER_ROUTES = ["update", "delete", "publish", "unpublish", "duplicate", "draft"]


async def draft_from_template(api, learner: Learner) -> dict:
    templates = (await api.get("/api/v1/scenario-templates", params={"language": "es"}, headers=learner.headers)).json()
    assert len(templates["templates"]) == 10
    return next(t for t in templates["templates"] if t["category"] == "travel")["draft"]


async def call(api, route: str, scenario_id: str, headers: dict, draft: dict):
    match route:
        case "update":
            return await api.put(f"/api/v1/scenarios/{scenario_id}", json=draft, headers=headers)
        case "delete":
            return await api.delete(f"/api/v1/scenarios/{scenario_id}", headers=headers)
        case "draft":
            return await api.get(f"/api/v1/scenarios/{scenario_id}/draft", headers=headers)
        case _:
            return await api.post(f"/api/v1/scenarios/{scenario_id}/{route}", headers=headers)


@pytest.fixture
async def admin(signing_keys) -> Learner:
    user_id = str(uuid.uuid4())
    return Learner(user_id, signing_keys.token(user_id, roles=("learner", "admin")))


@pytest.mark.parametrize("route", BUILDER_ROUTES)
async def test_authorization_matrix_on_a_learners_public_scenario(api, admin, route):
    owner, other = await new_learner(api), await new_learner(api)
    draft = await draft_from_template(api, owner)
    created = await api.post("/api/v1/scenarios", json=draft, headers=owner.headers)
    assert created.status_code == 201, created.text
    scenario_id = created.json()["summary"]["id"]
    assert (await api.post(f"/api/v1/scenarios/{scenario_id}/publish", headers=owner.headers)).status_code == 200
    expected = {
        "anonymous": 401,
        "other": 201 if route == "duplicate" else 403,
        "admin": {"delete": 204, "duplicate": 201}.get(route, 200),
        "owner": {"delete": 404, "duplicate": 201}.get(route, 200),  # the admin deleted it just before
    }
    statuses = {
        "anonymous": (await call(api, route, scenario_id, {}, draft)).status_code,
        "other": (await call(api, route, scenario_id, other.headers, draft)).status_code,
        "admin": (await call(api, route, scenario_id, admin.headers, draft)).status_code,
    }
    statuses["owner"] = (await call(api, route, scenario_id, owner.headers, draft)).status_code
    assert statuses == expected


@pytest.mark.parametrize("route", BUILDER_ROUTES)
async def test_a_private_scenario_is_invisible_to_other_learners(api, route):
    owner, other = await new_learner(api), await new_learner(api)
    created = (await api.post("/api/v1/scenarios", json=await draft_from_template(api, owner), headers=owner.headers)).json()
    scenario_id = created["summary"]["id"]
    answer = await call(api, route, scenario_id, other.headers, created["document"])
    assert answer.status_code == 404
    listed = (await api.get("/api/v1/scenarios", params={"author": owner.user_id}, headers=other.headers)).json()
    assert listed["total"] == 0
    assert (await api.get(f"/api/v1/scenarios/{scenario_id}", headers=other.headers)).status_code == 404


@pytest.mark.parametrize("route", ["update", "delete", "publish", "unpublish", "draft"])
async def test_system_scenarios_are_read_only_for_learners(api, route):
    learner = await new_learner(api)
    draft = await draft_from_template(api, learner)
    answer = await call(api, route, "hotel-check-in", learner.headers, draft)
    assert answer.status_code == 403 and "duplicate" in answer.json()["error"]["message"]


async def test_a_learners_scenario_plays_like_a_system_one(api):
    owner = await new_learner(api)
    created = (
        await api.post(
            "/api/v1/scenarios/from-template", json={"category": "restaurant", "title": "Cena con amigos"}, headers=owner.headers
        )
    ).json()
    assert created["assessment"]["level"] in ("beginner", "intermediate", "advanced") and created["assessment"]["reasons"]
    scenario = (await api.get(f"/api/v1/scenarios/{created['summary']['id']}", headers=owner.headers)).json()
    run = (await api.post("/api/v1/runs", json={"scenario_id": scenario["summary"]["id"]}, headers=owner.headers)).json()
    for phrase in scenario["phases"][0]["phrases"]:
        turn = (await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": phrase["text"]}, headers=owner.headers)).json()
    assert turn["run"]["phases"][0]["completed"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"phases": []}, "phases"),
        ({"category": "space"}, "category"),
        ({"estimated_minutes": 61}, "estimated_minutes"),
        ({"setting": "<b>bold</b>"}, "setting"),
    ],
)
async def test_bad_drafts_are_422_with_a_message_per_field_and_nothing_is_stored(api, change, field):
    learner = await new_learner(api)
    answer = await api.post("/api/v1/scenarios", json=(await draft_from_template(api, learner)) | change, headers=learner.headers)
    assert answer.status_code == 422, answer.text
    assert any(name.startswith(field) for name in answer.json()["error"]["details"])
    assert (await api.get("/api/v1/scenarios", params={"author": "me"}, headers=learner.headers)).json()["total"] == 0


async def test_a_ten_megabyte_title_and_an_unknown_language_are_422(api):
    learner = await new_learner(api)
    draft = await draft_from_template(api, learner)
    local = draft["localizations"]["es"]
    huge = draft | {"localizations": {"es": local | {"title": "x" * 10_000_000}}}
    foreign = draft | {"localizations": {"xx": local}}
    for bad, field in ((huge, "localizations.es.title"), (foreign, "localizations.xx")):
        answer = await api.post("/api/v1/scenarios", json=bad, headers=learner.headers)
        assert answer.status_code == 422 and any(k.startswith(field) for k in answer.json()["error"]["details"]), answer.text[
            :500
        ]
    assert (await api.get("/api/v1/scenarios", params={"author": "me"}, headers=learner.headers)).json()["total"] == 0
