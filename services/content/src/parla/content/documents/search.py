"""Finding a learner's documents by words.

Two indexes, both folded (lower case, no accents, so that "ecole" finds "École"):
- a document's title, description and topics, in two columns of its row, matched as substrings;
- its body: every distinct word of the text, as written and as its lemma, with the lemma's
  occurrences, in ``document_terms`` (written with the analysis). A query word matches a body
  word exactly, so "comió" finds the text that has it and "comer" finds every form of the verb.
"""

from __future__ import annotations

import heapq
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parla.content.documents.db import DocumentRow

MAX_QUERY_WORDS = 10
MAX_TERM_CHARS = 64
# A 500,000-word book has some 40,000 distinct forms and lemmas; rarer ones past this are left out.
MAX_TERMS = 100_000


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


def body_terms(lemmas: Sequence[str], counts: Sequence[int], forms: Mapping[str, int]) -> dict[str, int]:
    """The folded words of a text for its body index: each lemma and each written form (``forms``
    maps a form to its lemma's position), with the occurrences of the lemma."""
    terms: dict[str, int] = {}
    for lemma, count in zip(lemmas, counts, strict=True):
        _add(terms, lemma, count)
    for form, lemma_id in forms.items():
        _add(terms, form, counts[lemma_id])
    if len(terms) > MAX_TERMS:
        terms = dict(heapq.nlargest(MAX_TERMS, terms.items(), key=lambda term: term[1]))
    return terms


def _add(terms: dict[str, int], word: str, count: int) -> None:
    term = fold(word)
    if term and len(term) <= MAX_TERM_CHARS and " " not in term:
        terms[term] = max(count, terms.get(term, 0))
