"""Tags on scenarios, documents and collections (organization service): your own, private to
you, and the keywords generated from each scenario's own words."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from parla.contracts.rpc.organization.v1 import tags_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.item_schemas import ItemId
from parla.gateway.schemas import ERROR_RESPONSES, Language, from_message
from parla.gateway.tag_schemas import ItemTagsOut, Tag, TagCountsOut, TaggedKind, TaggedPageOut, TagPrefix, TagsIn

router = APIRouter(prefix="/tags", tags=["tags"], dependencies=[SignedIn], responses=ERROR_RESPONSES)

Kind = Annotated[TaggedKind, Path(description="scenario, document or collection")]
Id = Annotated[ItemId, Path(description="The scenario's id (its slug), the document's or the collection's id")]
TagInPath = Annotated[Tag, Path(description="A tag, as you wrote it or normalised")]
Prefix = Annotated[TagPrefix, Query(description="Only tags starting with this, for autocompletion")]
Limit = Annotated[int, Query(ge=1, le=100, description="At most 100")]
Offset = Annotated[int, Query(ge=0, le=10_000)]


def _ref(kind: str, item_id: str) -> pb.TaggedRef:
    return pb.TaggedRef(kind=kind, id=item_id)


@router.get("")
async def my_tags(clients: Clients, prefix: Prefix = "", limit: Limit = 20) -> TagCountsOut:
    """Your tags with how many of your items carry each, most used first."""
    request = pb.ListTagsRequest(prefix=prefix, limit=limit)
    return from_message(TagCountsOut, await clients.tags.ListMyTags(request))


@router.get("/popular")
async def popular_tags(
    clients: Clients,
    language: Annotated[Language | None, Query(description="Only keywords of this language")] = None,
    prefix: Prefix = "",
    limit: Limit = 20,
) -> TagCountsOut:
    """Keywords of the public scenarios, with how many scenarios carry each, most first."""
    request = pb.ListTagsRequest(prefix=prefix, limit=limit, language=language or "")
    return from_message(TagCountsOut, await clients.tags.ListPopularTags(request))


@router.get("/{tag}/items")
async def tagged_items(
    tag: TagInPath,
    clients: Clients,
    kind: Annotated[TaggedKind | None, Query(description="Only this kind of item")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> TaggedPageOut:
    """What carries the tag: your own tagged items, then public scenarios whose keywords include it."""
    request = pb.FindByTagRequest(tag=tag, kind=kind or "", limit=limit, offset=offset)
    return from_message(TaggedPageOut, await clients.tags.FindByTag(request))


@router.get("/items/{kind}/{item_id}")
async def item_tags(kind: Kind, item_id: Id, clients: Clients) -> ItemTagsOut:
    """Your tags on an item and, for a scenario, its keywords (for someone else's public
    collection: its owner's tags)."""
    return from_message(ItemTagsOut, await clients.tags.GetItemTags(_ref(kind, item_id)))


@router.post("/items/{kind}/{item_id}")
async def tag_item(kind: Kind, item_id: Id, body: TagsIn, clients: Clients) -> ItemTagsOut:
    """Add your tags to an item you can see (at most 50 on one item, 5,000 in all); tags it
    has already are kept once. Answers the item's tags."""
    request = pb.TagItemRequest(item=_ref(kind, item_id), tags=body.tags)
    return from_message(ItemTagsOut, await clients.tags.TagItem(request))


@router.delete("/items/{kind}/{item_id}/{tag}")
async def untag_item(kind: Kind, item_id: Id, tag: TagInPath, clients: Clients) -> ItemTagsOut:
    """Remove one of your tags from an item (also one deleted since); a tag it does not carry
    changes nothing. Answers the item's tags."""
    request = pb.TagItemRequest(item=_ref(kind, item_id), tags=[tag])
    return from_message(ItemTagsOut, await clients.tags.UntagItem(request))
