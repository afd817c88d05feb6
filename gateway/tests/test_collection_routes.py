"""What the collections API sends the organization service, what it answers, and what it refuses
before any call."""

from __future__ import annotations

import uuid

import grpc
import pytest

from parla.contracts.rpc.organization.v1 import collections_pb2 as pb
from parla.contracts.rpc.organization.v1 import items_pb2

from .fakes import signed_in
from .review_helpers import sent

COLLECTION = "5b0c7a1e-0000-4000-8000-000000000001"
OWNER = "5b0c7a1e-0000-4000-8000-000000000002"


@pytest.fixture
def headers(signing_keys) -> dict[str, str]:
    return signed_in(signing_keys)[1]


def collection_message(**fields) -> pb.Collection:
    item = pb.CollectionItem(
        item=items_pb2.ItemSummary(ref=items_pb2.ItemRef(kind="scenario", id="hotel-check-in"), titles={"es": "En el hotel"}),
        position=0,
    )
    base = {"id": COLLECTION, "owner_id": OWNER, "name": "Travel", "visibility": "public", "item_count": 1, "items": [item]}
    message = pb.Collection(**{**base, **fields})
    message.created_at.GetCurrentTime()
    message.updated_at.GetCurrentTime()
    return message


async def test_a_new_collection_reaches_the_service_with_its_items_in_order_and_answers_201(gateway, services, headers):
    services.answer("CreateCollection", collection_message())
    body = {
        "name": "  Travel  ",
        "visibility": "public",
        "learning_path": True,
        "category": "travel",
        "items": [{"kind": "scenario", "id": "hotel-check-in"}, {"kind": "document", "id": str(uuid.UUID(int=7))}],
    }
    response = await gateway.post("/api/v1/collections", headers=headers, json=body)
    assert response.status_code == 201, response.text
    [request] = sent(services, "CreateCollection", pb.CreateCollectionRequest)
    assert (request.name, request.visibility, request.learning_path, request.category, request.difficulty) == (
        "Travel",
        "public",
        True,
        "travel",
        "",
    )
    assert [(i.kind, i.id) for i in request.items] == [("scenario", "hotel-check-in"), ("document", str(uuid.UUID(int=7)))]
    answer = response.json()
    assert answer["id"] == COLLECTION and answer["items"][0]["item"]["titles"] == {"es": "En el hotel"}
    assert answer["next_up"] is None and answer["copied_from"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "ab"}, "name"),
        ({"name": "x" * 256}, "name"),
        ({"name": "Fine", "visibility": "friends"}, "visibility"),
        ({"name": "Fine", "category": "space"}, "category"),
        ({"name": "Fine", "items": [{"kind": "video", "id": "x"}]}, "kind"),
        ({"name": "Fine", "items": [{"kind": "scenario", "id": "a/b"}]}, "id"),
        ({"name": "Fine", "items": [{"kind": "scenario", "id": str(i)} for i in range(201)]}, "items"),
        ({"name": "<b>Fine</b>"}, "name"),
        ({"name": "Fine", "owner_id": OWNER}, "owner_id"),
    ],
)
async def test_a_bad_collection_is_refused_naming_the_field_before_any_call(gateway, services, headers, body, field):
    response = await gateway.post("/api/v1/collections", headers=headers, json=body)
    assert response.status_code == 422
    assert field in response.text
    assert services.calls == []


async def test_every_collection_route_needs_a_signed_in_learner(gateway, services):
    for method, path in [
        ("GET", "/api/v1/collections"),
        ("GET", "/api/v1/collections/mine"),
        ("GET", f"/api/v1/collections/{COLLECTION}"),
        ("POST", "/api/v1/collections"),
        ("PUT", f"/api/v1/collections/{COLLECTION}/subscription"),
        ("DELETE", f"/api/v1/collections/{COLLECTION}"),
    ]:
        assert (await gateway.request(method, path)).status_code == 401, path
    assert services.calls == []


async def test_a_change_sends_only_the_fields_given(gateway, services, headers):
    services.answer("UpdateCollection", collection_message(name="Renamed"))
    body = {"name": "Renamed", "category": None}
    response = await gateway.patch(f"/api/v1/collections/{COLLECTION}", headers=headers, json=body)
    assert response.status_code == 200, response.text
    [request] = sent(services, "UpdateCollection", pb.UpdateCollectionRequest)
    assert (list(request.fields), request.name, request.category) == (["category", "name"], "Renamed", "")


async def test_browsing_passes_the_filters_and_answers_a_page(gateway, services, headers):
    services.answer("BrowseCollections", pb.CollectionPage(collections=[collection_message(items=[])], has_more=True))
    response = await gateway.get(
        "/api/v1/collections",
        headers=headers,
        params={"q": "café", "tag": "food", "sort": "recent", "limit": 5, "offset": 10, "learning_paths_only": "true"},
    )
    assert response.status_code == 200, response.text
    [request] = sent(services, "BrowseCollections", pb.BrowseCollectionsRequest)
    assert (request.query, request.tag, request.sort, request.limit, request.offset, request.learning_paths_only) == (
        "café",
        "food",
        "recent",
        5,
        10,
        True,
    )
    assert response.json()["has_more"] is True
    assert (await gateway.get("/api/v1/collections", headers=headers, params={"limit": 101})).status_code == 422


async def test_items_are_added_at_a_position_removed_and_reordered(gateway, services, headers):
    for name in ("AddItem", "RemoveItem", "ReorderItems"):
        services.answer(name, collection_message())
    base = f"/api/v1/collections/{COLLECTION}/items"
    assert (await gateway.post(base, headers=headers, json={"kind": "scenario", "id": "a", "position": 0})).status_code == 200
    assert (await gateway.post(base, headers=headers, json={"kind": "scenario", "id": "b"})).status_code == 200
    assert (await gateway.delete(f"{base}/scenario/a", headers=headers)).status_code == 200
    order = [{"kind": "scenario", "id": "b"}, {"kind": "scenario", "id": "c"}]
    assert (await gateway.put(base, headers=headers, json={"items": order})).status_code == 200
    first, second = sent(services, "AddItem", pb.AddItemRequest)
    assert (first.HasField("position"), first.position, second.HasField("position")) == (True, 0, False)
    [removed] = sent(services, "RemoveItem", pb.RemoveItemRequest)
    assert (removed.collection_id, removed.item.kind, removed.item.id) == (COLLECTION, "scenario", "a")
    [reordered] = sent(services, "ReorderItems", pb.ReorderItemsRequest)
    assert [i.id for i in reordered.items] == ["b", "c"]


async def test_an_id_that_cannot_be_a_collection_is_a_422_before_any_call(gateway, services, headers):
    assert (await gateway.get("/api/v1/collections/not-a-uuid", headers=headers)).status_code == 422
    assert services.calls == []


async def test_the_services_verdicts_become_http_statuses(gateway, services, headers):
    # Nothing answered: the fake service says NOT_FOUND, as for another learner's private collection.
    assert (await gateway.get(f"/api/v1/collections/{COLLECTION}", headers=headers)).status_code == 404
    assert (await gateway.post(f"/api/v1/collections/{COLLECTION}/duplicate", headers=headers)).status_code == 404
    [call] = services.named("GetCollection")
    assert call.metadata["authorization"] == headers["Authorization"]


async def test_a_stale_reorder_is_a_409_saying_to_reload(gateway, services, headers, monkeypatch):
    async def stale(request, context):
        await context.abort(grpc.StatusCode.FAILED_PRECONDITION, "the list does not match the collection's items; reload it")

    # The fake answers by name; a conflict is the service's FAILED_PRECONDITION.
    services.answers.pop("ReorderItems", None)
    original = services.service

    def conflicting(details):
        handler = original(details)
        return grpc.unary_unary_rpc_method_handler(stale) if details.method.endswith("/ReorderItems") else handler

    monkeypatch.setattr(services, "service", conflicting)
    response = await gateway.put(f"/api/v1/collections/{COLLECTION}/items", headers=headers, json={"items": []})
    assert response.status_code == 409
    assert "reload" in response.json()["error"]["message"]
