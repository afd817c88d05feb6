"""gRPC servicer: translates messages and delegates to ``DocumentService``."""

from __future__ import annotations

from parla.chassis.auth import principal
from parla.chassis.grpc_server import timestamp
from parla.content.documents.db import DocumentRow
from parla.content.documents.service import DocumentService, StudyMaterial
from parla.contracts.rpc.content.v1 import documents_pb2 as pb
from parla.contracts.rpc.content.v1 import documents_pb2_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["DocumentService"].full_name
add_to_server = documents_pb2_grpc.add_DocumentServiceServicer_to_server


def document_message(document: DocumentRow, mastery: str = "not_started") -> pb.Document:
    return pb.Document(
        id=str(document.id),
        title=document.title,
        description=document.description or "",
        kind=document.kind,
        stage=document.stage,
        percent=document.percent,
        failure_reason=document.failure_reason or "",
        language=document.language or "",
        level=document.level or "",
        word_count=document.word_count or 0,
        topics=list(document.topics or []),
        filename=document.filename,
        size_bytes=document.size_bytes,
        created_at=timestamp(document.created_at),
        updated_at=timestamp(document.updated_at),
        views=document.views or 0,
        study_seconds=document.study_seconds or 0,
        progress_percent=document.progress_percent or 0,
        mastery=mastery,
        last_studied_at=timestamp(document.last_studied_at),
        gloss_language=document.gloss_language or "",
    )


def material_message(view: StudyMaterial) -> pb.StudyMaterial:
    analysis, material = view.material.analysis, view.material.material or {}
    return pb.StudyMaterial(
        document=document_message(view.document),
        summary=analysis.get("summary", []),
        sentence_count=analysis.get("sentence_count", 0),
        vocabulary=[
            pb.VocabularyItem(**{**item, "status": view.statuses.get(item["lemma"], "new")})
            for item in analysis.get("vocabulary", [])
        ],
        flashcards=[pb.Flashcard(**{**card, "gloss": card.get("gloss") or ""}) for card in material.get("flashcards", [])],
        quiz=[pb.QuizQuestion(**question) for question in material.get("quiz", [])],
        key_concepts=material.get("key_concepts", []),
        notes=view.material.notes,
    )


class DocumentServicer(documents_pb2_grpc.DocumentServiceServicer):
    def __init__(self, service: DocumentService) -> None:
        self._service = service

    async def ImportDocument(self, request: pb.ImportDocumentRequest, context) -> pb.Document:
        source = request.WhichOneof("source")
        document = await self._service.import_document(
            principal(),
            title=request.title,
            description=request.description,
            filename=request.filename,
            content=request.content if source == "content" else None,
            text=request.text if source == "text" else None,
            gloss_language=request.gloss_language,
        )
        return document_message(document)

    async def _described(self, documents: list[DocumentRow]) -> list[pb.Document]:
        masteries = await self._service.masteries(principal(), documents)
        return [document_message(d, masteries[d.id]) for d in documents]

    async def GetDocument(self, request: pb.GetDocumentRequest, context) -> pb.Document:
        [document] = await self._described([await self._service.document(principal(), request.id)])
        return document

    async def RecordStudy(self, request: pb.RecordStudyRequest, context) -> pb.Document:
        studied = await self._service.record_study(
            principal(), request.id, seconds=request.seconds, progress_percent=request.progress_percent
        )
        [document] = await self._described([studied])
        return document

    async def ListDocuments(self, request: pb.ListDocumentsRequest, context) -> pb.ListDocumentsResponse:
        documents, total = await self._service.documents(
            principal(),
            limit=request.limit,
            offset=request.offset,
            q=request.q,
            sort=request.sort,
            kind=request.kind,
            language=request.language,
            level=request.level,
            stage=request.stage,
        )
        return pb.ListDocumentsResponse(documents=await self._described(documents), total=total)

    async def DeleteDocument(self, request: pb.DeleteDocumentRequest, context) -> pb.DeleteDocumentResponse:
        await self._service.delete(principal(), request.id)
        return pb.DeleteDocumentResponse()

    async def GetStudyMaterial(self, request: pb.GetStudyMaterialRequest, context) -> pb.StudyMaterial:
        return material_message(await self._service.study_material(principal(), request.id))

    async def UpdateNotes(self, request: pb.UpdateNotesRequest, context) -> pb.StudyMaterial:
        return material_message(await self._service.update_notes(principal(), request.id, request.notes))

    async def DraftScenario(self, request: pb.DraftScenarioRequest, context) -> pb.ScenarioDraft:
        answer = pb.ScenarioDraft()
        answer.draft.update(await self._service.scenario_draft(principal(), request.id))
        return answer

    async def GetLibraryStats(self, request: pb.GetLibraryStatsRequest, context) -> pb.LibraryStats:
        stats = await self._service.stats(principal())

        def tallies(name: str) -> list[pb.Tally]:
            return [pb.Tally(name=value, count=count) for value, count in stats.tallies[name]]

        return pb.LibraryStats(
            documents=stats.documents,
            words=stats.words,
            by_stage=tallies("stage"),
            by_language=tallies("language"),
            by_level=tallies("level"),
            by_kind=tallies("kind"),
        )
