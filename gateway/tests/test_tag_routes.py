"""What the tags API sends the organization service, what it answers, and what it refuses before
any call."""

from __future__ import annotations

import grpc
import pytest

from parla.contracts.rpc.organization.v1 import items_pb2
from parla.contracts.rpc.organization.v1 import tags_pb2 as pb

from .fakes import signed_in
from .review_helpers import sent

COLLECTION = "5b0c7a1e-0000-4000-8000-0000000000c1"


@pytest.fixture
def headers(signing_keys) -> dict[str, str]:
    return signed_in(signing_keys)[1]


def item_tags(kind: str = "scenario", item_id: str = "restaurant-dinner-reservation") -> pb.ItemTags:
    return pb.ItemTags(
        item=pb.TaggedRef(kind=kind, id=item_id),
        mine=["cena", "comida rápida"],
        generated=[pb.GeneratedTag(tag="mesa", language="es"), pb.GeneratedTag(tag="tisch", language="de")],
    )


async def test_tagging_an_item_sends_the_tags_normalised_and_answers_the_items_tags(gateway, services, headers):
    services.answer("TagItem", item_tags())
    body = {"tags": ["  Comida   Rápida ", "CENA"]}
    response = await gateway.post("/api/v1/tags/items/scenario/restaurant-dinner-reservation", headers=headers, json=body)
    assert response.status_code == 200, response.text
    [request] = sent(services, "TagItem", pb.TagItemRequest)
    assert (request.item.kind, request.item.id, list(request.tags)) == (
        "scenario",
        "restaurant-dinner-reservation",
        ["comida rápida", "cena"],
    )
    assert response.json() == {
        "item": {"kind": "scenario", "id": "restaurant-dinner-reservation"},
        "mine": ["cena", "comida rápida"],
        "generated": [{"tag": "mesa", "language": "es"}, {"tag": "tisch", "language": "de"}],
    }


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ({"tags": []}, "tags"),
        ({"tags": ["a"]}, "2-50 characters"),
        ({"tags": ["x" * 51]}, "2-50 characters"),
        ({"tags": ["no!"]}, "'!'"),
        ({"tags": ["ok\u0000"]}, "NUL"),
        ({"tags": [f"tag {i}" for i in range(21)]}, "tags"),
        ({"tags": ["fine"], "user_id": "someone"}, "user_id"),
        ({"tag": "fine"}, "tags"),
    ],
)
async def test_bad_tags_are_refused_naming_the_field_before_any_call(gateway, services, headers, body, why):
    response = await gateway.post("/api/v1/tags/items/scenario/tapas", headers=headers, json=body)
    assert response.status_code == 422
    assert why in response.text
    assert services.calls == []


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/tags/items/recipe/tapas",
        "/api/v1/tags/items/scenario/" + "x" * 101,
        "/api/v1/tags/items/scenario/tapas/a",
        "/api/v1/tags/a/items",
        "/api/v1/tags/food/items?kind=recipe",
        "/api/v1/tags/food/items?limit=101",
        "/api/v1/tags/food/items?offset=10001",
        "/api/v1/tags?limit=0",
        "/api/v1/tags?prefix=fo%25",
        "/api/v1/tags/popular?language=xx",
    ],
)
async def test_bad_paths_and_queries_are_a_422_before_any_call(gateway, services, headers, path):
    method = "DELETE" if path.endswith("/tapas/a") else "GET"
    response = await gateway.request(method, path, headers=headers)
    assert response.status_code == 422, path
    assert services.calls == []


async def test_an_items_tags_are_read_for_any_kind_including_a_collection(gateway, services, headers):
    services.answer(
        "GetItemTags", pb.ItemTags(item=pb.TaggedRef(kind="collection", id=COLLECTION), generated=[pb.GeneratedTag(tag="viajes")])
    )
    response = await gateway.get(f"/api/v1/tags/items/collection/{COLLECTION}", headers=headers)
    assert response.status_code == 200, response.text
    [request] = sent(services, "GetItemTags", pb.TaggedRef)
    assert (request.kind, request.id) == ("collection", COLLECTION)
    assert response.json()["generated"] == [{"tag": "viajes", "language": ""}]
    assert response.json()["mine"] == []


async def test_untagging_sends_the_one_tag_normalised(gateway, services, headers):
    services.answer("UntagItem", item_tags())
    response = await gateway.delete("/api/v1/tags/items/scenario/tapas/Comida%20%20R%C3%A1pida", headers=headers)
    assert response.status_code == 200, response.text
    [request] = sent(services, "UntagItem", pb.TagItemRequest)
    assert (request.item.id, list(request.tags)) == ("tapas", ["comida rápida"])


async def test_my_tags_pass_prefix_and_limit_and_answer_counts(gateway, services, headers):
    services.answer("ListMyTags", pb.TagCounts(tags=[pb.TagCount(tag="food", count=3), pb.TagCount(tag="fun", count=1)]))
    response = await gateway.get("/api/v1/tags", headers=headers, params={"prefix": "  FO", "limit": 5})
    assert response.status_code == 200, response.text
    [request] = sent(services, "ListMyTags", pb.ListTagsRequest)
    assert (request.prefix, request.limit, request.language) == ("fo", 5, "")
    assert response.json() == {"tags": [{"tag": "food", "count": 3}, {"tag": "fun", "count": 1}]}


async def test_popular_tags_pass_the_language_and_default_to_twenty(gateway, services, headers):
    services.answer("ListPopularTags", pb.TagCounts(tags=[pb.TagCount(tag="mesa", count=4)]))
    response = await gateway.get("/api/v1/tags/popular", headers=headers, params={"language": "es"})
    assert response.status_code == 200, response.text
    [request] = sent(services, "ListPopularTags", pb.ListTagsRequest)
    assert (request.language, request.prefix, request.limit) == ("es", "", 20)
    assert response.json()["tags"] == [{"tag": "mesa", "count": 4}]


async def test_finding_by_tag_answers_scenarios_documents_and_collections(gateway, services, headers):
    summary = items_pb2.ItemSummary(
        ref=items_pb2.ItemRef(kind="scenario", id="tapas"), titles={"es": "Pedir tapas"}, languages=["es"]
    )
    removed = items_pb2.ItemSummary(ref=items_pb2.ItemRef(kind="scenario", id="gone"), removed=True)
    page = pb.TaggedPage(
        items=[
            pb.TaggedItem(ref=pb.TaggedRef(kind="collection", id=COLLECTION), collection_name="Eating out", mine=True),
            pb.TaggedItem(ref=pb.TaggedRef(kind="scenario", id="gone"), item=removed, mine=True, removed=True),
            pb.TaggedItem(ref=pb.TaggedRef(kind="scenario", id="tapas"), item=summary),
        ],
        has_more=True,
    )
    services.answer("FindByTag", page)
    response = await gateway.get(
        "/api/v1/tags/Comida%20Espa%C3%B1ola/items", headers=headers, params={"kind": "scenario", "limit": 3, "offset": 6}
    )
    assert response.status_code == 200, response.text
    [request] = sent(services, "FindByTag", pb.FindByTagRequest)
    assert (request.tag, request.kind, request.limit, request.offset) == ("comida española", "scenario", 3, 6)
    collection, gone, tapas = response.json()["items"]
    assert (collection["item"], collection["collection_name"], collection["mine"], collection["removed"]) == (
        None,
        "Eating out",
        True,
        False,
    )
    assert (gone["removed"], gone["item"]["removed"], gone["item"]["titles"]) == (True, True, {})
    assert (tapas["mine"], tapas["item"]["titles"], tapas["collection_name"]) == (False, {"es": "Pedir tapas"}, "")
    assert response.json()["has_more"] is True


async def test_every_tag_route_needs_a_signed_in_learner(gateway, services):
    for method, path in [
        ("GET", "/api/v1/tags"),
        ("GET", "/api/v1/tags/popular"),
        ("GET", "/api/v1/tags/food/items"),
        ("GET", "/api/v1/tags/items/scenario/tapas"),
        ("POST", "/api/v1/tags/items/scenario/tapas"),
        ("DELETE", "/api/v1/tags/items/scenario/tapas/food"),
    ]:
        assert (await gateway.request(method, path)).status_code == 401, path
    assert services.calls == []


async def test_what_the_service_does_not_find_is_a_404_with_the_callers_token_passed_on(gateway, services, headers):
    # Nothing answered: the fake service says NOT_FOUND, as for another learner's private item.
    response = await gateway.post(
        "/api/v1/tags/items/document/5b0c7a1e-0000-4000-8000-000000000009", headers=headers, json={"tags": ["x y"]}
    )
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")
    [call] = services.named("TagItem")
    assert call.metadata["authorization"] == headers["Authorization"]


async def test_a_limit_the_service_refuses_is_a_409(gateway, services, headers, monkeypatch):
    async def full(request, context):
        await context.abort(grpc.StatusCode.FAILED_PRECONDITION, "an item carries at most 50 of your tags; remove some first")

    original = services.service

    def refusing(details):
        return grpc.unary_unary_rpc_method_handler(full) if details.method.endswith("/TagItem") else original(details)

    monkeypatch.setattr(services, "service", refusing)
    response = await gateway.post("/api/v1/tags/items/scenario/tapas", headers=headers, json={"tags": ["one more"]})
    assert response.status_code == 409
    assert "at most 50" in response.json()["error"]["message"]


async def test_the_openapi_document_lists_every_tag_route(gateway):
    paths = (await gateway.get("/api/v1/openapi.json")).json()["paths"]
    assert {"get"} <= set(paths["/api/v1/tags"]) and {"get"} <= set(paths["/api/v1/tags/popular"])
    assert {"get"} <= set(paths["/api/v1/tags/{tag}/items"])
    assert {"get", "post"} <= set(paths["/api/v1/tags/items/{kind}/{item_id}"])
    assert {"delete"} <= set(paths["/api/v1/tags/items/{kind}/{item_id}/{tag}"])
