"""Keyword tags from a scenario's own words, in one of its languages. No I/O beyond reading the
installed language data (lemmas, stopwords, word frequencies) on first use.

A keyword is a lemma that is neither a stopword, nor a number, nor shorter than 3 letters (2
characters in Chinese and Japanese, where one character is often a whole word). Its score is
how often the text uses it times how specific it is: ``ZIPF_CEILING`` minus its Zipf frequency
(wordfreq: 7 is "the", 3 is once per million words), so "mesa" used five times beats "cosa"
used five times. A word wordfreq does not know, or knows as rarer than ``FREQUENCY_FLOOR``,
counts as rare, but only once the text uses it at least twice: one unknown word is more often a
typo or a name than the subject. The best ``MAX_KEYWORDS`` are kept, ties by lemma.

A localization's cultural notes are often written in the learner's language (English notes in
the Spanish localization, Spanish ones in the English): a line that reads as another of the
spaced languages (more distinct stopwords of that language than of its own, counting only those
the two do not share) is left out, and Latin-script words are left out of Chinese and Japanese.

The language data of one language is held at a time (a German lemma dictionary is about 115 MB),
so a batch is best given grouped by language: ``keywords_of_many`` does that.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

from parla.language import LANGUAGES, UNSPACED, chinese_words, japanese_tagger, lemmatizer
from parla.organization.tags.domain import is_tag

MAX_KEYWORDS = 6
MIN_LETTERS = 3
MIN_UNSPACED_CHARACTERS = 2
# Zipf values: a word's rarity is ZIPF_CEILING minus its Zipf frequency.
ZIPF_CEILING = 8.0
# Words rarer than this (about once per 100 million words) are not kept in the table, and count
# as RARE_ZIPF, like words wordfreq does not know: they need MIN_RARE_OCCURRENCES.
FREQUENCY_FLOOR = 2.0
RARE_ZIPF = 1.5
MIN_RARE_OCCURRENCES = 2

# The languages written with spaces between words, whose notes may be written in one another.
SPACED = tuple(language for language in LANGUAGES if language not in UNSPACED)
_LETTERS = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# UniDic's word classes worth a tag: nouns, verbs, adjectives and adverbs, less the auxiliary
# nouns and verbs ("こと", "する") and numerals, which are grammar rather than a subject.
_JA_CLASSES = frozenset({"名詞", "動詞", "形容詞", "形状詞", "副詞"})
_JA_FUNCTIONAL = frozenset({"非自立可能", "数詞", "助数詞"})

K = TypeVar("K")


@dataclass(frozen=True)
class Keyword:
    tag: str
    weight: float


@dataclass(frozen=True)
class Lexicon:
    language: str
    lemma: Callable[[str], str]  # a word as written -> its lower-cased lemma
    stopwords: frozenset[str]
    zipf100: dict[str, int]  # frequency key -> Zipf x 100, for words at FREQUENCY_FLOOR and above
    frequency_key: Callable[[str], str]

    def zipf(self, lemma: str) -> float | None:
        value = self.zipf100.get(self.frequency_key(lemma))
        return None if value is None else value / 100


def texts_by_language(texts: dict[str, str], text: str, languages: Iterable[str]) -> dict[str, str]:
    """A scenario's words per language it has: each localization's own (``texts``), or, from an
    event that carries only all of them together (``text``), that text under each language."""
    chosen = dict(texts) if texts else dict.fromkeys(languages, text)
    return {language: words for language, words in chosen.items() if language in LANGUAGES and words}


def keywords(text: str, language: str) -> list[Keyword]:
    """The text's best keywords in ``language`` (one of ``LANGUAGES``), best first."""
    with _lock:
        return _keywords(text, _lexicon(language))


def keywords_of_many(
    texts: Iterable[tuple[K, str, str]], stopped: Callable[[], bool] = lambda: False
) -> dict[tuple[K, str], list[Keyword]]:
    """Keywords of many (key, language, text), by (key, language): each language's data is
    loaded once, the language held already first. Once ``stopped()`` is true it ends at the next
    text with what it has made: a thread cannot be cancelled, and a service that is stopping
    would otherwise wait for every language's data to load (seconds, on a first start)."""
    by_language: dict[str, list[tuple[K, str]]] = {}
    for key, language, text in texts:
        if language in LANGUAGES:
            by_language.setdefault(language, []).append((key, text))
    held = _held.language if _held is not None else None
    result: dict[tuple[K, str], list[Keyword]] = {}
    with _lock:
        for language in sorted(by_language, key=lambda language: (language != held, language)):
            if stopped():
                break
            lexicon = _lexicon(language)
            for key, text in by_language[language]:
                if stopped():
                    break
                result[key, language] = _keywords(text, lexicon)
    return result


def _keywords(text: str, lexicon: Lexicon) -> list[Keyword]:
    counts = Counter(_lemmas(text, lexicon))
    scored = []
    for lemma, occurrences in counts.items():
        zipf = lexicon.zipf(lemma)
        if zipf is None and occurrences < MIN_RARE_OCCURRENCES:
            continue
        rarity = ZIPF_CEILING - (RARE_ZIPF if zipf is None else zipf)
        scored.append((-round(occurrences * rarity, 3), lemma))
    scored.sort()
    return [Keyword(lemma, -score) for score, lemma in scored[:MAX_KEYWORDS]]


# --- the words of a text, as lemmas worth a tag ---------------------------------------------


def _lemmas(text: str, lexicon: Lexicon) -> Iterator[str]:
    language = lexicon.language
    if language == "ja":
        candidates = _japanese_lemmas(text)
    elif language == "zh":
        candidates = ((word, word.lower()) for word in chinese_words(text) if not _LATIN.search(word))
    else:
        candidates = _spaced_lemmas(text, lexicon)
    shortest = MIN_UNSPACED_CHARACTERS if language in UNSPACED else MIN_LETTERS
    for surface, lemma in candidates:
        lemma = unicodedata.normalize("NFC", lemma).casefold()
        if len(lemma) < shortest or lemma.isnumeric() or any(c.isdigit() for c in lemma):
            continue
        if lemma in lexicon.stopwords or surface.lower() in lexicon.stopwords or not is_tag(lemma):
            continue
        yield lemma


def _spaced_lemmas(text: str, lexicon: Lexicon) -> Iterator[tuple[str, str]]:
    others = [_stopwords(other) for other in SPACED if other != lexicon.language]
    cache: dict[str, str] = {}
    for line in text.splitlines():
        found = _LETTERS.findall(line)
        if _reads_as_another_language([word.lower() for word in found], lexicon.stopwords, others):
            continue
        for surface in found:
            if len(surface) < MIN_LETTERS:
                continue
            # German tells a noun from a verb by its capital (Essen, essen): it is kept for the lemma.
            key = surface if lexicon.language == "de" else surface.lower()
            lemma = cache.get(key)
            if lemma is None:
                lemma = cache[key] = lexicon.lemma(key)
            yield surface, lemma


def _reads_as_another_language(words: list[str], own: frozenset[str], others: list[frozenset[str]]) -> bool:
    """Whether a line has more distinct stopwords of another language, not shared with its own,
    than distinct stopwords of its own not shared with that one (and at least two): one word
    that happens to be a stopword elsewhere ("cosa" in Italian) does not make a line foreign."""
    distinct = set(words)
    for other in others:
        theirs = len(distinct & other - own)
        if theirs >= 2 and theirs > len(distinct & own - other):
            return True
    return False


def _japanese_lemmas(text: str) -> Iterator[tuple[str, str]]:
    """(surface, dictionary form) of the content words. The dictionary form is UniDic's
    orthBase ("食べる"), not its lemma, which spells some words as no learner would ("為る")."""
    for node in japanese_tagger()(text):
        feature: Any = node.feature
        if feature.pos1 not in _JA_CLASSES or feature.pos2 in _JA_FUNCTIONAL or _LATIN.search(node.surface):
            continue
        base = getattr(feature, "orthBase", None)
        yield node.surface, base if base and base != "*" else node.surface


# --- the language data, one language at a time ----------------------------------------------

# Generation may run on a worker thread; the held lexicon and the segmenters are not for two at once.
_lock = threading.Lock()
_held: Lexicon | None = None


def _lexicon(language: str) -> Lexicon:
    global _held
    if _held is None or _held.language != language:
        _held = None  # let the previous language's data go before the next one loads
        _held = _load(language)
    return _held


def _load(language: str) -> Lexicon:
    lemma_of = str.lower if language in UNSPACED else lemmatizer(language)  # segmenters give dictionary forms
    return Lexicon(
        language=language,
        lemma=lemma_of,
        stopwords=_stopwords(language),
        zipf100=_frequency_table(language),
        frequency_key=_frequency_key(language),
    )


@lru_cache(maxsize=len(LANGUAGES))
def _stopwords(language: str) -> frozenset[str]:
    import stopwordsiso

    return frozenset(word.casefold() for word in stopwordsiso.stopwords(language))


def _frequency_key(language: str) -> Callable[[str], str]:
    """A word as wordfreq keys it: NFC (NFKC for Chinese and Japanese) and case folding, and
    Simplified characters for Chinese."""
    if language == "zh":
        from wordfreq.chinese import simplify_chinese

        return lambda word: simplify_chinese(unicodedata.normalize("NFKC", word))
    form = "NFKC" if language == "ja" else "NFC"
    return lambda word: unicodedata.normalize(form, word).casefold()


def _frequency_table(language: str) -> dict[str, int]:
    """Zipf x 100 of every word at FREQUENCY_FLOOR or above (wordfreq's own dictionary keeps
    every word as a float for the life of the process: several times the memory)."""
    import wordfreq

    buckets = wordfreq.read_cBpack(wordfreq.available_languages("best")[language])
    table: dict[str, int] = {}
    for index, bucket in enumerate(buckets):  # bucket i holds the words at -i centibels: Zipf 9 - i/100
        zipf100 = 900 - index
        if zipf100 < FREQUENCY_FLOOR * 100:
            break
        for word in bucket:
            table.setdefault(word, zipf100)
    return table
