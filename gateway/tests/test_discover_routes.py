"""What the discovery and dashboard API asks the analytics service, for which language and period, and what it answers."""

from __future__ import annotations

import pytest
from google.protobuf.wrappers_pb2 import DoubleValue

from parla.contracts.rpc.analytics.v1 import dashboard_pb2 as dpb
from parla.contracts.rpc.analytics.v1 import discovery_pb2 as pb

from .fakes import signed_in
from .review_helpers import sent


def found(scenario_id: str, score: float = 2.5) -> pb.DiscoveredScenario:
    return pb.DiscoveredScenario(
        scenario_id=scenario_id, title="Una cena", category="restaurant", difficulty="beginner", score=score
    )


async def test_the_hub_is_for_the_language_asked_and_answers_each_list(gateway, services, signing_keys):
    services.answer(
        "GetHub",
        pb.Hub(trending=[found("dinner")], categories=[pb.CategoryList(category="restaurant", scenarios=[found("dinner")])]),
    )
    response = await gateway.get("/api/v1/discover", params={"language": "it", "limit": 5}, headers=signed_in(signing_keys)[1])
    assert response.status_code == 200, response.text
    [request] = sent(services, "GetHub", pb.HubRequest)
    assert (request.language, request.limit) == ("it", 5)
    hub = response.json()
    assert hub["language"] == "it" and hub["trending"][0]["scenario_id"] == "dinner" and hub["popular"] == []
    assert hub["categories"] == [{"category": "restaurant", "scenarios": [hub["trending"][0]]}]


async def test_without_a_language_the_learners_first_target_language_is_used(gateway, services):
    registered = await gateway.post(
        "/api/v1/auth/register",
        json={
            "email": "discoverer@example.com",
            "password": "a long password",
            "display_name": "D",
            "target_languages": ["fr", "de"],
        },
    )
    token = registered.json()["access_token"]
    services.answer("ListTrending", pb.DiscoveryPage(scenarios=[found("airport")], has_more=True))
    response = await gateway.get(
        "/api/v1/discover/trending", params={"category": "travel"}, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200, response.text
    [request] = sent(services, "ListTrending", pb.DiscoveryRequest)
    assert (request.language, request.category, request.limit) == ("fr", "travel", 20)
    assert response.json()["has_more"] is True


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/v1/discover", {"language": "xx"}, "language"),
        ("/api/v1/discover/popular", {"category": "space"}, "category"),
        ("/api/v1/discover/top-rated", {"limit": 0}, "limit"),
        ("/api/v1/discover", {"limit": 21}, "limit"),
    ],
)
async def test_bad_arguments_are_refused_naming_them_before_any_call(gateway, services, signing_keys, path, params, field):
    response = await gateway.get(path, params=params, headers=signed_in(signing_keys)[1])
    assert response.status_code == 422 and field in response.text
    assert services.calls == []


async def test_discovery_needs_a_signed_in_learner(gateway, services):
    for path in ("/api/v1/discover", "/api/v1/discover/trending", "/api/v1/discover/popular", "/api/v1/discover/top-rated"):
        assert (await gateway.get(path)).status_code == 401
    assert services.calls == []


async def test_recommendations_carry_the_learners_level_and_each_reason(gateway, services):
    registered = await gateway.post(
        "/api/v1/auth/register",
        json={"email": "recommended@example.com", "password": "a long password", "display_name": "R", "level": "intermediate"},
    )
    headers = {"Authorization": f"Bearer {registered.json()['access_token']}"}
    reason = "because you struggled with restaurant scenarios"
    params = {"category": "restaurant", "category_name": "restaurant"}
    recommended = pb.Recommended(scenario=found("dinner"), reason=reason, reason_code="struggled_category", reason_params=params)
    services.answer("Recommend", pb.Recommendations(recommended=[recommended]))
    response = await gateway.get("/api/v1/discover/recommended", params={"language": "es", "limit": 3}, headers=headers)
    assert response.status_code == 200, response.text
    [request] = sent(services, "Recommend", pb.RecommendRequest)
    assert (request.language, request.level, request.limit) == ("es", "intermediate", 3)
    [answered] = response.json()["recommended"]
    assert (answered["reason"], answered["reason_code"], answered["reason_params"]) == (reason, "struggled_category", params)
    assert response.json()["recommended"][0]["scenario"]["scenario_id"] == "dinner"


async def test_the_dashboard_asks_for_the_period_and_shows_no_data_as_null(gateway, services, signing_keys):
    board = dpb.Dashboard(
        days=[dpb.Day(day="2026-06-30", minutes=12, reviews=4)],
        skills=[
            dpb.SkillLevel(
                skill="vocabulary",
                level=DoubleValue(value=50.0),
                samples=4,
                days=[dpb.SkillDay(day="2026-06-30", mean=50.0, samples=4)],
            ),
            dpb.SkillLevel(skill="speaking"),
        ],
        retention=dpb.Retention(reviews=3, true_retention=DoubleValue(value=0.6667)),
    )
    services.answer("GetDashboard", board)
    response = await gateway.get("/api/v1/dashboard", params={"days": 7}, headers=signed_in(signing_keys)[1])
    assert response.status_code == 200, response.text
    [request] = sent(services, "GetDashboard", dpb.GetDashboardRequest)
    assert request.days == 7
    body = response.json()
    assert body["skills"] == [
        {
            "skill": "vocabulary",
            "level": 50.0,
            "trend": None,
            "samples": 4,
            "days": [{"day": "2026-06-30", "mean": 50.0, "samples": 4}],
        },
        {"skill": "speaking", "level": None, "trend": None, "samples": 0, "days": []},
    ]
    assert body["retention"]["true_retention"] == 0.6667 and body["days"][0]["minutes"] == 12
    assert (await gateway.get("/api/v1/dashboard", params={"days": 0}, headers=signed_in(signing_keys)[1])).status_code == 422
