"""The shared word tools: the lemmatizer for long texts agrees with the judge's cached one and
keeps one language's dictionary at a time."""

from __future__ import annotations

import pytest

from parla.language import lemma, lemmatizer, words
from parla.language import text as language_text


@pytest.mark.parametrize(
    ("language", "word", "expected"),
    [("es", "compramos", "comprar"), ("de", "Häuser", "haus"), ("fr", "achetons", "acheter"), ("en", "went", "go")],
)
def test_the_long_text_lemmatizer_gives_the_same_lemmas_as_the_cached_one(language: str, word: str, expected: str) -> None:
    assert lemmatizer(language)(word) == lemma(word, language) == expected


# Words simplemma answers otherwise than from its dictionary as written: an apostrophe, digits,
# a numeral, a decomposed accent, an unlisted word.
_UNLISTED = ["l'homme", "don't", "3D", "Ⅻ", "cafe\u0301", "Cafe\u0301s", "xqzvbnw", "Häuser", "HÄUSER"]


@pytest.mark.parametrize("language", ["es", "de"])
def test_the_long_text_lemmatizer_answers_as_simplemma_does_for_common_words_in_every_case(language: str) -> None:
    import simplemma
    import wordfreq

    common = wordfreq.top_n_list(language, 3000)
    forms = [form for word in common for form in (word, word.capitalize(), word.upper())] + _UNLISTED
    lemma_of, simplemmas = lemmatizer(language), simplemma.Lemmatizer(cache_max_size=0)
    differing = [form for form in forms if lemma_of(form) != simplemmas.lemmatize(form, language).lower()]
    assert differing == []


def test_only_the_last_language_used_keeps_its_dictionary() -> None:
    lemmatizer("es")("casas")
    lemmatizer("it")("case")
    assert list(language_text._held_lemmatizer) == ["it"]


def test_an_unknown_language_leaves_the_word_as_its_own_lemma() -> None:
    assert lemmatizer("xx")("Words") == "words"


def test_chinese_and_japanese_are_cut_into_words() -> None:
    assert words("我去市场买菜。", "zh")[:3] == ["我", "去", "市场"]
    assert "駅" in words("東京駅で電車に乗りました。", "ja")
