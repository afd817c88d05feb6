"""Text as the judge sees it: folded words, lemmas, word segmentation for Chinese and Japanese,
and fuzzy phrase matching. No I/O; the language models load on first use."""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

import simplemma
from rapidfuzz import fuzz, process

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, without accents or punctuation: what a learner meant, not how it was typed."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    without_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(without_marks))


# Chinese and Japanese are written without spaces: they are cut into words by jieba and by
# MeCab (fugashi with UniDic), and MeCab also gives each word its dictionary form.
UNSPACED = ("zh", "ja")


@lru_cache(maxsize=1)
def _japanese_tagger():  # a fugashi.Tagger, loaded on first use only
    import fugashi

    return fugashi.Tagger()


def _chinese_words(text: str) -> list[str]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return [token for token in jieba.lcut(text) if _WORD.search(token)]


@lru_cache(maxsize=50_000)
def lemma(word: str, language: str) -> str:
    try:
        return simplemma.lemmatize(word, lang=language).lower()
    except ValueError:  # a language simplemma does not know: the word is its own lemma
        return word


def words(text: str, language: str) -> list[str]:
    """The text's words as written (lower-cased, without punctuation), in order."""
    if language == "zh":
        return [token.lower() for token in _chinese_words(text)]
    if language == "ja":
        return [w.surface.lower() for w in _japanese_tagger()(text) if _WORD.search(w.surface)]
    return _WORD.findall(text.lower())


def lemma_sequence(text: str, language: str) -> list[str]:
    """The text's words as folded lemmas, in order."""
    if language == "ja":
        return [fold(w.feature.lemma or w.surface) for w in _japanese_tagger()(text) if _WORD.search(w.surface)]
    if language == "zh":  # Chinese does not inflect: a word is its own lemma
        return [fold(word) for word in words(text, language)]
    return [fold(lemma(word, language)) for word in words(text, language)]


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
