"""What the gamification API asks the analytics service and answers; and that no request can
grant XP or an achievement: every gamification route reads, and the API has no route that writes."""

from __future__ import annotations

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from parla.contracts.rpc.analytics.v1 import gamification_pb2 as pb

from .fakes import signed_in
from .review_helpers import sent


async def test_your_standing_is_answered_with_every_achievement_and_null_for_locked_ones(gateway, services, signing_keys):
    unlocked = Timestamp(seconds=1_780_000_000)
    services.answer(
        "GetGamification",
        pb.Gamification(
            xp=240, level=3, level_xp=215, next_level_xp=347, streak=pb.Streak(current=4, longest=9, freezes=1, done_today=True),
            achievements=[
                pb.Achievement(code="first_steps", title="First Steps", description="...", unlocked_at=unlocked),
                pb.Achievement(code="polyglot", title="Polyglot", description="..."),
            ],
        ),
    )  # fmt: skip
    response = await gateway.get("/api/v1/gamification", headers=signed_in(signing_keys)[1])
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["xp"], body["level"], body["next_level_xp"]) == (240, 3, 347)
    assert body["streak"] == {"current": 4, "longest": 9, "freezes": 1, "freezes_used": 0, "done_today": True}
    assert body["achievements"][0]["unlocked_at"].startswith("2026-05-28") and body["achievements"][1]["unlocked_at"] is None


async def test_a_leaderboard_is_asked_for_the_language_and_week_given(gateway, services, signing_keys):
    you = pb.LeaderboardEntry(rank=2, display_name="Ana", xp=50, is_you=True)
    services.answer(
        "GetLeaderboard",
        pb.Leaderboard(
            week_start="2026-06-01", language="es",
            entries=[pb.LeaderboardEntry(rank=1, display_name="Ben", xp=100), you], you=you,
        ),
    )  # fmt: skip
    response = await gateway.get(
        "/api/v1/leaderboards/es", params={"week": "2026-06-03", "limit": 2}, headers=signed_in(signing_keys)[1]
    )
    assert response.status_code == 200, response.text
    [request] = sent(services, "GetLeaderboard", pb.GetLeaderboardRequest)
    assert (request.language, request.week, request.limit, request.offset) == ("es", "2026-06-03", 2, 0)
    body = response.json()
    assert [e["display_name"] for e in body["entries"]] == ["Ben", "Ana"] and body["you"]["rank"] == 2


async def test_a_runs_xp_is_asked_for_that_run(gateway, services, signing_keys):
    services.answer("GetRunXp", pb.RunXp(run_id="run-1", amount=82, multiplier_percent=110))
    response = await gateway.get("/api/v1/gamification/runs/run-1", headers=signed_in(signing_keys)[1])
    assert response.status_code == 200, response.text
    [request] = sent(services, "GetRunXp", pb.GetRunXpRequest)
    assert request.run_id == "run-1"
    assert (response.json()["amount"], response.json()["multiplier_percent"]) == (82, 110)


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/v1/leaderboards/xx", {}, "language"),
        ("/api/v1/leaderboards/es", {"week": "last week"}, "week"),
        ("/api/v1/leaderboards/es", {"limit": 101}, "limit"),
        ("/api/v1/leaderboards/es", {"offset": -1}, "offset"),
    ],
)
async def test_bad_leaderboard_arguments_are_refused_naming_them_before_any_call(
    gateway, services, signing_keys, path, params, field
):
    response = await gateway.get(path, params=params, headers=signed_in(signing_keys)[1])
    assert response.status_code == 422 and field in response.text
    assert services.calls == []


@pytest.mark.parametrize("path", ["/api/v1/gamification", "/api/v1/leaderboards/es"])
async def test_gamification_needs_a_signed_in_learner(gateway, path):
    assert (await gateway.get(path)).status_code == 401


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/api/v1/gamification", "/api/v1/leaderboards/es", "/api/v1/gamification/xp"])
async def test_no_request_can_write_xp_or_achievements(gateway, services, signing_keys, method, path):
    body = {"xp": 1_000_000, "amount": 1_000_000, "code": "century_club"}
    response = await gateway.request(method, path, json=body, headers=signed_in(signing_keys)[1])
    assert response.status_code in (404, 405) and services.calls == []


async def test_the_public_api_has_no_operation_that_writes_xp_or_achievements(gateway):
    paths = (await gateway.get("/api/v1/openapi.json")).json()["paths"]
    words = ("xp", "gamification", "achievement", "leaderboard", "level", "streak")
    writes = [
        (method, path)
        for path, operations in paths.items()
        for method in operations
        if method in ("post", "put", "patch", "delete") and any(word in path for word in words)
    ]
    assert "/api/v1/gamification" in paths and writes == []
