"""What a document says and which of its words a learner should study. Pure: text in, data out.

**Language**: lingua over a sample (the start, middle and end of a long text), choosing among the
8 and 19 other common languages, so that a Dutch text is refused as Dutch. **Words**: letters
only (numbers are not words); one counting pass (see ``counting``) lemmatises each distinct
written form once, and everything after it works on the lemma table.

**Level (CEFR).** Two measures, both from the text as this learner meets it:

- *lexical load* R: the tokens' weights summed and divided by the number of tokens, where a
  token weighs by its lemma's frequency band (see ``language``): bands 1-2 weigh 0, band 3 0.5,
  band 4 1, band 5 1.5, band 6 2, and a lemma the learner has as known or ignored weighs 0.
  Names are left out. R is near 0 for a text of everyday words and passes 0.3 for rare ones.
- *sentence length* L: words per sentence; Japanese counts particles and endings as words and
  Chinese splits compounds, so L is scaled by 0.6 (ja) and 0.75 (zh) to compare with the others.

The difficulty D = 100·R + 0.8·L, and the level is the first whose bound D stays under:
A1 < 12 ≤ A2 < 20 ≤ B1 < 30 ≤ B2 < 40 ≤ C1 < 50 ≤ C2. D only grows when a word gets rarer, when
the learner knows fewer of them or when sentences get longer, so the level does too.

**Topics**: content lemmas by occurrences × rarity (band 1: 1 ... band 5-6: 3), those seen twice
first, 3-8 of them. **Summary**: 3-5 sentences scored by the weights (as for topics) of the 30
weightiest lemmas they hold, over the square root of their length, the opening tenth favoured,
shown in document order. **Key vocabulary**: content lemmas that are not names and that the learner does not have
as known or ignored, by usefulness = log2(1 + occurrences) × band weight (common words are the
more useful to learn); "new" before "learning"; at most 200.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from parla.content.documents.counting import LemmaTable, count_lemmas, sentence_keywords
from parla.content.documents.language import LANGUAGE_NAMES, has_letter, lexicon_for
from parla.content.documents.search import body_index
from parla.content.documents.sentences import split_sentences
from parla.language import LANGUAGES

__all__ = [
    "LANGUAGES",
    "Analysis",
    "EmptyText",
    "UnanalysableText",
    "UnsupportedLanguage",
    "VocabularyItem",
    "analyse",
    "detect_language",
    "prepare",
]

MAX_VOCABULARY = 200
KNOWN_STATUSES = frozenset({"known", "ignored"})
LEVELS = (("A1", 12.0), ("A2", 20.0), ("B1", 30.0), ("B2", 40.0), ("C1", 50.0))
LEXICAL_WEIGHT = {1: 0.0, 2: 0.0, 3: 0.5, 4: 1.0, 5: 1.5, 6: 2.0}
SENTENCE_SCALE = {"ja": 0.6, "zh": 0.75}
RARITY = {1: 1.0, 2: 1.5, 3: 2.0, 4: 2.5, 5: 3.0, 6: 3.0}
USEFULNESS = {1: 1.0, 2: 1.0, 3: 0.9, 4: 0.75, 5: 0.55, 6: 0.35}

# Languages the detector also knows, so that a Dutch text is named Dutch and refused rather
# than taken for the nearest supported language (German). Low-accuracy models of these 8 + 19
# take about 22 MB; all 75 of lingua's would take about 70 MB.
OTHER_LANGUAGES = (
    *("nl", "af", "da", "nb", "sv"),  # the Germanic neighbours of English and German
    *("ca", "ro"),  # Romance
    *("pl", "cs", "ru", "uk", "el", "tr", "id", "vi", "ar", "he", "hi", "ko"),
)
SAMPLE_CHARS = 1_000  # from the start, middle and end of a long text
SURE = 0.6  # the confidence below which the detector of every language is asked too


class UnanalysableText(Exception):
    """The text cannot be analysed; ``reason`` says why in words a learner can act on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class EmptyText(UnanalysableText):
    pass


class UnsupportedLanguage(UnanalysableText):
    pass


@dataclass(frozen=True)
class VocabularyItem:
    lemma: str
    surface: str
    count: int
    band: int  # 1 (most frequent) .. 6 (rare or unknown)
    score: float
    sentence: str
    status: str  # the learner's status, or "new"


@dataclass(frozen=True)
class Analysis:
    language: str
    word_count: int
    sentence_count: int
    level: str  # CEFR "A1".."C2"
    topics: list[str]
    summary: list[str]  # the chosen sentences, in document order
    vocabulary: list[VocabularyItem]  # ranked for the learner, at most 200
    sentences: list[str]  # the document's sentences
    # The body's search index (see ``search``), stored on its own, not with the analysis.
    terms: str = ""


# --- language ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, code.upper()) for code in (*LANGUAGES, *OTHER_LANGUAGES)]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_low_accuracy_mode().build()


def prepare(language: str | None = None) -> None:
    """Load what documents need before the first one arrives (for a worker process's start):
    the language detector and its models (about 0.7 s), and with ``language`` that language's
    lemmatizer and frequency table (0.3-1.3 s). Optional: everything also loads on first use."""
    for sample in ("The train leaves at eight.", "El tren sale a las ocho.", "列車は八時に出ます。"):
        _detector().compute_language_confidence_values(sample)
    if language is not None:
        lexicon_for(language).lemma("prepare")


def _sample(text: str) -> str:
    if len(text) <= 3 * SAMPLE_CHARS:
        return text
    middle = len(text) // 2 - SAMPLE_CHARS // 2
    return "\n".join((text[:SAMPLE_CHARS], text[middle : middle + SAMPLE_CHARS], text[-SAMPLE_CHARS:]))


def detect_language(text: str) -> str:
    """The ISO 639-1 code of one of the 8 languages; UnsupportedLanguage for any other.

    The detector of 27 languages settles most texts. When it is unsure, or names a language
    Parla does not teach (it may be naming the nearest of its 27: Finnish comes out as Dutch),
    all of lingua's 75 languages are asked, loaded for that question and unloaded after it."""
    if not has_letter(text):
        raise EmptyText("This document has no text to analyse.")
    sample = _sample(text)
    best = _best_guess(_detector(), sample)
    if best is not None and best[0] in LANGUAGES and best[1] >= SURE:
        return best[0]
    everyone = _every_language_detector()
    try:
        best = _best_guess(everyone, sample)
    finally:
        everyone.unload_language_models()
    if best is None:
        raise UnsupportedLanguage(f"Parla could not tell which language this document is in; it supports {_supported()}.")
    code, _, name = best
    if code not in LANGUAGES:
        raise UnsupportedLanguage(f"This document looks like {name}; Parla supports {_supported()}, not yet {name}.")
    return code


def _best_guess(detector, sample: str) -> tuple[str, float, str] | None:
    """(code, confidence, name) of the likeliest language, or None when none is likely at all."""
    confidences = detector.compute_language_confidence_values(sample)
    if not confidences or confidences[0].value == 0:
        return None
    language = confidences[0].language
    return language.iso_code_639_1.name.lower(), confidences[0].value, language.name.title()


def _every_language_detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def _supported() -> str:
    names = [LANGUAGE_NAMES[code] for code in LANGUAGES]
    return ", ".join(names[:-1]) + " and " + names[-1]


# --- the analysis --------------------------------------------------------------------------


def analyse(text: str, *, known: Mapping[str, str] | None = None, language: str | None = None) -> Analysis:
    """Analyse ``text`` for a learner whose word statuses are ``known`` (lemma -> "known",
    "learning", "ignored"...). ``language`` skips detection."""
    if not text or not has_letter(text):
        raise EmptyText("This document has no text to analyse.")
    if language is None:
        language = detect_language(text)
    elif language not in LANGUAGES:
        raise UnsupportedLanguage(f"Parla supports {_supported()}, not yet the language {language!r}.")
    statuses = {lemma.lower(): status for lemma, status in (known or {}).items()}
    sentences = split_sentences(text, language)
    table = count_lemmas(sentences, language)
    if table.word_count == 0:
        raise EmptyText("This document has no words to analyse.")
    topics, weights = _topics(table)
    return Analysis(
        language=language,
        word_count=table.word_count,
        sentence_count=len(sentences),
        level=_level(table, statuses, len(sentences), language),
        topics=topics,
        summary=_summary(table, sentences, weights),
        vocabulary=_vocabulary(table, sentences, statuses),
        sentences=sentences,
        terms=body_index(table.lemmas, table.counts, table.surface_ids),
    )


def difficulty(lexical_load: float, words_per_sentence: float) -> float:
    return 100.0 * lexical_load + 0.8 * words_per_sentence


def level_of(score: float) -> str:
    return next((level for level, bound in LEVELS if score < bound), "C2")


def _level(table: LemmaTable, statuses: Mapping[str, str], sentence_count: int, language: str) -> str:
    tokens = 0
    load = 0.0
    for lid, lemma in enumerate(table.lemmas):
        if table.is_name(lid):
            continue
        count = table.counts[lid]
        tokens += count
        if statuses.get(lemma) not in KNOWN_STATUSES:
            load += count * LEXICAL_WEIGHT[table.bands[lid]]
    if tokens == 0:
        return level_of(0.0)
    words_per_sentence = table.word_count / max(1, sentence_count) * SENTENCE_SCALE.get(language, 1.0)
    return level_of(difficulty(load / tokens, words_per_sentence))


def _topics(table: LemmaTable) -> tuple[list[str], dict[int, float]]:
    """3-8 topic lemmas, and the weight of the top keywords (for the summary)."""
    scored = sorted(
        ((table.counts[lid] * RARITY[table.bands[lid]], lid) for lid in table.content_ids()),
        key=lambda pair: (-pair[0], pair[1]),  # ties: the first met first
    )
    keywords = scored[:30]
    weights = {lid: score for score, lid in keywords}
    repeated = [lid for _, lid in keywords if table.counts[lid] >= 2]
    chosen = repeated[:8]
    if len(chosen) < 3:  # a short text: its weightiest other words, names last
        others = sorted((lid for _, lid in keywords if lid not in chosen), key=table.is_name)
        chosen += others[: 3 - len(chosen)]
    top = weights[chosen[0]] if chosen else 0.0
    # Beyond the first three, a topic must weigh at least a quarter of the first.
    chosen = [lid for rank, lid in enumerate(chosen) if rank < 3 or weights[lid] >= top / 4]
    return [table.lemmas[lid] for lid in chosen], weights


def _summary(table: LemmaTable, sentences: list[str], weights: dict[int, float]) -> list[str]:
    wanted = 3 if len(sentences) <= 15 else 4 if len(sentences) <= 60 else 5
    if len(sentences) <= wanted:
        return list(sentences)
    opening = max(1, len(sentences) // 10)
    ranked: list[tuple[float, int]] = []  # (-score, index): the best first, earlier ones on a tie
    for index, words, lids in sentence_keywords(table, set(weights)):
        if words < 4 or not lids:  # headings and fragments say little on their own
            continue
        score = sum(weights[lid] for lid in lids) / math.sqrt(words)
        ranked.append((-score * (1.25 if index < opening else 1.0), index))
    chosen = sorted(index for _, index in heapq.nsmallest(wanted, ranked))
    if len(chosen) < wanted:  # too few sentences with a keyword: the opening ones make up the rest
        chosen = sorted({*chosen, *range(len(sentences))[:wanted]})[:wanted]
    return [sentences[index] for index in chosen]


@lru_cache(maxsize=4096)
def usefulness(count: int, band: int) -> float:
    return round(math.log2(1 + count) * USEFULNESS[band], 3)


def _vocabulary(table: LemmaTable, sentences: list[str], statuses: Mapping[str, str]) -> list[VocabularyItem]:
    lemmas, counts, bands = table.lemmas, table.counts, table.bands
    ranked = []  # "new" before "learning", then the most useful, then the first met
    for lid in table.content_ids():
        status = statuses.get(lemmas[lid], "new")
        if status in KNOWN_STATUSES or table.is_name(lid):
            continue
        ranked.append((status == "learning", -usefulness(counts[lid], bands[lid]), lid, status))
    chosen = heapq.nsmallest(MAX_VOCABULARY, ranked)
    examples = table.examples([lid for _, _, lid, _ in chosen])
    return [
        VocabularyItem(
            lemma=lemmas[lid],
            surface=examples[lid][1],
            count=counts[lid],
            band=bands[lid],
            score=-negative_score,
            sentence=sentences[examples[lid][0]],
            status=status,
        )
        for _, negative_score, lid, status in chosen
    ]
