"""Folded words, word segmentation and lemmas. No I/O; the language models load on first use."""

from __future__ import annotations

import gc
import logging
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import simplemma

_WORD = re.compile(r"\w+", re.UNICODE)

# Chinese and Japanese are written without spaces: they are cut into words by jieba and by
# MeCab (fugashi with UniDic), and MeCab also gives each word its dictionary form.
# The languages Parla teaches.
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "zh", "ja")

UNSPACED = ("zh", "ja")


def fold(text: str) -> str:
    """Lower-case, without accents or punctuation: what a learner meant, not how it was typed."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    without_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(without_marks))


@lru_cache(maxsize=1)
def japanese_tagger():  # a fugashi.Tagger, loaded on first use only
    import fugashi

    return fugashi.Tagger()


def chinese_words(text: str) -> list[str]:
    """Chinese text cut into words by jieba, punctuation left out."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return [token for token in jieba.lcut(text) if _WORD.search(token)]


@lru_cache(maxsize=50_000)
def lemma(word: str, language: str) -> str:
    try:
        return simplemma.lemmatize(word, lang=language).lower()
    except ValueError:  # a language simplemma does not know: the word is its own lemma
        return word


def lemmatizer(language: str) -> Callable[[str], str]:
    """word -> lower-cased lemma in one language, uncached: for a caller that keeps its own cache
    per distinct word (a long document). Behind it one language's dictionary is kept at a time
    (27 MB for English, about 115 MB for German or Spanish), so a worker that reads documents in
    many languages does not keep every dictionary it has loaded."""

    def lemma_of(word: str) -> str:
        try:  # looked up per call, so that a function kept around pins no dictionary
            return _one_language_lemmatizer(language).lemmatize(word, language).lower()
        except ValueError:  # a language simplemma does not know: the word is its own lemma
            return word.lower()

    return lemma_of


_held_lemmatizer: dict[str, simplemma.Lemmatizer] = {}  # at most one: language -> its lemmatizer


def _one_language_lemmatizer(language: str) -> simplemma.Lemmatizer:
    held = _held_lemmatizer.get(language)
    if held is None:
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        # The lemmatizer let go of (and its dictionary) sits in a reference cycle of its own
        # caches: collect it now, before the next dictionary loads beside it.
        _held_lemmatizer.clear()
        gc.collect()
        strategy = DefaultStrategy(dictionary_factory=DefaultDictionaryFactory(cache_max_size=1))
        held = _held_lemmatizer[language] = simplemma.Lemmatizer(cache_max_size=0, lemmatization_strategy=strategy)
    return held


def words(text: str, language: str) -> list[str]:
    """The text's words as written (lower-cased, without punctuation), in order."""
    if language == "zh":
        return [token.lower() for token in chinese_words(text)]
    if language == "ja":
        return [w.surface.lower() for w in japanese_tagger()(text) if _WORD.search(w.surface)]
    return _WORD.findall(text.lower())


def lemma_sequence(text: str, language: str) -> list[str]:
    """The text's words as folded lemmas, in order."""
    if language == "ja":
        return [fold(w.feature.lemma or w.surface) for w in japanese_tagger()(text) if _WORD.search(w.surface)]
    if language == "zh":  # Chinese does not inflect: a word is its own lemma
        return [fold(word) for word in words(text, language)]
    return [fold(lemma(word, language)) for word in words(text, language)]
