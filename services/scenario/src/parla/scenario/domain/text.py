"""Text as the judge sees it: folded words, lemmas and word segmentation for Chinese and Japanese
(from ``parla.language``), and fuzzy phrase matching. No I/O; the language models load on first use."""

from __future__ import annotations

from rapidfuzz import fuzz, process

# The generic word tools are shared with the content service; the judge's own rules follow.
from parla.language import UNSPACED, fold, lemma, lemma_sequence, words

__all__ = [
    "UNSPACED",
    "contains_sequence",
    "fold",
    "is_question",
    "lemma",
    "lemma_sequence",
    "phrase_similarity",
    "plural_forms",
    "words",
]


def contains_sequence(haystack: list[str], needle: list[str]) -> bool:
    if not needle:
        return False
    width = len(needle)
    return any(haystack[i : i + width] == needle for i in range(len(haystack) - width + 1))


def plural_forms(word: str, language: str) -> set[str]:
    """Regular plurals of a folded word: a fallback for forms the lemmatizer misreads
    ("tallas" taken for the verb "tallar") or does not know without accents ("telefonos")."""
    forms = {word, word + "s", word + "es"}
    if language == "it" and word[-1:] in "aeo":
        forms |= {word[:-1] + "i", word[:-1] + "e"}
    return forms


def phrase_similarity(phrase: str, text: str, language: str = "") -> float:
    """0-100: how closely some stretch of the learner's words reproduces the phrase.

    Every run of words about as long as the phrase is compared with it, so words said before
    or after the phrase do not count against it, while a fragment of the phrase stays a poor
    match. Case, accents and punctuation are set aside; small typos cost little.
    """
    joiner = "" if language in UNSPACED else " "
    wanted_words = [fold(w) for w in words(phrase, language)] if language in UNSPACED else fold(phrase).split()
    said = [fold(w) for w in words(text, language)] if language in UNSPACED else fold(text).split()
    wanted = joiner.join(wanted_words)
    if not wanted or not said:
        return 0.0
    size = len(wanted_words)
    spans = {
        joiner.join(said[start : start + width])
        for width in range(max(1, size - 2), size + 3)
        for start in range(max(1, len(said) - width + 1))
    }
    best = process.extractOne(wanted, spans, scorer=fuzz.ratio)
    return float(best[1]) if best else 0.0


def is_question(text: str) -> bool:
    stripped = text.strip()
    return "?" in stripped or "\u00bf" in stripped or "\uff1f" in stripped
