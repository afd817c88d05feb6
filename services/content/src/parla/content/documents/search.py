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
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parla.content.documents.db import DocumentRow

MAX_QUERY_WORDS = 10
MAX_TERM_CHARS = 64


def fold(text: str) -> str:
    """Lower case, without accents, single spaces."""
    return " ".join(_unmarked(text).split())


def query_words(q: str) -> list[str]:
    """The words of a query, folded, at most MAX_QUERY_WORDS."""
    return fold(q).split()[:MAX_QUERY_WORDS]


def index(document: DocumentRow) -> None:
    """Keep the document's search columns in step with what they are made of."""
    document.search_title = fold(document.title)
    document.search_text = fold(" ".join([document.title, document.description or "", *(document.topics or [])]))


def body_index(lemmas: Sequence[str], counts: Sequence[int], forms: Mapping[str, int]) -> str:
    """The body index of a text: each lemma and each written form (``forms`` maps a form to its
    lemma's position), folded, once, those of the most used lemmas first, between spaces.

    The words are folded all at once, one per line of one string: C does the per-word work,
    where a call per word would take as long as lemmatising the text's new words."""
    words = [*lemmas, *forms]
    if not words:
        return ""
    uses = [*counts, *(counts[lemma_id] for lemma_id in forms.values())]
    terms = _folded(words)
    # Most used first (a stable sort: the first met first among equals); a term keeps its first place.
    ranked = map(terms.__getitem__, sorted(range(len(terms)), key=uses.__getitem__, reverse=True))
    lengths = list(map(len, terms))
    if min(lengths) == 0 or max(lengths) > MAX_TERM_CHARS or " " in "".join(terms):  # rare: look at each
        ranked = (term for term in ranked if 0 < len(term) <= MAX_TERM_CHARS and " " not in term)
    kept = dict.fromkeys(ranked)
    return f" {' '.join(kept)} " if kept else ""


def body_needle(word: str) -> str:
    """What a query word is looked for as in a body index."""
    return f" {word} "


# Folded words kept between documents (in the worker that analyses them): most words of a text
# were in the texts before it, and folding 20,000 words anew is a tenth of an analysis. At most
# this many, about 7 MB; all are dropped when it is full.
FOLD_MEMORY = 60_000
_folds: dict[str, str] = {}


def _folded(words: list[str]) -> list[str]:
    """``fold`` of each word (one without spaces), those folded before taken from memory."""
    terms = list(map(_folds.get, words))
    new = [word for word, term in zip(words, terms, strict=True) if term is None]
    if not new:
        return terms  # type: ignore[return-value]
    if len(_folds) + len(new) > FOLD_MEMORY:
        _folds.clear()
    _folds.update(zip(new, _fold_all(new), strict=True))
    return [_folds[word] if term is None else term for word, term in zip(words, terms, strict=True)]


def _fold_all(words: list[str]) -> list[str]:
    """``fold`` of each word, all at once. Most words of most texts are plain ASCII, for which
    folding is lower-casing; only the others are decomposed and stripped of their marks."""
    terms = "\n".join(words).lower().split("\n")
    if len(terms) != len(words):  # a word with a line break in it: one at a time
        return [fold(word) for word in words]
    others = [index for index, word in enumerate(words) if not word.isascii()]
    if others:
        folded = _unmarked("\n".join([words[index] for index in others])).split("\n")
        for index, term in zip(others, folded, strict=True):  # NFKD makes no line break
            terms[index] = term
    return terms


def _unmarked(text: str) -> str:
    """Case-folded and decomposed, its combining marks (accents and the like) removed."""
    return unicodedata.normalize("NFKD", text.casefold()).translate(_combining_marks())


# Every combining mark is below this (the highest, in Adlam, is U+1E94A; a test checks the rest).
MARKS_END = 0x20000


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    """Every combining mark, to be deleted by ``str.translate`` (built once, in about 10 ms)."""
    return {point: None for point in range(MARKS_END) if unicodedata.combining(chr(point))}
