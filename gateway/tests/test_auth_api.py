"""Accounts and tokens through the gateway's HTTP API, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import orjson
import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from parla.chassis.messaging import outbox_table
from parla.devstack.testing import tamper
from parla.gateway.db import RefreshTokenRow
from parla.gateway.deps import RateLimit

PASSWORD = "correct horse battery"


async def register(client, email: str | None = None, **extra) -> dict:
    body = {"email": email or f"{uuid.uuid4().hex[:10]}@example.com", "password": PASSWORD, "display_name": "Ana", **extra}
    answer = await client.post("/api/v1/auth/register", json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


async def test_register_signs_in_as_a_learner_and_stages_user_registered(client):
    tokens = await register(client, "Ana.Garcia@Example.com", native_language="en", target_languages=["es", "it"])
    me = (await client.get("/api/v1/me", headers=auth(tokens["access_token"]))).json()
    assert me["email"] == "ana.garcia@example.com" and me["roles"] == ["learner"]
    assert me["target_languages"] == ["es", "it"]
    async with client.app.state.db.reading() as session:
        [payload] = (await session.execute(select(outbox_table.c.payload))).scalars()
    event = orjson.loads(payload)
    assert event["event_type"] == "user.registered" and event["user_id"] == me["id"]


async def test_nobody_registers_as_admin(client):
    answer = await client.post(
        "/api/v1/auth/register",
        json={"email": "boss@example.com", "password": PASSWORD, "display_name": "Boss", "roles": ["admin"]},
    )
    assert answer.status_code == 422
    assert "roles" in answer.json()["error"]["details"]


async def test_an_e_mail_registers_once_whatever_its_case(client):
    await register(client, "once@example.com")
    answer = await client.post(
        "/api/v1/auth/register", json={"email": "ONCE@example.com", "password": PASSWORD, "display_name": "Twice"}
    )
    assert answer.status_code == 409
    assert answer.json()["error"]["details"] == {"email": "already registered"}


async def test_concurrent_sign_ups_with_one_e_mail_create_one_account(client):
    body = {"email": "race@example.com", "password": PASSWORD, "display_name": "Racer"}
    answers = await asyncio.gather(*(client.post("/api/v1/auth/register", json=body) for _ in range(3)))
    assert sorted(a.status_code for a in answers) == [201, 409, 409]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "not-an-email", "password": PASSWORD, "display_name": "A"}, "email"),
        ({"email": "a@example.com", "password": "short", "display_name": "A"}, "password"),
        ({"email": "a@example.com", "password": PASSWORD, "display_name": "<script>x</script>"}, "display_name"),
        ({"email": "a@example.com", "password": PASSWORD, "display_name": "A" * 10_000}, "display_name"),
        ({"email": "a@example.com", "password": PASSWORD, "display_name": "A", "timezone": "Mars/Base"}, "timezone"),
        ({"email": "a@example.com", "password": PASSWORD, "display_name": "A", "target_languages": ["xx"]}, "target_languages.0"),
    ],
)
async def test_bad_registrations_get_a_message_per_field_and_store_nothing(client, body, field):
    answer = await client.post("/api/v1/auth/register", json=body)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "invalid_argument" and field in error["details"]
    login = await client.post("/api/v1/auth/login", json={"email": body["email"], "password": body["password"]})
    assert login.status_code in (401, 422)


async def test_login_with_a_wrong_password_or_unknown_e_mail_is_the_same_401(client):
    await register(client, "known@example.com")
    wrong = await client.post("/api/v1/auth/login", json={"email": "known@example.com", "password": "nope-nope"})
    unknown = await client.post("/api/v1/auth/login", json={"email": "ghost@example.com", "password": PASSWORD})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    ok = await client.post("/api/v1/auth/login", json={"email": "KNOWN@example.com", "password": PASSWORD})
    assert ok.status_code == 200 and ok.json()["access_token"]


async def test_refresh_rotates_and_reusing_a_spent_token_signs_out_the_family(client):
    first = await register(client)
    second = (await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})).json()
    assert second["refresh_token"] != first["refresh_token"]
    replay = await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    # The replay revoked the whole family, including the token that was still current.
    after = await client.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert after.status_code == 401


async def test_concurrent_refreshes_with_one_token_let_exactly_one_through(client):
    tokens = await register(client)
    answers = await asyncio.gather(
        *(client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}) for _ in range(3))
    )
    assert sorted(a.status_code for a in answers) == [200, 401, 401]


async def test_rotation_never_extends_the_session_beyond_its_first_sign_in(client):
    first = await register(client)
    second = (await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})).json()
    async with client.app.state.db.reading() as session:
        expiries = (await session.execute(select(RefreshTokenRow.expires_at).order_by(RefreshTokenRow.issued_at))).scalars().all()
    assert second["refresh_token"] and len(set(expiries)) == 1


async def test_logout_revokes_the_refresh_token(client):
    tokens = await register(client)
    assert (await client.post("/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})).status_code == 204
    answer = await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert answer.status_code == 401


async def test_an_unknown_refresh_token_is_401(client):
    answer = await client.post("/api/v1/auth/refresh", json={"refresh_token": "made-up"})
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "unauthenticated"


@pytest.mark.parametrize("kind", ["none", "expired", "tampered", "garbage"])
async def test_me_refuses_missing_expired_and_tampered_tokens(client, signing_keys, kind):
    me = await register(client)
    user_id = me["user"]["id"]
    headers = {
        "none": {},
        "expired": auth(signing_keys.token(user_id, expires_in=timedelta(seconds=-1))),
        "tampered": auth(tamper(me["access_token"])),
        "garbage": auth("not.a.token"),
    }[kind]
    answer = await client.get("/api/v1/me", headers=headers)
    assert answer.status_code == 401
    assert answer.headers["www-authenticate"] == "Bearer"
    assert answer.json()["error"]["message"]


async def test_authentication_is_rate_limited_with_retry_after(client):
    client.app.state.auth_rate_limit = RateLimit("3/minute", "authentication")
    statuses = [
        (await client.post("/api/v1/auth/login", json={"email": "x@example.com", "password": "whatever"})).status_code
        for _ in range(4)
    ]
    assert statuses == [401, 401, 401, 429]
    limited = await client.post("/api/v1/auth/login", json={"email": "x@example.com", "password": "whatever"})
    assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
    assert limited.json()["error"]["code"] == "rate_limited"


async def test_a_service_that_does_not_answer_is_a_503_with_a_message_and_when_to_retry(client):
    tokens = await register(client)
    answer = await client.get("/api/v1/scenarios", headers=auth(tokens["access_token"]))
    assert answer.status_code == 503
    assert "try again" in answer.json()["error"]["message"]
    assert int(answer.headers["retry-after"]) >= 1


async def test_the_gateways_own_database_away_is_a_503_with_when_to_retry_not_a_500(client, monkeypatch):
    email = f"{uuid.uuid4().hex[:10]}@example.com"
    await register(client, email=email)

    async def database_restarting(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("SELECT ...", {}, ConnectionRefusedError("the database is restarting"))

    monkeypatch.setattr(client.app.state.auth, "login", database_restarting)
    answer = await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert answer.status_code == 503, answer.text
    assert int(answer.headers["retry-after"]) >= 1
    assert answer.json()["error"]["code"] == "unavailable"


async def test_openapi_documents_the_api(client):
    spec = (await client.get("/api/v1/openapi.json")).json()
    assert {"/api/v1/auth/register", "/api/v1/runs/{run_id}/turns", "/api/v1/review/due", "/api/v1/progress"} <= set(
        spec["paths"]
    )
    assert (await client.get("/docs")).status_code == 200


async def test_an_operator_grants_admin_and_it_applies_from_the_next_refresh(client, gateway_settings, monkeypatch):
    from parla.gateway import cli

    tokens = await register(client, "boss@example.com")
    monkeypatch.setenv("PARLA_DATABASE_URL", gateway_settings.database_url)
    assert await asyncio.to_thread(cli.main, ["grant-role", "--email", "boss@example.com", "--role", "admin"]) == 0
    refreshed = (await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})).json()
    assert refreshed["user"]["roles"] == ["learner", "admin"]
    assert await asyncio.to_thread(cli.main, ["grant-role", "--email", "ghost@example.com", "--role", "admin"]) == 1


async def test_a_body_over_the_limit_is_413_before_it_is_read(client):
    answer = await client.post(
        "/api/v1/auth/login", content=b"x" * 10, headers={"content-type": "application/json", "content-length": str(17 * 2**20)}
    )
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "payload_too_large"
