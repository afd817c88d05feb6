"""The learner's cards in the review deck (content service): add, read, edit, suspend, bury,
reset, delete."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Path, Query, Response, UploadFile
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from parla.contracts.rpc.content.v1 import review_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.review_schemas import CardChange, CardEditIn, CardOut, CardsPageOut, ImportReportOut, NewCardIn
from parla.gateway.schemas import ERROR_RESPONSES, Language, from_message

router = APIRouter(prefix="/cards", tags=["cards"], dependencies=[SignedIn], responses=ERROR_RESPONSES)

MAX_IMPORT_BYTES = 5 * 2**20

# Typed as a UUID so that an id that cannot be a card's is a 422 before any call.
CardId = Annotated[uuid.UUID, Path(description="The card's id")]


@router.post("/import")
async def import_cards(
    file: Annotated[UploadFile, File(description="UTF-8 text: front, back and optional space-separated tags per line")],
    language: Annotated[Language, Form(description="The language of the cards' fronts")],
    clients: Clients,
) -> ImportReportOut:
    """Cards from an Anki-style CSV or tab-separated export (front, back, tags). Lines starting
    with '#' (Anki's headers) are skipped; a word already in your deck is not duplicated."""
    data = await file.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:
        raise HTTPException(413, f"the file is over {MAX_IMPORT_BYTES // 2**20} MiB; split it and import the parts")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RequestValidationError([{"loc": ("body", "file"), "msg": "the file is not UTF-8 text: save it as UTF-8"}]) from None
    request = pb.ImportCardsRequest(language=language, csv=text)
    return from_message(ImportReportOut, await clients.review.ImportCards(request))


@router.post("", status_code=201)
async def add_card(body: NewCardIn, clients: Clients) -> CardOut:
    """Add a card of your own. A card about a word already in your deck (same language and
    lemma) is not duplicated: this becomes one more source of that card."""
    request = pb.AddCardRequest(language=body.language, front=body.front, back=body.back, tags=body.tags, lemma=body.lemma or "")
    return from_message(CardOut, await clients.review.AddCard(request))


@router.get("")
async def list_cards(
    clients: Clients,
    source_kind: Annotated[
        Literal["scenario_run", "document", "manual", "import"], Query(description="Where the cards came from")
    ],
    source_id: Annotated[str, Query(min_length=1, max_length=100, description="The run's or the document's id")],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
) -> CardsPageOut:
    """Your cards from one source, in the order they were added: e.g. the cards a completed run's
    mistakes added (``source_kind=scenario_run&source_id=<run id>``), which appear moments after
    the completion. A card counts for every source that named its word, not only its first."""
    request = pb.ListCardsRequest(source_kind=source_kind, source_id=source_id, limit=limit, offset=offset)
    return from_message(CardsPageOut, await clients.review.ListCards(request))


@router.get("/{card_id}")
async def get_card(card_id: CardId, clients: Clients) -> CardOut:
    """The card, its sources and its FSRS state."""
    return from_message(CardOut, await clients.review.GetCard(pb.CardRequest(id=str(card_id))))


@router.patch("/{card_id}")
async def edit_card(card_id: CardId, body: CardEditIn, clients: Clients) -> CardOut:
    """Change the card's front, back or tags; what is not sent stays as it is. Its schedule is kept."""
    request = pb.EditCardRequest(id=str(card_id), front=body.front or "", back=body.back or "")
    # The proto cannot tell "no tags sent" from "no tags": replace_tags says which it is.
    if body.tags is not None:
        request.tags.extend(body.tags)
        request.replace_tags = True
    return from_message(CardOut, await clients.review.EditCard(request))


@router.delete("/{card_id}", status_code=204, response_class=Response)
async def delete_card(card_id: CardId, clients: Clients) -> None:
    """Delete the card. Its reviews stay in your log (your history, and the optimizer's data)."""
    await clients.review.DeleteCard(pb.CardRequest(id=str(card_id)))


async def _change(card_id: uuid.UUID, change: CardChange, clients: Clients) -> CardOut:
    request = pb.ChangeCardRequest(id=str(card_id), change=change)
    return from_message(CardOut, await clients.review.ChangeCard(request))


@router.post("/{card_id}/suspend")
async def suspend_card(card_id: CardId, clients: Clients) -> CardOut:
    """Leave the card out of sessions until it is unsuspended."""
    return await _change(card_id, "suspend", clients)


@router.post("/{card_id}/unsuspend")
async def unsuspend_card(card_id: CardId, clients: Clients) -> CardOut:
    """Bring a suspended card back into sessions (a leech loses its "leech" tag)."""
    return await _change(card_id, "unsuspend", clients)


@router.post("/{card_id}/bury")
async def bury_card(card_id: CardId, clients: Clients) -> CardOut:
    """Leave the card out of sessions until your next day starts (in your time zone)."""
    return await _change(card_id, "bury", clients)


@router.post("/{card_id}/reset")
async def reset_card(card_id: CardId, clients: Clients) -> CardOut:
    """Make the card new again: its schedule starts over, its review log is kept."""
    return await _change(card_id, "reset", clients)
