"""One pass over a document's sentences that counts its lemmas.

The per-word work is what makes a 500,000-word document slow or fast. Written forms are counted
by C code (a ``Counter`` over the sentences' word lists, which keeps them in order of first
appearance), and only then is each distinct form lemmatised and classified, once. Japanese
words come from MeCab node by node: each distinct MeCab reading is classified once and then
found in a dictionary.
"""

from __future__ import annotations

import logging
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from parla.content.documents.language import (
    JA_PREFIX,
    Lexicon,
    has_letter,
    japanese_word,
    lexicon_for,
    word_pattern,
)

# Languages where a word written with a capital mid-sentence is a name (German capitalises every
# noun; Chinese has no capitals; Japanese names are marked by MeCab).
_CAPITALISED_NAMES = ("en", "es", "fr", "it", "pt")

# A Japanese reading's lemma id, kind (_NOUN, _PREFIX or 0) and whether it is a content word.
_Entry = tuple[int, int, bool]
_SKIP: _Entry = (-1, 0, False)  # punctuation, numbers and symbols


@dataclass
class LemmaTable:
    language: str
    lemmas: list[str] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)
    bands: list[int] = field(default_factory=list)
    is_content: list[bool] = field(default_factory=list)
    first_sentence: list[int] = field(default_factory=list)  # Japanese; elsewhere see ``examples``
    first_surface: list[str] = field(default_factory=list)
    capitalised: list[int] = field(default_factory=list)  # occurrences written with a capital
    initial: list[int] = field(default_factory=list)  # occurrences as a sentence's first word
    proper: list[bool] = field(default_factory=list)  # a name, where the segmenter says so
    word_count: int = 0
    surface_ids: dict[str, int] = field(default_factory=dict)  # written form -> lemma id (not Japanese)
    # Each sentence's words as cut in the count (not Japanese), kept for the summary's pass: the
    # strings exist already, and cutting the text again would cost as much as the count.
    sentence_forms: list[list[str]] = field(default_factory=list)
    sentence_words: array = field(default_factory=lambda: array("i"))  # Japanese words of each sentence
    content: array = field(default_factory=lambda: array("i"))  # Japanese content lemma ids, in order
    sentence_ends: array = field(default_factory=lambda: array("i"))  # each sentence's end in ``content``
    ids: dict[str, int] = field(default_factory=dict)  # lemma -> its id

    def lemma_id(
        self,
        lemma: str,
        surface: str,
        sentence: int,
        lexicon: Lexicon,
        *,
        content: bool = True,
        proper: bool = False,
        band: int | None = None,
    ) -> int:
        lid = self.ids.get(lemma)
        if lid is None:
            content = content and lexicon.is_content(lemma, surface) and has_letter(lemma)
            lid = self.add_lemma(lemma, surface, sentence, band or lexicon.band(lemma), content, proper)
        return lid

    def add_lemma(self, lemma: str, surface: str, sentence: int, band: int, content: bool, proper: bool = False) -> int:
        """A lemma met for the first time, as ``surface`` in ``sentence``: its id."""
        lid = self.ids[lemma] = len(self.lemmas)
        self.lemmas.append(lemma)
        self.counts.append(0)
        self.bands.append(band)
        self.is_content.append(content)
        self.first_sentence.append(sentence)
        self.first_surface.append(surface)
        self.capitalised.append(0)
        self.initial.append(0)
        self.proper.append(proper)
        return lid

    def is_name(self, lid: int) -> bool:
        """A name: so marked by MeCab, or (where capitals tell) always written with a capital,
        and not only at the start of sentences."""
        if self.proper[lid]:
            return True
        if self.language not in _CAPITALISED_NAMES:
            return False
        return self.capitalised[lid] == self.counts[lid] and self.capitalised[lid] > self.initial[lid]

    def examples(self, lids: list[int]) -> dict[int, tuple[int, str]]:
        """The sentence each lemma is first met in, and the form it has there."""
        if self.language == "ja":  # counted sentence by sentence: known already
            return {lid: (self.first_sentence[lid], self.first_surface[lid]) for lid in lids}
        wanted = set(lids)
        forms = {form: lid for form, lid in self.surface_ids.items() if lid in wanted}
        found: dict[int, tuple[int, str]] = {}
        for index, words in enumerate(self.sentence_forms):
            hits = forms.keys() & words
            for form in sorted(hits, key=words.index) if len(hits) > 1 else hits:
                found.setdefault(forms[form], (index, form))
            if len(found) == len(wanted):
                break
        return found

    def content_ids(self) -> list[int]:
        """Content lemmas met in the text (a Japanese noun joined to its prefix may never be met alone)."""
        counts = self.counts
        return [lid for lid, content in enumerate(self.is_content) if content and counts[lid]]


def count_lemmas(sentences: list[str], language: str) -> LemmaTable:
    lexicon = lexicon_for(language)
    table = LemmaTable(language)
    if language == "ja":
        _count_japanese(sentences, table, lexicon)
        table.word_count = sum(table.sentence_words)
    else:
        _count_forms(sentences, table, lexicon)
    return table


def _count_forms(sentences: list[str], table: LemmaTable, lexicon: Lexicon) -> None:
    if table.language == "zh":
        import jieba

        jieba.setLogLevel(logging.WARNING)

        def split(sentence: str) -> list[str]:
            # dictionary words only: jieba's guessed words ("先买") are not words
            return jieba.lcut(sentence, HMM=False)

    else:
        split = word_pattern(table.language).findall
    words_of = [split(sentence) for sentence in sentences]
    table.sentence_forms = words_of
    # A Counter fed the words in document order keeps its forms in order of first appearance.
    forms = Counter(chain.from_iterable(words_of))
    initial = Counter(words[0] for words in words_of if words)
    _add_forms(table, lexicon, forms, initial)


def _add_forms(table: LemmaTable, lexicon: Lexicon, forms: Counter[str], initial: Counter[str]) -> None:
    """Each distinct form looked up once (``Lexicon.word``), in order of first appearance (so
    lemma ids follow the document and break ties). The sentence a lemma is first met in is looked
    up later, for the few lemmas shown (``examples``)."""
    chinese = table.language == "zh"
    word = lexicon.word
    ids, surface_ids = table.ids, table.surface_ids
    counts, capitalised, initials = table.counts, table.capitalised, table.initial
    words = 0
    for form, count in forms.items():
        if chinese and not has_letter(form):  # jieba's punctuation
            continue
        lemma, band, content = word(form)
        lid = ids.get(lemma)
        if lid is None:
            lid = table.add_lemma(lemma, form, -1, band, content)
        surface_ids[form] = lid
        counts[lid] += count
        words += count
        if form in initial:
            initials[lid] += initial[form]
        if form[0].isupper():
            capitalised[lid] += count
    table.word_count = words


def sentence_keywords(table: LemmaTable, keywords: set[int]) -> Iterator[tuple[int, int, set[int]]]:
    """(index, words, the keyword lemma ids in it) of each sentence, for the summary: a second
    pass over the sentences that, again, does its per-word work in C."""
    if table.language == "ja":
        start = 0
        for index, end in enumerate(table.sentence_ends):
            yield index, table.sentence_words[index], {lid for lid in table.content[start:end] if lid in keywords}
            start = end
        return
    forms = {form: lid for form, lid in table.surface_ids.items() if lid in keywords}
    for index, words in enumerate(table.sentence_forms):
        yield index, len(words), {forms[form] for form in forms.keys() & words}


def _count_japanese(sentences: list[str], table: LemmaTable, lexicon: Lexicon) -> None:
    from parla.language import japanese_tagger

    tagger = japanese_tagger()
    # MeCab's feature string names the word, its reading and its form: one entry per string.
    # Unknown words share a generic string, so they are looked up each time (they are rare).
    cache: dict[str, _Entry] = {}
    joined: dict[str, _Entry] = {}
    counts, content = table.counts, table.content
    for index, sentence in enumerate(sentences):
        words = 0
        held = None  # a prefix node, waiting to join the noun after it
        for node in tagger(sentence):
            entry = cache.get(node.feature_raw)
            if entry is None:
                entry = _japanese_entry(node, index, table, lexicon)
                if not node.is_unk:
                    cache[node.feature_raw] = entry
            if held is not None:
                prefix, held = held, None
                if entry[1] == _NOUN and entry[2]:
                    entry = _joined_entry(prefix, node, entry, index, table, lexicon, joined)
                else:
                    words += 1
                    counts[_japanese_entry(prefix, index, table, lexicon)[0]] += 1
            if entry is _SKIP:
                continue
            if entry[1] == _PREFIX:
                held = node
                continue
            words += 1
            lid = entry[0]
            counts[lid] += 1
            if entry[2]:
                content.append(lid)
        if held is not None:
            words += 1
            counts[_japanese_entry(held, index, table, lexicon)[0]] += 1
        table.sentence_ends.append(len(content))
        table.sentence_words.append(words)


_NOUN, _PREFIX = 1, 2


def _japanese_entry(node, index: int, table: LemmaTable, lexicon: Lexicon) -> _Entry:
    if not has_letter(node.surface):
        return _SKIP
    lemma, pos1, content, proper = japanese_word(node)
    lid = table.lemma_id(lemma, node.surface, index, lexicon, content=content, proper=proper)
    kind = _NOUN if pos1 == "名詞" else _PREFIX if pos1 == JA_PREFIX else 0
    return (lid, kind, table.is_content[lid])


def _joined_entry(
    prefix, node, noun: _Entry, index: int, table: LemmaTable, lexicon: Lexicon, joined: dict[str, _Entry]
) -> _Entry:
    key = f"{prefix.surface}\n{node.feature_raw}"
    entry = joined.get(key)
    if entry is None:
        lemma = prefix.surface + table.lemmas[noun[0]]
        band = table.bands[noun[0]] if lexicon.frequency_key(lemma) not in lexicon.zipf10 else None
        lid = table.lemma_id(lemma, prefix.surface + node.surface, index, lexicon, proper=table.proper[noun[0]], band=band)
        entry = joined[key] = (lid, _NOUN, table.is_content[lid])
    return entry
