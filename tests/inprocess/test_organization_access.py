"""Who may do what with what is organised, through the gateway's public API and the organization
service's real gRPC server (as its composition root builds it, on its own SQLite database): an
owner, another learner, an admin and an anonymous caller, on every organization route, for a
private and a public collection, and privacy in listings, counts and search."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from parla.chassis.auth import Principal, TokenVerifier
from parla.chassis.db import Database, make_engine
from parla.chassis.grpc_server import GrpcServer
from parla.chassis.migrations import migrate
from parla.contracts.events import ScenarioPublished, ScenarioUpdated
from parla.devstack.testing import free_port, scenario_completed
from parla.gateway.config import GatewaySettings
from parla.gateway.main import create_app
from parla.organization import main as organization
from parla.organization.catalogue import service as catalogue

OWNER, OTHER, ADMIN, ANONYMOUS = "owner", "other", "admin", "anonymous"
CALLERS = (OTHER, ADMIN, ANONYMOUS, OWNER)  # the owner last: some calls change what the others see


@dataclass
class World:
    api: httpx.AsyncClient
    db: Database
    headers: dict[str, dict[str, str]]
    users: dict[str, Principal]

    async def call(self, who: str, method: str, path: str, json: object = None) -> httpx.Response:
        return await self.api.request(method, f"/api/v1{path}", json=json, headers=self.headers.get(who, {}))

    async def collection(self, visibility: str, **fields) -> str:
        body = {"name": f"A {visibility} list", "visibility": visibility, "items": [{"kind": "scenario", "id": "open"}], **fields}
        answer = await self.call(OWNER, "POST", "/collections", body)
        assert answer.status_code == 201, answer.text
        return answer.json()["id"]


async def _seed(db: Database, owner: Principal) -> None:
    common = {"category": "restaurant", "difficulty": "beginner", "languages": ["es"], "text": "mesa", "estimated_minutes": 15}
    async with db.transaction() as session:
        await catalogue.record_scenarios(
            session,
            [
                ScenarioPublished(scenario_id="open", visibility="public", titles={"es": "Abierto"}, **common),
                ScenarioPublished(scenario_id="second", visibility="public", titles={"es": "Segundo"}, **common),
                ScenarioUpdated(
                    scenario_id="hidden", owner_id=owner.user_id, visibility="private", titles={"es": "Oculto"}, **common
                ),
            ],
        )
        await catalogue.record_completions(session, [scenario_completed(user_id=owner.user_id, scenario_id="hidden")])


@pytest.fixture
async def world(tmp_path: Path, signing_keys) -> AsyncIterator[World]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'organization.db'}"
    await migrate(url, organization.MIGRATIONS)
    db = Database(make_engine(url))
    components = await organization.build(db)
    port = free_port()
    server = GrpcServer(
        host="127.0.0.1", port=port, registrations=components.registrations, verifier=TokenVerifier(signing_keys.public_pem)
    )
    await server.start()
    private, public = tmp_path / "private.pem", tmp_path / "public.pem"
    private.write_bytes(signing_keys.private_pem)
    public.write_bytes(signing_keys.public_pem)
    settings = GatewaySettings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'gateway.db'}",
        jwt_private_key_file=private,
        jwt_public_key_file=public,
        organization_addr=f"127.0.0.1:{port}",
        grpc_deadline_seconds=5.0,
    )
    users = {name: Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"})) for name in (OWNER, OTHER)}
    users[ADMIN] = Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner", "admin"}))
    headers = {
        name: {"Authorization": f"Bearer {signing_keys.token(user.subject, roles=tuple(sorted(user.roles)))}"}
        for name, user in users.items()
    }
    await _seed(db, users[OWNER])
    app = create_app(settings, run_relay=False)
    try:
        transport = httpx.ASGITransport(app=app)
        async with app.router.lifespan_context(app), httpx.AsyncClient(transport=transport, base_url="http://gateway") as api:
            yield World(api, db, headers, users)
    finally:
        await server.stop(grace=0)
        await db.dispose()


# (method, path with {id}, body, expected status for a private collection per caller, for a public one)
COLLECTION_ROUTES = [
    ("GET", "/collections/{id}", None, (404, 404, 401, 200), (200, 200, 401, 200)),
    ("PATCH", "/collections/{id}", {"description": "new"}, (404, 404, 401, 200), (403, 403, 401, 200)),
    ("POST", "/collections/{id}/items", {"kind": "scenario", "id": "second"}, (404, 404, 401, 200), (403, 403, 401, 200)),
    ("DELETE", "/collections/{id}/items/scenario/open", None, (404, 404, 401, 200), (403, 403, 401, 200)),
    (
        "PUT",
        "/collections/{id}/items",
        {"items": [{"kind": "scenario", "id": "open"}]},
        (404, 404, 401, 200),
        (403, 403, 401, 200),
    ),
    ("PUT", "/collections/{id}/subscription", None, (404, 404, 401, 409), (200, 200, 401, 200)),
    ("DELETE", "/collections/{id}/subscription", None, (404, 404, 401, 200), (200, 200, 401, 200)),
    ("POST", "/collections/{id}/duplicate", None, (404, 404, 401, 201), (201, 201, 401, 201)),
    # Anyone who can see a collection may tag it with tags of their own (private to them).
    ("GET", "/tags/items/collection/{id}", None, (404, 404, 401, 200), (200, 200, 401, 200)),
    ("POST", "/tags/items/collection/{id}", {"tags": ["later"]}, (404, 404, 401, 200), (200, 200, 401, 200)),
    ("DELETE", "/collections/{id}", None, (404, 404, 401, 204), (403, 403, 401, 204)),
]


@pytest.mark.parametrize(
    ("method", "path", "body", "private", "public"), COLLECTION_ROUTES, ids=[f"{r[0]} {r[1]}" for r in COLLECTION_ROUTES]
)
async def test_every_collection_route_answers_each_caller_as_ownership_and_visibility_say(
    world, method, path, body, private, public
):
    for visibility, expected in (("private", private), ("public", public)):
        collection_id = await world.collection(visibility)
        got = [(await world.call(who, method, path.format(id=collection_id), body)).status_code for who in CALLERS]
        assert got == list(expected), f"{visibility}: {dict(zip(CALLERS, got, strict=True))}"


async def test_a_private_collection_is_absent_from_every_listing_count_and_search_of_others(world):
    private_id = await world.collection("private", name="Zebra secrets")
    public_id = await world.collection("public", name="Zebra shared")
    await world.call(OTHER, "PUT", f"/collections/{public_id}/subscription")
    for who in (OTHER, ADMIN):
        found = (await world.call(who, "GET", "/collections?q=zebra")).json()["collections"]
        assert [c["id"] for c in found] == [public_id]
        assert private_id not in [c["id"] for c in (await world.call(who, "GET", "/collections/mine")).json()["collections"]]
    # Made private, it leaves its subscriber's list, and its count is its owner's business.
    await world.call(OWNER, "PATCH", f"/collections/{public_id}", {"visibility": "private"})
    assert (await world.call(OTHER, "GET", "/collections/subscribed")).json()["collections"] == []
    assert (await world.call(OTHER, "GET", "/collections?q=zebra")).json()["collections"] == []
    assert (await world.call(OWNER, "GET", f"/collections/{public_id}")).json()["subscriber_count"] == 1


async def test_another_learners_private_scenario_cannot_be_organised_rated_or_looked_at(world):
    callers = (OTHER, ADMIN, ANONYMOUS, OWNER)
    routes = [
        ("GET", "/scenarios/hidden/ratings/summary", None, (404, 404, 401, 200)),
        ("GET", "/scenarios/hidden/ratings", None, (404, 404, 401, 200)),
        ("PUT", "/scenarios/hidden/ratings", _rating(), (404, 404, 401, 200)),
        ("POST", "/bookmarks/toggle", {"kind": "scenario", "id": "hidden"}, (404, 404, 401, 200)),
        ("GET", "/tags/items/scenario/hidden", None, (404, 404, 401, 200)),
        ("POST", "/tags/items/scenario/hidden", {"tags": ["mine"]}, (404, 404, 401, 200)),
        ("POST", "/collections", {"name": "Sneaky", "items": [{"kind": "scenario", "id": "hidden"}]}, (404, 404, 401, 201)),
    ]
    for method, path, body, expected in routes:
        got = [(await world.call(who, method, path, body)).status_code for who in callers]
        assert got == list(expected), f"{method} {path}: {dict(zip(callers, got, strict=True))}"


async def test_a_learners_bookmark_folders_are_theirs_alone(world):
    folder = (await world.call(OWNER, "POST", "/bookmarks/folders", {"name": "Later"})).json()
    for who, expected in ((OTHER, 404), (ADMIN, 404), (ANONYMOUS, 401)):
        assert (await world.call(who, "PATCH", f"/bookmarks/folders/{folder['id']}", {"name": "Mine"})).status_code == expected
        assert (await world.call(who, "DELETE", f"/bookmarks/folders/{folder['id']}")).status_code == expected
        assert (await world.call(who, "GET", f"/bookmarks?folder={folder['id']}")).status_code == expected
    assert (await world.call(OTHER, "GET", "/bookmarks/folders")).json()["folders"] == []


def _rating() -> dict:
    dimensions = {"difficulty_accuracy": 4, "engagement": 4, "learning_effectiveness": 4, "cultural_authenticity": 4}
    return {"overall": 4, "dimensions": dimensions}
