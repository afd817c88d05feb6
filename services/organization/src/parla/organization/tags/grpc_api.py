"""gRPC servicer: translates messages and delegates to ``TagService``."""

from __future__ import annotations

import uuid

from parla.chassis.auth import principal
from parla.contracts.rpc.organization.v1 import tags_pb2 as pb
from parla.contracts.rpc.organization.v1 import tags_pb2_grpc
from parla.organization.catalogue.service import item_message
from parla.organization.tags.service import Found, ItemTags, TagService

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["TagService"].full_name
add_to_server = tags_pb2_grpc.add_TagServiceServicer_to_server


def item_tags_message(shown: ItemTags) -> pb.ItemTags:
    return pb.ItemTags(
        item=pb.TaggedRef(kind=shown.ref.kind, id=shown.ref.id),
        mine=shown.mine,
        generated=[pb.GeneratedTag(tag=tag, language=language) for tag, language in shown.generated],
    )


def tagged_item_message(found: Found, user_id: uuid.UUID) -> pb.TaggedItem:
    message = pb.TaggedItem(
        ref=pb.TaggedRef(kind=found.ref.kind, id=found.ref.id),
        mine=found.mine,
        removed=found.removed,
        collection_name=found.collection_name,
    )
    if found.ref.kind != "collection":
        message.item.CopyFrom(item_message(found.ref, found.item, user_id))
    return message


def counts_message(counts: list[tuple[str, int]]) -> pb.TagCounts:
    return pb.TagCounts(tags=[pb.TagCount(tag=tag, count=count) for tag, count in counts])


class TagServicer(tags_pb2_grpc.TagServiceServicer):
    def __init__(self, service: TagService) -> None:
        self._service = service

    async def TagItem(self, request: pb.TagItemRequest, context) -> pb.ItemTags:
        shown = await self._service.tag(principal(), kind=request.item.kind, item_id=request.item.id, tags=list(request.tags))
        return item_tags_message(shown)

    async def UntagItem(self, request: pb.TagItemRequest, context) -> pb.ItemTags:
        shown = await self._service.untag(principal(), kind=request.item.kind, item_id=request.item.id, tags=list(request.tags))
        return item_tags_message(shown)

    async def GetItemTags(self, request: pb.TaggedRef, context) -> pb.ItemTags:
        return item_tags_message(await self._service.item_tags(principal(), kind=request.kind, item_id=request.id))

    async def ListMyTags(self, request: pb.ListTagsRequest, context) -> pb.TagCounts:
        return counts_message(await self._service.my_tags(principal(), prefix=request.prefix, limit=request.limit))

    async def ListPopularTags(self, request: pb.ListTagsRequest, context) -> pb.TagCounts:
        counts = await self._service.popular(principal(), language=request.language, prefix=request.prefix, limit=request.limit)
        return counts_message(counts)

    async def FindByTag(self, request: pb.FindByTagRequest, context) -> pb.TaggedPage:
        caller = principal()
        page = await self._service.find(caller, tag=request.tag, kind=request.kind, limit=request.limit, offset=request.offset)
        return pb.TaggedPage(items=[tagged_item_message(found, caller.user_id) for found in page.items], has_more=page.has_more)
