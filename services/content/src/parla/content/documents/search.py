"""Finding a learner's documents by words: folded text, so that "ecole" finds "École"."""

from __future__ import annotations

import unicodedata

from parla.content.documents.db import DocumentRow

MAX_QUERY_WORDS = 10


def fold(text: str) -> str:
    """Lower case, without accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def query_words(q: str) -> list[str]:
    """The words of a query, folded, at most MAX_QUERY_WORDS."""
    return fold(q).split()[:MAX_QUERY_WORDS]


def index(document: DocumentRow) -> None:
    """Keep the document's search columns in step with what they are made of."""
    document.search_title = fold(document.title)
    document.search_text = fold(" ".join([document.title, document.description or "", *(document.topics or [])]))
