"""Every value a request carries is bounded by what the services can hold: a number out of its
field's range, or text no service can store, is a 422 naming the field, and reaches no service."""

from __future__ import annotations

import json
import uuid

import pytest

from .fakes import signed_in

HUGE = 13841685864606970311986271244779520
SETTINGS = {"limit_usd": 50, "max_limit_usd": 80, "period": "monthly", "enforce": True, "thresholds": [50, 90]}


def budget_path() -> str:
    return f"/api/v1/admin/budgets/{uuid.uuid4()}"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"thresholds": [HUGE]}, "thresholds.0"),
        ({"thresholds": [0]}, "thresholds.0"),
        ({"thresholds": [50, 201]}, "thresholds.1"),
        ({"limit_usd": float("inf")}, "limit_usd"),  # what 1e400 in JSON decodes to
        ({"limit_usd": -1}, "limit_usd"),
        ({"max_limit_usd": 10_000.01}, "max_limit_usd"),
        ({"custom_days": 2**31}, "custom_days"),
    ],
)
async def test_an_admin_sending_a_number_out_of_range_gets_a_422_naming_it(gateway, services, signing_keys, change, field):
    _, headers = signed_in(signing_keys, "admin")
    body = json.dumps({**SETTINGS, **change})  # allows Infinity, as the gateway's JSON parser does
    answer = await gateway.put(budget_path(), content=body, headers={**headers, "content-type": "application/json"})
    assert answer.status_code == 422, answer.text
    assert field in answer.json()["error"]["details"]
    assert services.calls == []


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/api/v1/me/budget/usage", {"limit": 2**31}, "limit"),
        ("/api/v1/runs", {"offset": 2**63}, "offset"),
        ("/api/v1/scenarios", {"limit": 0}, "limit"),
        ("/api/v1/progress", {"recent": 51}, "recent"),
    ],
)
async def test_query_numbers_out_of_range_get_a_422_naming_them(gateway, services, signing_keys, path, params, field):
    _, headers = signed_in(signing_keys)
    answer = await gateway.get(path, params=params, headers=headers)
    assert answer.status_code == 422, answer.text
    assert field in answer.json()["error"]["details"]
    assert services.calls == []


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("POST", f"{budget_path()}/reset", '{"reason": "new\\u0000year"}', "reason"),
        ("POST", f"/api/v1/runs/{uuid.uuid4()}/turns", '{"text": "hola\\u0000"}', "text"),
        ("PUT", "/api/v1/me/persona", '{"persona_type": "friendly", "subject": "\\ud800 cooking"}', "subject"),
        ("POST", "/api/v1/auth/refresh", '{"refresh_token": "abc\\udfff"}', "refresh_token"),
    ],
    ids=["NUL in a reason", "NUL in a turn", "unpaired surrogate in a subject", "unpaired surrogate in a token"],
)
async def test_text_no_service_can_store_gets_a_422_naming_its_field(gateway, services, signing_keys, method, path, body, field):
    _, headers = signed_in(signing_keys, "admin")
    answer = await gateway.request(method, path, content=body, headers={**headers, "content-type": "application/json"})
    assert answer.status_code == 422, answer.text
    assert field in answer.json()["error"]["details"]
    assert services.calls == []


async def test_a_search_with_a_nul_character_gets_a_422(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    answer = await gateway.get("/api/v1/scenarios", params={"q": "caf\x00"}, headers=headers)
    assert answer.status_code == 422 and "q" in answer.json()["error"]["details"]
    assert services.calls == []
