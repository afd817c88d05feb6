"""Folded words, word segmentation and lemmas. No I/O; the language models load on first use."""

from __future__ import annotations

import gc
import logging
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
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
        held = _one_language_lemmatizer(language)  # per call, so that a function kept around pins no dictionary
        if held.dictionary is not None and _as_listed(word):
            found = held.dictionary.get(word)
            if found is not None:
                return found.lower()
        try:
            return held.lemmatizer.lemmatize(word, language).lower()
        except ValueError:  # a language simplemma does not know: the word is its own lemma
            return word.lower()

    return lemma_of


def _as_listed(word: str) -> bool:
    """Whether simplemma's first answer for ``word`` is its dictionary's entry, when it has one: a
    word of letters only (no digits, no apostrophe to split at). A word not in NFC is in no
    dictionary as written, and goes the long way, which normalises it.

    Most words of a text are such entries. Found in the dictionary directly, they cost about
    0.4 µs; through ``Lemmatizer.lemmatize`` about 6 µs, spent on the checks that only numbers,
    apostrophes and unlisted words need (``DefaultStrategy``: numbers, then apostrophes, then the
    dictionary, then rules). The long-text lemmatizer's test holds the two to the same answers."""
    return word.isalpha() and not word.isnumeric()


@dataclass(frozen=True)
class _Held:
    lemmatizer: simplemma.Lemmatizer
    # The language's dictionary, when simplemma has one and matches words in it as written
    # (it folds some languages' words first: ``CANON_LANGS``).
    dictionary: Mapping[str, str] | None


_held_lemmatizer: dict[str, _Held] = {}  # at most one: language -> its lemmatizer


def _one_language_lemmatizer(language: str) -> _Held:
    held = _held_lemmatizer.get(language)
    if held is None:
        from simplemma.strategies import DefaultStrategy
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory
        from simplemma.utils import CANON_LANGS

        # The lemmatizer let go of (and its dictionary) sits in a reference cycle of its own
        # caches: collect it now, before the next dictionary loads beside it.
        _held_lemmatizer.clear()
        gc.collect()
        factory = DefaultDictionaryFactory(cache_max_size=1)
        strategy = DefaultStrategy(dictionary_factory=factory)
        dictionary = None
        if language not in CANON_LANGS:
            try:
                dictionary = factory.get_dictionary(language)
            except ValueError:  # a language simplemma does not know
                pass
        lemmatizer = simplemma.Lemmatizer(cache_max_size=0, lemmatization_strategy=strategy)
        held = _held_lemmatizer[language] = _Held(lemmatizer, dictionary)
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
