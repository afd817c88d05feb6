"""Collections and learning paths (organization service): the learner's own, the public ones to
browse and subscribe to, and copies of them."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from parla.contracts.rpc.organization.v1 import collections_pb2 as pb
from parla.contracts.rpc.organization.v1 import items_pb2
from parla.gateway.collection_schemas import (
    Category,
    CollectionChangeIn,
    CollectionIn,
    CollectionOut,
    CollectionPageOut,
    Difficulty,
    DuplicateIn,
    ItemOrderIn,
    NewItemIn,
)
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.item_schemas import ItemId, ItemKind, ItemRefIn
from parla.gateway.schemas import ERROR_RESPONSES, Text, from_message

router = APIRouter(prefix="/collections", tags=["collections"], dependencies=[SignedIn], responses=ERROR_RESPONSES)

CollectionId = Annotated[uuid.UUID, Path(description="The collection's id")]
Limit = Annotated[int, Query(ge=1, le=100, description="At most 100")]
Offset = Annotated[int, Query(ge=0, le=10_000)]


def _ref(item: ItemRefIn) -> items_pb2.ItemRef:
    return items_pb2.ItemRef(kind=item.kind, id=item.id)


def _one(message: pb.Collection) -> CollectionOut:
    return from_message(CollectionOut, message)


@router.post("", status_code=201)
async def create_collection(body: CollectionIn, clients: Clients) -> CollectionOut:
    """A new collection of yours (private unless you say public), optionally with its first items."""
    request = pb.CreateCollectionRequest(
        name=body.name,
        description=body.description,
        visibility=body.visibility,
        learning_path=body.learning_path,
        category=body.category or "",
        difficulty=body.difficulty or "",
        items=[_ref(item) for item in body.items],
    )
    return _one(await clients.collections.CreateCollection(request))


@router.get("")
async def browse_collections(
    clients: Clients,
    q: Annotated[Text, Query(max_length=200, description="Words to find in the name and description")] = "",
    category: Category | None = None,
    difficulty: Difficulty | None = None,
    tag: Annotated[Text, Query(max_length=50, description="Only collections their owner tagged so")] = "",
    learning_paths_only: bool = False,
    sort: Literal["popular", "recent"] = "popular",
    limit: Limit = 20,
    offset: Offset = 0,
) -> CollectionPageOut:
    """Public collections: most subscribed first, or most recently changed."""
    request = pb.BrowseCollectionsRequest(
        query=q,
        category=category or "",
        difficulty=difficulty or "",
        tag=tag,
        learning_paths_only=learning_paths_only,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    return from_message(CollectionPageOut, await clients.collections.BrowseCollections(request))


@router.get("/mine")
async def my_collections(clients: Clients, limit: Limit = 20, offset: Offset = 0) -> CollectionPageOut:
    """Your collections, most recently changed first."""
    request = pb.ListMyCollectionsRequest(limit=limit, offset=offset)
    return from_message(CollectionPageOut, await clients.collections.ListMyCollections(request))


@router.get("/subscribed")
async def subscribed_collections(clients: Clients, limit: Limit = 20, offset: Offset = 0) -> CollectionPageOut:
    """Public collections you subscribed to, latest first."""
    request = pb.ListSubscriptionsRequest(limit=limit, offset=offset)
    return from_message(CollectionPageOut, await clients.collections.ListSubscriptions(request))


@router.get("/{collection_id}")
async def get_collection(collection_id: CollectionId, clients: Clients) -> CollectionOut:
    """The collection with its items in order (and, for a learning path, your next one)."""
    return _one(await clients.collections.GetCollection(pb.GetCollectionRequest(id=str(collection_id))))


@router.patch("/{collection_id}")
async def change_collection(collection_id: CollectionId, body: CollectionChangeIn, clients: Clients) -> CollectionOut:
    """Change the fields you send; the others stay as they are. Only the owner can."""
    sent = body.model_fields_set
    request = pb.UpdateCollectionRequest(id=str(collection_id), fields=sorted(sent))
    for name in sent:
        value = getattr(body, name)
        setattr(request, name, value if value is not None else ("" if name != "learning_path" else False))
    return _one(await clients.collections.UpdateCollection(request))


@router.delete("/{collection_id}", status_code=204, response_class=Response)
async def delete_collection(collection_id: CollectionId, clients: Clients) -> None:
    """Delete the collection (its items are not touched, only the list of them)."""
    await clients.collections.DeleteCollection(pb.CollectionRef(id=str(collection_id)))


@router.post("/{collection_id}/items")
async def add_item(collection_id: CollectionId, body: NewItemIn, clients: Clients) -> CollectionOut:
    """Add a scenario or a document you can see, at a position or at the end."""
    request = pb.AddItemRequest(collection_id=str(collection_id), item=items_pb2.ItemRef(kind=body.kind, id=body.id))
    if body.position is not None:
        request.position = body.position
    return _one(await clients.collections.AddItem(request))


@router.delete("/{collection_id}/items/{kind}/{item_id}")
async def remove_item(
    collection_id: CollectionId, kind: ItemKind, item_id: Annotated[ItemId, Path()], clients: Clients
) -> CollectionOut:
    """Take an item out; the others close up."""
    request = pb.RemoveItemRequest(collection_id=str(collection_id), item=items_pb2.ItemRef(kind=kind, id=item_id))
    return _one(await clients.collections.RemoveItem(request))


@router.put("/{collection_id}/items")
async def reorder_items(collection_id: CollectionId, body: ItemOrderIn, clients: Clients) -> CollectionOut:
    """Put the items in a new order: send all of them. If the collection changed meanwhile (the
    list does not match), the answer is 409: reload it and send the order again."""
    request = pb.ReorderItemsRequest(collection_id=str(collection_id), items=[_ref(item) for item in body.items])
    return _one(await clients.collections.ReorderItems(request))


@router.put("/{collection_id}/subscription")
async def subscribe(collection_id: CollectionId, clients: Clients) -> CollectionOut:
    """Subscribe to a public collection (again changes nothing)."""
    return _one(await clients.collections.Subscribe(pb.CollectionRef(id=str(collection_id))))


@router.delete("/{collection_id}/subscription")
async def unsubscribe(collection_id: CollectionId, clients: Clients) -> CollectionOut:
    """Stop following the collection."""
    return _one(await clients.collections.Unsubscribe(pb.CollectionRef(id=str(collection_id))))


@router.post("/{collection_id}/duplicate", status_code=201)
async def duplicate_collection(collection_id: CollectionId, clients: Clients, body: DuplicateIn | None = None) -> CollectionOut:
    """A private copy of a collection you can see, yours to change."""
    request = pb.DuplicateCollectionRequest(id=str(collection_id), name=(body.name if body and body.name else ""))
    return _one(await clients.collections.DuplicateCollection(request))
