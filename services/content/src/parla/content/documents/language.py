"""The words of a document in one of the 8 languages: word tokens, lemmas, stopwords, frequency
bands and word classes (sentences are in ``sentences``). No I/O beyond reading the installed
language data, once per process and only for the language a document needs.

Frequency bands come from wordfreq's Zipf frequency of the lemma (log10 of occurrences per
billion words; 7 is "the", 3 is once per million words):

    band 1: zipf >= 5.5  (the ~100 commonest words of the language)
    band 2: 4.5 - 5.5    (roughly the first 1,500 words)
    band 3: 4.0 - 4.5    (roughly to 4,000)
    band 4: 3.5 - 4.0    (roughly to 10,000)
    band 5: 3.0 - 3.5    (roughly to 25,000)
    band 6: below 3.0, or unknown to wordfreq (rare words, names, misspellings)

A Chinese compound wordfreq does not list is given its rarest character's Zipf minus one; a
Japanese word joined from a prefix and a noun (お弁当) the noun's band.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from parla.language import japanese_tagger, lemmatizer

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "zh": "Chinese",
    "ja": "Japanese",
}
UNSPACED = ("zh", "ja")

# Zipf x 10 lower bounds of bands 1..5; anything below the last is band 6.
BAND_FLOORS = (55, 45, 40, 35, 30)
RARE_BAND = 6

# A word is letters, without digits: "l'homme" is "l" + "homme" in French and Italian, while
# English keeps its contractions and possessives in one piece ("don't", "Maria's").
_LETTERS = r"[^\W\d_]+"
WORD = re.compile(_LETTERS)
ENGLISH_WORD = re.compile(_LETTERS + r"(?:['’]" + _LETTERS + ")*")
_HAS_LETTER = re.compile(r"[^\W\d_]")
OPENERS = "\"'«“‘(¿¡[—–-"  # what may stand before a sentence's first word


def word_pattern(language: str) -> re.Pattern[str]:
    return ENGLISH_WORD if language == "en" else WORD


def band_of(zipf10: int) -> int:
    for band, floor in enumerate(BAND_FLOORS, start=1):
        if zipf10 >= floor:
            return band
    return RARE_BAND


def has_letter(text: str) -> bool:
    return _HAS_LETTER.search(text) is not None


def lemma_key(form: str, language: str) -> str:
    """What is lemmatised for a written form: the form lower-cased, except in German, where case
    tells a noun (Essen) from a verb (essen). Chinese and Japanese have no case."""
    return form if language == "de" else form.lower()


# --- words of one sentence -----------------------------------------------------------------


class Token(NamedTuple):
    surface: str
    start: int
    end: int
    lemma: str
    content: bool  # a word worth learning: not a stopword, number, particle or symbol
    word_class: str | None  # "noun", "verb", "adjective", "adverb" where it can be told cheaply


def tokens(sentence: str, language: str) -> list[Token]:
    """The words of one sentence with their places, lemmas and classes: for the few sentences
    that study material is made from (the whole document is counted by ``analysis``)."""
    lexicon = lexicon_for(language)
    if language == "ja":
        return list(_japanese_tokens(sentence, lexicon))
    if language == "zh":
        return list(_chinese_tokens(sentence, lexicon))
    result = []
    first = len(sentence) - len(sentence.lstrip(OPENERS + " "))
    for match in word_pattern(language).finditer(sentence):
        surface = match.group()
        lemma = lexicon.word(surface)[0]  # the form was met, and kept, when the text was counted
        initial = match.start() == first
        result.append(
            Token(
                surface=surface,
                start=match.start(),
                end=match.end(),
                lemma=lemma,
                content=lexicon.is_content(lemma, surface),
                word_class=word_class(lemma, surface, language, sentence_initial=initial),
            )
        )
    return result


def _japanese_tokens(sentence: str, lexicon: Lexicon):
    position = 0
    held: Token | None = None  # a prefix, waiting to join the noun after it
    for node in japanese_tagger()(sentence):
        position += len(node.white_space)
        start, position = position, position + len(node.surface)
        if not has_letter(node.surface):
            continue
        lemma, pos1, content, _ = japanese_word(node)
        token = Token(
            node.surface, start, position, lemma, content and lexicon.is_content(lemma, node.surface), JA_CLASSES.get(pos1)
        )
        if held is not None:
            if pos1 == "名詞" and token.content and held.end == start:
                token = Token(held.surface + token.surface, held.start, token.end, held.surface + lemma, True, "noun")
            else:
                yield held
            held = None
        if pos1 == JA_PREFIX:
            held = token
            continue
        yield token
    if held is not None:
        yield held


def _chinese_tokens(sentence: str, lexicon: Lexicon):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    for surface, start, end in jieba.tokenize(sentence, HMM=False):
        if has_letter(surface):
            lemma = surface.lower()
            yield Token(surface, start, end, lemma, lexicon.is_content(lemma, surface), None)


# --- Japanese words through MeCab (UniDic) -------------------------------------------------

# UniDic cuts honorific and other prefixes from their nouns (お + 弁当, 新 + 幹線); the two are
# joined again, as a learner would look the word up.
JA_PREFIX = "接頭辞"
JA_CLASSES = {"名詞": "noun", "動詞": "verb", "形容詞": "adjective", "形状詞": "adjective", "副詞": "adverb"}
# Auxiliary verbs and nouns ("する", "ある", "こと") are grammar rather than vocabulary.
_JA_FUNCTIONAL = frozenset({"非自立可能", "数詞", "助数詞"})


def japanese_word(node: Any) -> tuple[str, str, bool, bool]:
    """(dictionary form, part of speech, is a content word, is a name) of a MeCab node.

    The dictionary form is UniDic's orthBase ("食べる", "東京"), not its lemma, which spells
    some words in kanji no learner would look for ("為る" for する) or adds an English gloss
    ("カレー-curry")."""
    feature = node.feature
    base = getattr(feature, "orthBase", None)
    lemma = base if base and base != "*" else node.surface
    pos1, pos2 = feature.pos1, feature.pos2
    content = pos1 in JA_CLASSES and pos2 not in _JA_FUNCTIONAL
    return lemma, pos1, content, pos2 == "固有名詞"


# --- the language's data: lemmas, stopwords, frequencies -----------------------------------


@dataclass(frozen=True)
class Lexicon:
    language: str
    lemma: Callable[[str], str]  # surface -> lower-cased lemma
    stopwords: frozenset[str]
    zipf10: dict[str, int]  # frequency key -> Zipf x 10, for words at Zipf 3.0 and above
    frequency_key: Callable[[str], str]
    # written form -> what ``word`` says of it, kept between documents (see LEMMA_MEMORY)
    _words: dict[str, tuple[str, int, bool]] = field(default_factory=dict, compare=False, repr=False)

    def word(self, form: str) -> tuple[str, int, bool]:
        """(lemma, frequency band, is a content word) of a written form (not Chinese or Japanese,
        whose words come from their segmenters). Most forms of a document were met in the
        documents before it, so the answers are kept: a lookup in simplemma's dictionaries,
        wordfreq's table and the stopwords costs some 10 µs a form, a kept answer 0.1 µs."""
        known = self._words.get(form)
        if known is None:
            if len(self._words) >= LEMMA_MEMORY:
                self._words.clear()
            lemma = self.lemma(lemma_key(form, self.language))
            known = self._words[form] = (lemma, self.band(lemma), self.is_content(lemma, form) and has_letter(lemma))
        return known

    def band(self, lemma: str) -> int:
        zipf10 = self.zipf10.get(self.frequency_key(lemma))
        if zipf10 is None and self.language == "zh" and len(lemma) > 1:
            # A compound wordfreq does not list (活鱼, 洗菜) is rarer than its rarest character,
            # by a Zipf point, but no rarer than that when all its characters are common.
            parts = [self.zipf10.get(self.frequency_key(char)) for char in lemma]
            if all(parts):
                zipf10 = min(parts) - 10  # type: ignore[type-var]
        return band_of(zipf10 or 0)

    def is_content(self, lemma: str, surface: str) -> bool:
        if lemma in self.stopwords or surface.lower() in self.stopwords:
            return False
        return len(lemma) >= 2 or self.language in UNSPACED


@lru_cache(maxsize=1)
def lexicon_for(language: str) -> Lexicon:
    """The language's lemmatizer, stopwords and frequency table, loaded on first use. One is kept,
    so a worker that reads documents in many languages holds one language's data at a time."""
    import stopwordsiso

    return Lexicon(
        language=language,
        lemma=_surface_lemmatizer(language),
        stopwords=frozenset(word.lower() for word in stopwordsiso.stopwords(language)),
        zipf10=_frequency_table(language),
        frequency_key=_frequency_key(language),
    )


# Distinct written forms a lexicon remembers (``Lexicon.word``) between documents of its
# language: about 12 MB. Word use is Zipfian, so most of a document's forms are among them.
LEMMA_MEMORY = 60_000


def _surface_lemmatizer(language: str) -> Callable[[str], str]:
    if language in UNSPACED:  # segmenters give dictionary forms already
        return str.lower
    lemma_of = lemmatizer(language)
    return _without_possessive(lemma_of) if language == "en" else lemma_of


def _without_possessive(lemma_of: Callable[[str], str]) -> Callable[[str], str]:
    def english(surface: str) -> str:
        surface = surface.replace("’", "'")
        if surface.endswith("'s"):  # a possessive: "Maria's" is Maria
            surface = surface[:-2]
        return lemma_of(surface)

    return english


def _frequency_key(language: str) -> Callable[[str], str]:
    """A word as wordfreq keys it: what its ``preprocess_text`` does for these 8 languages (NFC,
    or NFKC for Chinese and Japanese, then case folding), and Simplified characters for Chinese."""
    if language == "zh":
        from wordfreq.chinese import simplify_chinese

        return lambda word: simplify_chinese(unicodedata.normalize("NFKC", word))
    form = "NFKC" if language == "ja" else "NFC"
    return lambda word: unicodedata.normalize(form, word).casefold()


def _frequency_table(language: str) -> dict[str, int]:
    """Zipf x 10 of every word at Zipf 3.0 or above: bands 1-5; everything else is band 6.

    wordfreq's own ``get_frequency_dict`` keeps ~300,000 floats per language (about 150 MB for
    English) in a cache for the life of the process; this table keeps ~40,000 small ints."""
    import wordfreq

    buckets = wordfreq.read_cBpack(wordfreq.available_languages("best")[language])
    table: dict[str, int] = {}
    for index, bucket in enumerate(buckets):  # bucket i holds the words at -i centibels
        zipf10 = round((900 - index) / 10)
        if zipf10 < BAND_FLOORS[-1]:
            break
        for word in bucket:
            table.setdefault(word, zipf10)
    return table


# --- word classes for distractors ----------------------------------------------------------

_VERB_ENDINGS = {
    "es": ("ar", "er", "ir"),
    "pt": ("ar", "er", "ir", "por"),
    "it": ("are", "ere", "ire", "rre"),
    "fr": ("er", "ir", "re", "oir"),
}
_EN_SUFFIXES = (
    (("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ist"), "noun"),
    (("ous", "ful", "ive", "able", "ible", "less", "ical"), "adjective"),
)


def word_class(lemma: str, surface: str, language: str, *, sentence_initial: bool) -> str | None:
    """A cheap guess at a word's class, or None when the spelling does not tell.

    German capitalises its nouns; Romance verbs have infinitive endings (-ar, -er, -ir, -re) and
    their adverbs end in -mente; English suffixes (-tion, -ness, -ous, -able...) mark nouns and
    adjectives. Chinese words carry no such marks (None); Japanese classes come from MeCab."""
    if language == "de":
        if surface[:1].isupper() and not sentence_initial:
            return "noun"
        return "verb" if surface.islower() and lemma.endswith(("en", "ern", "eln")) else None
    if language in _VERB_ENDINGS:
        if lemma.endswith("mente") and language != "fr":
            return "adverb"
        return "verb" if len(lemma) > 3 and lemma.endswith(_VERB_ENDINGS[language]) else None
    if language == "en":
        for suffixes, name in _EN_SUFFIXES:
            if len(lemma) > 5 and lemma.endswith(suffixes):
                return name
    return None
