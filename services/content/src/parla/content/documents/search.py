"""Finding a learner's documents by words.

Two indexes, both folded (lower case, no accents, so that "ecole" finds "École"):
- a document's title, description and topics, in two columns of its row, matched as substrings;
- its body: every distinct word of the text, as written and as its lemma, in one string per
  document (``document_index``), most used first, each between spaces. A query word matches a
  body word whole, so "comió" finds the text that has it and "comer" every form of the verb.

Why one string and not a row per word: a 50,000-word text has some 14,000 distinct words, and
writing them as indexed rows took 0.1-0.2 s on SQLite (longer than lemmatising the text), against
under a millisecond for one row. A search reads the strings of the learner's own documents only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parla.content.documents.db import DocumentRow

MAX_QUERY_WORDS = 10
MAX_TERM_CHARS = 64


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


def body_index(lemmas: Sequence[str], counts: Sequence[int], forms: Mapping[str, int]) -> str:
    """The body index of a text: each lemma and each written form (``forms`` maps a form to its
    lemma's position), folded, once, those of the most used lemmas first, between spaces."""
    terms: dict[str, int] = {}
    for lemma, count in zip(lemmas, counts, strict=True):
        _add(terms, lemma, count)
    for form, lemma_id in forms.items():
        _add(terms, form, counts[lemma_id])
    ranked = sorted(terms, key=terms.__getitem__, reverse=True)
    return f" {' '.join(ranked)} " if ranked else ""


def body_needle(word: str) -> str:
    """What a query word is looked for as in a body index."""
    return f" {word} "


def _add(terms: dict[str, int], word: str, count: int) -> None:
    term = _fold_word(word)
    if term and len(term) <= MAX_TERM_CHARS and " " not in term and terms.get(term, 0) < count:
        terms[term] = count


def _fold_word(word: str) -> str:
    # Most words of most texts are plain ASCII, for which folding is lower-casing.
    return word.lower() if word.isascii() else fold(word)
