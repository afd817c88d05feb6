"""Another learner, over every operation of the OpenAPI document that names a learner's own
resource (a run, a review session, a card, a document, a collection, a bookmark folder): nothing
is shown to them and nothing they send changes it. Ownership is enforced by the owning service,
so this runs on the real stack."""

from __future__ import annotations

import re

import pytest

from parla.gateway.config import GatewaySettings
from parla.gateway.main import create_app

from .conftest import Learner, new_learner

DOCUMENT = create_app(GatewaySettings()).openapi()
OWNED = {"run_id", "session_id", "card_id", "document_id", "collection_id", "folder_id"}


def operations() -> list[tuple[str, str]]:
    """Every operation whose path names one of a learner's own resources (and nothing else but
    an item of theirs)."""
    found = []
    for path, item in DOCUMENT["paths"].items():
        names = set(re.findall(r"\{(\w+)\}", path))
        if names & OWNED and names <= OWNED | {"kind", "item_id"}:
            found += [(method.upper(), path) for method in item]
    return found


_MADE: list = []  # the owner, their resources and another learner: made once, on the shared stack


@pytest.fixture
async def owner_and_resources(api) -> tuple[Learner, dict[str, str], Learner]:
    if not _MADE:
        _MADE.extend([*await _make(api), await new_learner(api)])
    return tuple(_MADE)  # type: ignore[return-value]


async def _make(api) -> tuple[Learner, dict[str, str]]:
    owner = await new_learner(api)
    h = owner.headers

    async def made(method: str, path: str, body: dict) -> dict:
        answer = await api.request(method, path, json=body, headers=h)
        assert answer.status_code in (200, 201, 202), f"{method} {path}: {answer.text}"
        return answer.json()

    run = await made("POST", "/api/v1/runs", {"scenario_id": "hotel-check-in", "language": "es"})
    session = await made("POST", "/api/v1/review/sessions", {})
    card = await made("POST", "/api/v1/cards", {"language": "es", "front": "la llave", "back": "the key"})
    document = await made("POST", "/api/v1/content", {"text": "Mi casa es pequeña. Tengo una llave roja.", "title": "Mía"})
    collection = await made("POST", "/api/v1/collections", {"name": "Private"})
    folder = await made("POST", "/api/v1/bookmarks/folders", {"name": "Mine"})
    return owner, {
        "run_id": run["id"],
        "session_id": session["id"],
        "card_id": card["id"],
        "document_id": document["id"],
        "collection_id": collection["id"],
        "folder_id": folder["id"],
        "kind": "document",
        "item_id": document["id"],
    }


def test_the_matrix_covers_every_kind_of_owned_resource():
    covered = {name for _, path in operations() for name in re.findall(r"\{(\w+)\}", path)}
    assert covered >= OWNED and len(operations()) >= 25


@pytest.mark.parametrize(("method", "path"), operations(), ids=[f"{m} {p}" for m, p in operations()])
async def test_another_learner_gets_nothing_of_a_learners_own_resource(api, owner_and_resources, method, path):
    owner, ids, other = owner_and_resources
    target = re.sub(r"\{(\w+)\}", lambda match: ids[match.group(1)], path)
    answer = await api.request(method, target, json={}, headers=other.headers)
    assert answer.status_code >= 400, f"{method} {target} as another learner: {answer.status_code} {answer.text[:200]}"
    if method == "GET":  # a read tells them nothing: not even that it exists
        assert answer.status_code in (403, 404), answer.text
    # ... and the owner still has it as it was.
    for name, check in (("run_id", "/api/v1/runs/{}"), ("card_id", "/api/v1/cards/{}"), ("document_id", "/api/v1/content/{}")):
        assert (await api.get(check.format(ids[name]), headers=owner.headers)).status_code == 200, name
    assert (await api.get(f"/api/v1/collections/{ids['collection_id']}", headers=owner.headers)).status_code == 200
