"""A learner changes their own profile (PATCH /api/v1/me), and every change is announced as
``user.updated`` with the whole profile, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

import orjson
import pytest
from alembic import command
from sqlalchemy import select, text

from parla.chassis.db import Database, make_engine
from parla.chassis.errors import InvalidArgument
from parla.chassis.messaging import outbox_table
from parla.chassis.migrations import alembic_config, migrate
from parla.gateway.main import MIGRATIONS

from .fakes import signed_in
from .test_auth_api import auth, register

PROFILE = ("display_name", "native_language", "target_languages", "level", "timezone", "leaderboard_opt_in")


async def events_of(client, event_type: str) -> list[dict]:
    """The events of one type the gateway staged in its outbox, oldest first."""
    async with client.app.state.db.reading() as session:
        payloads = await session.scalars(
            select(outbox_table.c.payload).where(outbox_table.c.event_type == event_type).order_by(outbox_table.c.id)
        )
        return [orjson.loads(payload) for payload in payloads]


async def me(client, token: str) -> dict:
    answer = await client.get("/api/v1/me", headers=auth(token))
    assert answer.status_code == 200, answer.text
    return answer.json()


async def patch_me(client, token: str, body: object):
    return await client.patch("/api/v1/me", json=body, headers=auth(token))


async def test_a_learner_moves_to_another_time_zone_and_sees_it_in_their_profile(client):
    tokens = await register(client, timezone="Europe/Madrid", target_languages=["es"])
    answer = await patch_me(client, tokens["access_token"], {"timezone": "America/New_York"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["timezone"] == "America/New_York"
    profile = await me(client, tokens["access_token"])
    assert profile["timezone"] == "America/New_York"
    # Only the field sent changed.
    assert profile["target_languages"] == ["es"] and profile["display_name"] == "Ana"


async def test_a_change_is_announced_once_with_the_whole_profile_after_it(client):
    tokens = await register(
        client, native_language="en", target_languages=["es", "it"], level="intermediate", timezone="Europe/Rome"
    )
    changes = {"timezone": "Asia/Tokyo", "leaderboard_opt_in": True, "display_name": "Ana G."}
    assert (await patch_me(client, tokens["access_token"], changes)).status_code == 200
    [event] = await events_of(client, "user.updated")
    assert event["user_id"] == tokens["user"]["id"]
    assert {key: event[key] for key in ("display_name", "native_language", "target_languages", "level")} == {
        "display_name": "Ana G.",
        "native_language": "en",
        "target_languages": ["es", "it"],
        "level": "intermediate",
    }
    assert event["timezone"] == "Asia/Tokyo" and event["leaderboard_opt_in"] is True


async def test_clearing_the_native_language_is_a_change(client):
    tokens = await register(client, native_language="fr")
    answer = await patch_me(client, tokens["access_token"], {"native_language": None})
    assert answer.status_code == 200 and answer.json()["native_language"] is None
    [event] = await events_of(client, "user.updated")
    assert event["native_language"] is None


async def test_a_patch_with_the_values_already_there_answers_the_profile_and_announces_nothing(client):
    tokens = await register(client, timezone="Europe/Madrid", target_languages=["es", "it"])
    same = {"timezone": "Europe/Madrid", "target_languages": ["es", "it"], "level": "beginner", "leaderboard_opt_in": False}
    answer = await patch_me(client, tokens["access_token"], same)
    assert answer.status_code == 200
    assert answer.json() == await me(client, tokens["access_token"])
    assert await events_of(client, "user.updated") == []


async def test_changes_made_at_once_apply_one_after_the_other_and_the_last_event_is_the_stored_profile(client):
    tokens = await register(client)
    changes = [{"timezone": "Asia/Tokyo"}, {"level": "advanced"}, {"leaderboard_opt_in": True}, {"display_name": "Ana G."}]
    answers = await asyncio.gather(*(patch_me(client, tokens["access_token"], change) for change in changes))
    assert [answer.status_code for answer in answers] == [200] * len(changes)
    # Each change saw the ones before it, so no event announces a profile that mixes old and new.
    events = await events_of(client, "user.updated")
    profile = await me(client, tokens["access_token"])
    assert len(events) == len(changes)
    assert {key: events[-1][key] for key in PROFILE} == {key: profile[key] for key in PROFILE}
    assert (profile["timezone"], profile["level"], profile["leaderboard_opt_in"], profile["display_name"]) == (
        "Asia/Tokyo",
        "advanced",
        True,
        "Ana G.",
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"timezone": "Mars/Base"}, "timezone"),
        ({"timezone": "X" * 65}, "timezone"),
        ({"target_languages": ["es", "xx"]}, "target_languages.1"),
        ({"target_languages": ["es"] * 9}, "target_languages"),
        ({"level": "expert"}, "level"),
        ({"display_name": "<b>Ana</b>"}, "display_name"),
        ({"display_name": None}, "display_name"),
        ({"timezone": None}, "timezone"),
        ({"nickname": "Ani"}, "nickname"),
    ],
)
async def test_a_bad_change_is_a_422_naming_its_field_and_changes_nothing(client, body, field):
    tokens = await register(client)
    before = await me(client, tokens["access_token"])
    answer = await patch_me(client, tokens["access_token"], {"leaderboard_opt_in": True, **body})
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["code"] == "invalid_argument" and field in error["details"]
    assert await me(client, tokens["access_token"]) == before
    assert await events_of(client, "user.updated") == []


async def test_an_empty_patch_is_a_422_that_says_to_send_a_field(client):
    tokens = await register(client)
    answer = await patch_me(client, tokens["access_token"], {})
    assert answer.status_code == 422
    assert "at least one field" in answer.json()["error"]["message"]


@pytest.mark.parametrize("body", [{"roles": ["learner", "admin"]}, {"email": "boss@example.com"}])
async def test_a_learner_cannot_change_roles_or_e_mail_through_their_profile(client, body):
    tokens = await register(client, "ana@example.com")
    [field] = body
    answer = await patch_me(client, tokens["access_token"], {"display_name": "Boss", **body})
    assert answer.status_code == 422 and field in answer.json()["error"]["details"]
    profile = await me(client, tokens["access_token"])
    assert profile["roles"] == ["learner"] and profile["email"] == "ana@example.com"
    assert profile["display_name"] == "Ana"


async def test_the_profile_use_case_itself_refuses_roles_and_e_mail(client):
    tokens = await register(client)
    user_id = uuid.UUID(tokens["user"]["id"])
    with pytest.raises(InvalidArgument) as refused:
        await client.app.state.auth.update_profile(user_id, {"roles": ["admin"], "email": "x@example.com"})
    assert refused.value.details == {"email": "cannot be changed", "roles": "cannot be changed"}
    assert (await me(client, tokens["access_token"]))["roles"] == ["learner"]


async def test_changing_the_profile_needs_a_signed_in_learner(client):
    answer = await client.patch("/api/v1/me", json={"timezone": "Asia/Tokyo"})
    assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"


async def test_changing_an_account_that_no_longer_exists_is_404(client, signing_keys):
    _, headers = signed_in(signing_keys)
    answer = await client.patch("/api/v1/me", json={"timezone": "Asia/Tokyo"}, headers=headers)
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
    assert await events_of(client, "user.updated") == []


async def test_registration_announces_the_whole_profile(client):
    tokens = await register(client, timezone="America/Bogota", level="advanced", target_languages=["pt"], leaderboard_opt_in=True)
    assert tokens["user"]["leaderboard_opt_in"] is True
    [event] = await events_of(client, "user.registered")
    assert (event["timezone"], event["level"], event["target_languages"], event["leaderboard_opt_in"]) == (
        "America/Bogota",
        "advanced",
        ["pt"],
        True,
    )


async def test_accounts_made_before_the_leaderboard_choice_are_off_the_leaderboards(gateway_settings):
    url = gateway_settings.database_url
    await asyncio.to_thread(_upgrade, url, "0002")
    db = Database(make_engine(url))
    try:
        async with db.transaction() as session:
            await session.execute(
                text(
                    "INSERT INTO users (id, email, password_hash, display_name, roles, native_language,"
                    " target_languages, level, timezone, created_at) VALUES (:id, 'old@example.com', 'x', 'Old',"
                    " '[\"learner\"]', NULL, '[]', 'beginner', 'UTC', :now)"
                ),
                {"id": uuid.uuid4().hex, "now": datetime.now(UTC)},
            )
        await migrate(url, MIGRATIONS)
        async with db.reading() as session:
            opted_in = (await session.execute(text("SELECT leaderboard_opt_in FROM users"))).scalar_one()
        assert opted_in is not None and not opted_in
    finally:
        await db.dispose()


def _upgrade(url: str, revision: str) -> None:
    command.upgrade(alembic_config(url, MIGRATIONS), revision)
