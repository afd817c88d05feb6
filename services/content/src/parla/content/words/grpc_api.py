"""gRPC servicer: translates messages and delegates to ``WordService``."""

from __future__ import annotations

from parla.chassis.auth import principal
from parla.chassis.grpc_server import timestamp
from parla.content.words.service import WordService
from parla.contracts.rpc.content.v1 import words_pb2 as pb
from parla.contracts.rpc.content.v1 import words_pb2_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["WordService"].full_name
add_to_server = words_pb2_grpc.add_WordServiceServicer_to_server


class WordServicer(words_pb2_grpc.WordServiceServicer):
    def __init__(self, service: WordService) -> None:
        self._service = service

    async def SetWordStatuses(self, request: pb.SetWordStatusesRequest, context) -> pb.SetWordStatusesResponse:
        words = await self._service.set_statuses(principal(), [(w.language, w.lemma, w.status) for w in request.words])
        return pb.SetWordStatusesResponse(
            words=[pb.WordStatus(language=language, lemma=lemma, status=status) for language, lemma, status in words]
        )

    async def ListWords(self, request: pb.ListWordsRequest, context) -> pb.ListWordsResponse:
        page = await self._service.words(
            principal(), language=request.language, status=request.status, limit=request.limit, offset=request.offset
        )
        return pb.ListWordsResponse(
            words=[
                pb.WordStatus(language=w.language, lemma=w.lemma, status=w.status, updated_at=timestamp(w.updated_at))
                for w in page.words
            ],
            total=page.total,
            counts=[pb.WordCount(language=language, status=status, count=count) for language, status, count in page.counts],
        )
