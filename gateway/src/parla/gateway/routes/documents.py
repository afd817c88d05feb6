"""A learner's documents (content service): import, follow the job, list, delete."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal, get_args

import orjson
from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from parla.contracts.rpc.content.v1 import documents_pb2 as pb
from parla.contracts.rpc.scenario.v1 import authoring_pb2 as authoring_pb
from parla.gateway.authoring_schemas import AuthoredScenarioOut
from parla.gateway.deps import AuthServiceDep, Clients, CurrentUser, SignedIn
from parla.gateway.document_schemas import (
    MAX_DOCUMENT_BYTES,
    DocumentOut,
    DocumentProgressOut,
    DocumentsOut,
    Kind,
    Level,
    LibraryStatsOut,
    NotesIn,
    PastedDocumentIn,
    Stage,
    StudyIn,
    StudyMaterialOut,
)
from parla.gateway.schemas import ERROR_RESPONSES, Language, from_message

router = APIRouter(prefix="/content", tags=["content"], dependencies=[SignedIn], responses=ERROR_RESPONSES)

# How often the progress stream looks at the job, and for how long at most (a client that
# wants more reconnects; an abandoned stream must not poll forever).
PROGRESS_EVERY = 0.5
PROGRESS_FOR = 30 * 60

_IMPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": "At most 20 MiB"},
                        "title": {"type": "string", "maxLength": 255},
                        "description": {"type": "string", "maxLength": 2000},
                        "gloss_language": {
                            "type": "string",
                            "enum": ["", *get_args(Language)],
                            "description": "The flashcards' gloss language; by default the learner's native language",
                        },
                    },
                }
            },
            "application/json": {"schema": PastedDocumentIn.model_json_schema()},
        },
    }
}


@router.post("", status_code=202, openapi_extra=_IMPORT_BODY)
async def import_document(request: Request, clients: Clients, caller: CurrentUser, auth: AuthServiceDep) -> DocumentOut:
    """Import a document: a file (.txt, .md, .html, .pdf, .docx, .epub, .srt, .vtt; its real type
    is read from its bytes) or pasted text. Answers at once with stage "queued"; follow the job
    with GET /content/{id} or its event stream. Flashcards are glossed in ``gloss_language``,
    by default the learner's native language, when a dictionary for the pair is installed."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        message = await _uploaded(request)
    elif content_type.startswith("application/json"):
        message = _pasted(await request.body())
    else:
        raise HTTPException(415, "send the document as multipart/form-data (a 'file' field) or as JSON with 'text' or 'url_text'")
    if not message.gloss_language:
        message.gloss_language = await auth.native_language(caller.principal.user_id) or ""
    return from_message(DocumentOut, await clients.documents.ImportDocument(message))


async def _uploaded(request: Request) -> pb.ImportDocumentRequest:
    async with request.form(max_files=1, max_fields=5) as form:
        upload, title, description = form.get("file"), form.get("title") or "", form.get("description") or ""
        gloss_language = form.get("gloss_language") or ""
        if not isinstance(upload, UploadFile):
            raise RequestValidationError([{"loc": ("body", "file"), "msg": "no file: send it in the 'file' field"}])
        for name, value, longest in (("title", title, 255), ("description", description, 2000)):
            if not isinstance(value, str) or len(value) > longest:
                raise RequestValidationError([{"loc": ("body", name), "msg": f"text of at most {longest} characters"}])
        if gloss_language and gloss_language not in get_args(Language):
            raise RequestValidationError(
                [{"loc": ("body", "gloss_language"), "msg": f"one of {', '.join(get_args(Language))}, or empty"}]
            )
        data = await upload.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise HTTPException(413, f"the file is over {MAX_DOCUMENT_BYTES // 2**20} MiB; split it and import the parts")
        return pb.ImportDocumentRequest(
            title=title, description=description, filename=upload.filename or "", content=data, gloss_language=str(gloss_language)
        )


def _pasted(body: bytes) -> pb.ImportDocumentRequest:
    try:
        pasted = PastedDocumentIn.model_validate_json(body)
    except ValidationError as error:
        raise RequestValidationError(error.errors()) from None
    common = {"title": pasted.title, "description": pasted.description, "gloss_language": pasted.gloss_language or ""}
    if pasted.text is not None:
        return pb.ImportDocumentRequest(text=pasted.text, **common)
    # A page's source or text, copied by the learner: its kind is read like a file's.
    return pb.ImportDocumentRequest(filename="pasted", content=pasted.url_text.encode(), **common)


@router.get("")
async def list_documents(
    clients: Clients,
    q: Annotated[
        str, Query(max_length=200, description="Words to find, all of them, in title, description, topics or text")
    ] = "",
    kind: Kind | None = None,
    language: Language | None = None,
    level: Level | None = None,
    stage: Stage | None = None,
    sort: Literal["date", "title", "relevance"] = "date",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> DocumentsOut:
    """The learner's documents: searched, filtered, sorted (newest first by default), a page at a time."""
    request = pb.ListDocumentsRequest(
        limit=limit,
        offset=offset,
        q=q,
        kind=kind or "",
        language=language or "",
        level=level or "",
        stage=stage or "",
        sort=sort,
    )
    return from_message(DocumentsOut, await clients.documents.ListDocuments(request))


@router.get("/stats")
async def library_stats(clients: Clients) -> LibraryStatsOut:
    """The learner's library in numbers: documents per stage, language, level and kind, and words."""
    return from_message(LibraryStatsOut, await clients.documents.GetLibraryStats(pb.GetLibraryStatsRequest()))


@router.get("/{document_id}")
async def get_document(document_id: str, clients: Clients) -> DocumentOut:
    """The document and its job's stage and percentage."""
    return from_message(DocumentOut, await clients.documents.GetDocument(pb.GetDocumentRequest(id=document_id)))


async def _existing(document_id: str, clients: Clients) -> pb.Document:
    return await clients.documents.GetDocument(pb.GetDocumentRequest(id=document_id))


# Looked up as a dependency: it runs before the stream opens, so an unknown document is a plain 404.
Existing = Annotated[pb.Document, Depends(_existing)]


@router.get("/{document_id}/events", response_class=EventSourceResponse)
async def document_events(
    document_id: str, document: Existing, request: Request, clients: Clients
) -> AsyncIterator[ServerSentEvent]:
    """The job's progress as Server-Sent Events ("progress"), one per change, ending with the
    event of stage "done" or "failed"."""
    last: tuple[str, int] | None = None
    ends_at = time.monotonic() + PROGRESS_FOR
    while True:
        if (document.stage, document.percent) != last:
            last = (document.stage, document.percent)
            progress = DocumentProgressOut(
                id=document.id, stage=document.stage, percent=document.percent, failure_reason=document.failure_reason
            )
            yield ServerSentEvent(event="progress", id=f"{document.stage}-{document.percent}", raw_data=_json(progress))
        if document.stage in ("done", "failed") or time.monotonic() > ends_at or await request.is_disconnected():
            return
        await asyncio.sleep(PROGRESS_EVERY)
        document = await _existing(document_id, clients)


def _json(model: DocumentProgressOut) -> str:
    return orjson.dumps(model.model_dump(mode="json")).decode()


@router.get("/{document_id}/material")
async def study_material(document_id: str, clients: Clients) -> StudyMaterialOut:
    """What the document became: summary, key vocabulary ranked for the learner, flashcards, a
    quiz, key concepts and notes. 409 until its job is done (the message says where it is)."""
    request = pb.GetStudyMaterialRequest(id=document_id)
    return from_message(StudyMaterialOut, await clients.documents.GetStudyMaterial(request))


@router.put("/{document_id}/notes")
async def update_notes(document_id: str, body: NotesIn, clients: Clients) -> StudyMaterialOut:
    """Replace the learner's notes on the document."""
    request = pb.UpdateNotesRequest(id=document_id, notes=body.notes)
    return from_message(StudyMaterialOut, await clients.documents.UpdateNotes(request))


@router.post("/{document_id}/study")
async def record_study(document_id: str, body: StudyIn, clients: Clients) -> DocumentOut:
    """Record a stretch of study of a done document: its time and how far through it you are."""
    request = pb.RecordStudyRequest(id=document_id, seconds=body.seconds, progress_percent=body.progress_percent)
    return from_message(DocumentOut, await clients.documents.RecordStudy(request))


@router.post("/{document_id}/scenario", status_code=201)
async def scenario_from_document(document_id: str, clients: Clients) -> AuthoredScenarioOut:
    """Draft a scenario of your own from a done document (talk about it with a friend, with its
    key words, summary and topics), private and ready to edit and play. Its glosses are the
    document's sentences until you write translations."""
    drafted = await clients.documents.DraftScenario(pb.DraftScenarioRequest(id=document_id))
    created = await clients.authoring.CreateScenario(authoring_pb.CreateScenarioRequest(draft=drafted.draft))
    return from_message(AuthoredScenarioOut, created)


@router.delete("/{document_id}", status_code=204, response_class=Response)
async def delete_document(document_id: str, clients: Clients) -> None:
    """Delete the document and its study material. Cards made from it stay in the deck."""
    await clients.documents.DeleteDocument(pb.DeleteDocumentRequest(id=document_id))
