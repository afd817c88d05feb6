"""gRPC servicer of collections: translates messages and delegates to ``CollectionService``."""

from __future__ import annotations

from parla.chassis.auth import principal
from parla.chassis.grpc_server import timestamp
from parla.contracts.rpc.organization.v1 import collections_pb2 as pb
from parla.contracts.rpc.organization.v1 import collections_pb2_grpc
from parla.organization.catalogue.domain import ItemRef, item_ref
from parla.organization.catalogue.service import item_message
from parla.organization.collections.service import CollectionPage, CollectionService, CollectionView, Entry

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["CollectionService"].full_name
add_to_server = collections_pb2_grpc.add_CollectionServiceServicer_to_server


def entry_message(entry: Entry, viewer) -> pb.CollectionItem:
    ref = ItemRef(entry.row.kind, entry.row.item_id)
    return pb.CollectionItem(
        item=item_message(ref, entry.item, viewer),
        position=entry.row.position,
        added_at=timestamp(entry.row.added_at),
        done=entry.done,
    )


def collection_message(view: CollectionView, viewer) -> pb.Collection:
    row = view.row
    message = pb.Collection(
        id=str(row.id),
        owner_id=str(row.owner_id),
        name=row.name,
        description=row.description,
        visibility=row.visibility,
        learning_path=row.learning_path,
        category=row.category,
        difficulty=row.difficulty,
        item_count=row.item_count,
        total_minutes=row.total_minutes,
        subscriber_count=row.subscriber_count,
        subscribed=view.subscribed,
        owned=row.owner_id == viewer,
        tags=view.tags,
        copied_from=str(row.copied_from or ""),
        created_at=timestamp(row.created_at),
        updated_at=timestamp(row.updated_at),
    )
    if view.entries is not None:
        message.items.extend(entry_message(e, viewer) for e in view.entries)
        if (next_up := view.next_up) is not None:
            message.next_up.CopyFrom(entry_message(next_up, viewer))
    return message


def page_message(result: CollectionPage, viewer) -> pb.CollectionPage:
    return pb.CollectionPage(collections=[collection_message(v, viewer) for v in result.collections], has_more=result.has_more)


def _refs(messages, field: str = "items"):
    return [item_ref(m.kind, m.id, field=f"{field}[{i}]") for i, m in enumerate(messages)]


class CollectionServicer(collections_pb2_grpc.CollectionServiceServicer):
    def __init__(self, service: CollectionService) -> None:
        self._service = service

    async def CreateCollection(self, request: pb.CreateCollectionRequest, context) -> pb.Collection:
        caller = principal()
        view = await self._service.create(
            caller,
            name=request.name,
            description=request.description,
            visibility=request.visibility,
            learning_path=request.learning_path,
            category=request.category,
            difficulty=request.difficulty,
            items=_refs(request.items),
        )
        return collection_message(view, caller.user_id)

    async def GetCollection(self, request: pb.GetCollectionRequest, context) -> pb.Collection:
        caller = principal()
        return collection_message(await self._service.get(caller, request.id), caller.user_id)

    async def UpdateCollection(self, request: pb.UpdateCollectionRequest, context) -> pb.Collection:
        caller = principal()
        values = {
            name: getattr(request, name)
            for name in ("name", "description", "visibility", "learning_path", "category", "difficulty")
        }
        view = await self._service.update(caller, request.id, list(request.fields), values)
        return collection_message(view, caller.user_id)

    async def DeleteCollection(self, request: pb.CollectionRef, context) -> pb.DeleteCollectionResponse:
        await self._service.delete(principal(), request.id)
        return pb.DeleteCollectionResponse()

    async def ListMyCollections(self, request: pb.ListMyCollectionsRequest, context) -> pb.CollectionPage:
        caller = principal()
        return page_message(await self._service.mine(caller, limit=request.limit, offset=request.offset), caller.user_id)

    async def BrowseCollections(self, request: pb.BrowseCollectionsRequest, context) -> pb.CollectionPage:
        caller = principal()
        result = await self._service.browse(
            caller,
            query=request.query,
            category=request.category,
            difficulty=request.difficulty,
            tag=request.tag,
            paths_only=request.learning_paths_only,
            sort=request.sort,
            limit=request.limit,
            offset=request.offset,
        )
        return page_message(result, caller.user_id)

    async def AddItem(self, request: pb.AddItemRequest, context) -> pb.Collection:
        caller = principal()
        ref = item_ref(request.item.kind, request.item.id)
        position = request.position if request.HasField("position") else None
        return collection_message(await self._service.add_item(caller, request.collection_id, ref, position), caller.user_id)

    async def RemoveItem(self, request: pb.RemoveItemRequest, context) -> pb.Collection:
        caller = principal()
        ref = item_ref(request.item.kind, request.item.id)
        return collection_message(await self._service.remove_item(caller, request.collection_id, ref), caller.user_id)

    async def ReorderItems(self, request: pb.ReorderItemsRequest, context) -> pb.Collection:
        caller = principal()
        view = await self._service.reorder(caller, request.collection_id, _refs(request.items))
        return collection_message(view, caller.user_id)

    async def Subscribe(self, request: pb.CollectionRef, context) -> pb.Collection:
        caller = principal()
        return collection_message(await self._service.subscribe(caller, request.id), caller.user_id)

    async def Unsubscribe(self, request: pb.CollectionRef, context) -> pb.Collection:
        caller = principal()
        return collection_message(await self._service.unsubscribe(caller, request.id), caller.user_id)

    async def ListSubscriptions(self, request: pb.ListSubscriptionsRequest, context) -> pb.CollectionPage:
        caller = principal()
        return page_message(await self._service.subscriptions(caller, limit=request.limit, offset=request.offset), caller.user_id)

    async def DuplicateCollection(self, request: pb.DuplicateCollectionRequest, context) -> pb.Collection:
        caller = principal()
        return collection_message(await self._service.duplicate(caller, request.id, request.name), caller.user_id)
