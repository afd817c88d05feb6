"""The status of each word a learner has met (content service)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field

from parla.contracts.rpc.content.v1 import words_pb2 as pb
from parla.gateway.deps import Clients, SignedIn
from parla.gateway.schemas import Language, from_message

router = APIRouter(prefix="/words", tags=["words"], dependencies=[SignedIn])

Status = Literal["new", "learning", "known", "ignored"]
Lemma = Annotated[str, Field(min_length=1, max_length=100)]


class WordStatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Status


class WordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    language: Language
    lemma: Lemma
    status: Status


class WordsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    words: list[WordIn] = Field(min_length=1, max_length=1000)


class WordOut(BaseModel):
    language: str
    lemma: str = Field(description="As stored: NFC, lower-cased")
    status: Status
    updated_at: datetime | None = None


class WordsSetOut(BaseModel):
    words: list[WordOut]


class WordCountOut(BaseModel):
    language: str
    status: Status
    count: int


class WordsOut(BaseModel):
    words: list[WordOut]
    total: int
    counts: list[WordCountOut] = Field(description="Per language and status, over all the learner's words")


@router.put("/{language}/{lemma}")
async def set_word_status(
    language: Language, lemma: Annotated[str, Path(min_length=1, max_length=100)], body: WordStatusIn, clients: Clients
) -> WordOut:
    """Set one word's status."""
    request = pb.SetWordStatusesRequest(words=[pb.WordStatus(language=language, lemma=lemma, status=body.status)])
    [word] = from_message(WordsSetOut, await clients.words.SetWordStatuses(request)).words
    return word


@router.put("")
async def set_word_statuses(body: WordsIn, clients: Clients) -> WordsSetOut:
    """Set up to 1,000 words' statuses at once: all of them, or none."""
    words = [pb.WordStatus(language=w.language, lemma=w.lemma, status=w.status) for w in body.words]
    return from_message(WordsSetOut, await clients.words.SetWordStatuses(pb.SetWordStatusesRequest(words=words)))


@router.get("")
async def list_words(
    clients: Clients,
    language: Language | None = None,
    status: Status | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> WordsOut:
    """The learner's words, most recently changed first, with counts per language and status."""
    request = pb.ListWordsRequest(language=language or "", status=status or "", limit=limit, offset=offset)
    return from_message(WordsOut, await clients.words.ListWords(request))
