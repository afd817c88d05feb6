"""Admin-only routes decide who may call them before they look at the body."""

from __future__ import annotations

import uuid

import pytest

from parla.contracts.rpc.persona.v1 import budget_pb2 as pb

from .fakes import signed_in

HUGE = 13841685864606970311986271244779520
SETTINGS = {"limit_usd": 50, "max_limit_usd": 80, "period": "monthly", "enforce": True, "thresholds": [50, 90]}


def budget_path() -> str:
    return f"/api/v1/admin/budgets/{uuid.uuid4()}"


@pytest.mark.parametrize(
    "body",
    [
        {**SETTINGS, "thresholds": [HUGE, 50]},
        {**SETTINGS, "limit_usd": "a lot", "surprise": [[[[]]]]},
        "{not json at all",
    ],
    ids=["numbers out of range", "invalid fields", "not JSON"],
)
async def test_a_learner_gets_403_from_an_admin_route_whatever_the_body(gateway, services, signing_keys, body):
    _, headers = signed_in(signing_keys)
    content = body if isinstance(body, str) else None
    answer = await gateway.request(
        "PUT",
        budget_path(),
        content=content,
        json=None if content else body,
        headers={**headers, "content-type": "application/json"},
    )
    assert answer.status_code == 403, answer.text
    assert answer.json()["error"]["code"] == "permission_denied"
    assert services.calls == []


async def test_an_admin_route_without_a_token_is_401(gateway, services):
    answer = await gateway.put(budget_path(), json={**SETTINGS, "thresholds": [HUGE]})
    assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
    assert services.calls == []


async def test_every_admin_route_refuses_a_learner(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    path = budget_path()
    answers = [
        await gateway.get(path, headers=headers),
        await gateway.put(path, json=SETTINGS, headers=headers),
        await gateway.post(f"{path}/reset", json={"reason": "new year"}, headers=headers),
    ]
    assert [a.status_code for a in answers] == [403, 403, 403]
    assert services.calls == []


async def test_an_admins_settings_reach_the_budget_service(gateway, services, signing_keys):
    token, headers = signed_in(signing_keys, "admin")
    path = budget_path()
    await gateway.put(path, json=SETTINGS, headers=headers)
    [call] = services.named("ConfigureBudget")
    sent = pb.ConfigureBudgetRequest.FromString(call.request)
    assert (sent.user_id, list(sent.thresholds), sent.limit_usd) == (path.rsplit("/", 1)[1], [50, 90], 50.0)
    assert call.metadata["authorization"] == f"Bearer {token}"
