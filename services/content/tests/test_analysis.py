"""A document's analysis in each of the 8 languages: language, sentences, level, topics,
summary and the key vocabulary ranked for one learner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parla.content.documents import language as language_module
from parla.content.documents.analysis import (
    LANGUAGES,
    LEVELS,
    Analysis,
    EmptyText,
    UnanalysableText,
    UnsupportedLanguage,
    analyse,
    detect_language,
    difficulty,
    level_of,
)
from parla.content.documents.language import lexicon_for
from parla.content.documents.sentences import split_sentences

TEXTS = Path(__file__).parent / "texts"
ORDER = [level for level, _ in LEVELS] + ["C2"]
# Sentences each text was written with (the files break lines between, not inside, sentences).
SENTENCES = {"en": 9, "es": 8, "fr": 8, "de": 9, "it": 8, "pt": 8, "zh": 8, "ja": 8}
# The word each text is about: it recurs, so it must be among the topics.
ABOUT = {"en": "market", "es": "tren", "fr": "marché", "de": "zug", "it": "mercato", "pt": "comboio", "zh": "市场", "ja": "駅"}

DUTCH = (
    "Op zaterdagochtend ging ik met mijn zus naar de markt in het centrum van de stad. De kramen stonden vol "
    "met groenten, fruit en verse bloemen. We kochten tomaten, kaas en een groot brood bij de bakker. "
    "Daarna dronken we koffie op een terras en keken we naar de mensen die voorbij liepen."
)
RUSSIAN = (
    "В субботу утром мы с сестрой поехали на рынок. Там продавали свежие овощи, фрукты и цветы. "
    "Мы купили помидоры, сыр и большой хлеб у пекаря. Потом мы пили кофе в маленьком кафе на площади."
)

# Not among the languages the first detector knows: it is named by the detector of all of them.
FINNISH = (
    "Lauantaiaamuna menin torille siskoni kanssa. Kojut olivat täynnä vihanneksia, hedelmiä ja kukkia. "
    "Ostimme tomaatteja, juustoa ja leipää leipurilta. Sen jälkeen joimme kahvia pienessä kahvilassa."
)


def text_of(language: str) -> str:
    return (TEXTS / f"{language}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    """The tests of one language run together: a worker keeps one language's lemmatizer and
    frequency table loaded at a time."""
    return request.param


@pytest.fixture(scope="module")
def analysis(language: str) -> Analysis:
    """The language's text analysed once for a learner with no word statuses yet."""
    return analyse(text_of(language))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- language ------------------------------------------------------------------------------


def test_the_language_of_each_text_is_detected(language: str, analysis: Analysis) -> None:
    assert detect_language(text_of(language)) == language
    assert analysis.language == language


@pytest.mark.parametrize(("text", "name"), [(DUTCH, "Dutch"), (RUSSIAN, "Russian"), (FINNISH, "Finnish")])
def test_a_document_in_another_language_is_refused_by_name(text: str, name: str) -> None:
    with pytest.raises(UnsupportedLanguage) as refused:
        analyse(text)
    assert name in refused.value.reason
    assert "not yet" in refused.value.reason
    assert "Spanish" in refused.value.reason  # it says what is supported


def test_a_language_given_outside_the_eight_is_refused() -> None:
    with pytest.raises(UnsupportedLanguage):
        analyse(text_of("en"), language="nl")


@pytest.mark.parametrize("text", ["", "   \n\t  \n", "12 345 — 67.", "!!! ??? ..."])
def test_a_text_without_words_gets_a_clear_error(text: str) -> None:
    with pytest.raises(EmptyText) as empty:
        analyse(text)
    assert isinstance(empty.value, UnanalysableText)
    assert "no text" in empty.value.reason or "no words" in empty.value.reason


# --- sentences, counts, summary, topics ----------------------------------------------------


def test_the_sentences_are_the_documents_own_in_order(language: str, analysis: Analysis) -> None:
    assert analysis.sentence_count == SENTENCES[language] == len(analysis.sentences)
    remaining = _squeezed(text_of(language))
    for sentence in analysis.sentences:
        position = remaining.find(_squeezed(sentence))
        assert position >= 0, sentence
        remaining = remaining[position + len(_squeezed(sentence)) :]


def test_words_are_counted_without_punctuation(language: str, analysis: Analysis) -> None:
    assert 80 <= analysis.word_count <= 140
    doubled = analyse(text_of(language) + "\n\n" + text_of(language), language=language)
    assert doubled.word_count == 2 * analysis.word_count


def test_the_summary_is_three_to_five_document_sentences_in_order(language: str, analysis: Analysis) -> None:
    assert 3 <= len(analysis.summary) <= 5
    positions = [analysis.sentences.index(sentence) for sentence in analysis.summary]
    assert positions == sorted(set(positions))


def test_a_text_of_two_sentences_is_its_own_summary() -> None:
    analysis = analyse("The train was late. We waited on the platform for an hour.", language="en")
    assert analysis.summary == analysis.sentences


def test_topics_are_three_to_eight_content_lemmas_among_them_what_the_text_is_about(language: str, analysis: Analysis) -> None:
    topics = analysis.topics
    assert 3 <= len(topics) <= 8
    assert len(set(topics)) == len(topics)
    assert ABOUT[language] in topics
    assert not {"the", "de", "la", "der", "il", "o", "的", "の"} & set(topics)


# --- key vocabulary ------------------------------------------------------------------------


def test_each_key_word_comes_with_the_sentence_where_it_first_appears(language: str, analysis: Analysis) -> None:
    assert analysis.vocabulary
    for item in analysis.vocabulary:
        assert item.surface in item.sentence
        assert item.sentence in analysis.sentences
        first = next(sentence for sentence in analysis.sentences if item.surface in sentence)
        assert analysis.sentences.index(first) <= analysis.sentences.index(item.sentence)
        assert 1 <= item.band <= 6 and item.count >= 1 and item.status == "new"


def test_known_and_ignored_words_leave_the_vocabulary_and_learning_ones_go_after_new_ones(
    language: str, analysis: Analysis
) -> None:
    top = [item.lemma for item in analysis.vocabulary[:3]]
    known = {top[0]: "known", top[1]: "ignored", top[2]: "learning"}
    ranked = analyse(text_of(language), known=known, language=language).vocabulary
    lemmas = [item.lemma for item in ranked]
    assert top[0] not in lemmas and top[1] not in lemmas
    learning = lemmas.index(top[2])
    assert ranked[learning].status == "learning"
    assert all(item.status == "new" for item in ranked[:learning])
    assert learning > 0 and lemmas[0] != top[2]


def test_key_words_are_ranked_by_usefulness_and_leave_out_stopwords_numbers_and_names() -> None:
    text = (
        "Maria bought 3 kilos of tomatoes and a ladle at the market. The tomatoes were ripe and the market was busy. "
        "Maria also bought a colander and a ladle. Then she went home with the tomatoes, one potato and Maria's dog."
    )
    vocabulary = analyse(text, language="en").vocabulary
    lemmas = [item.lemma for item in vocabulary]
    assert {"the", "at", "and", "3", "maria"}.isdisjoint(lemmas)
    assert lemmas.index("tomato") < lemmas.index("potato")  # the same band, met more often
    assert lemmas.index("market") < lemmas.index("ladle")  # met as often, a commoner word
    assert lemmas.index("ladle") < lemmas.index("colander")  # the same band, met more often
    assert [item.score for item in vocabulary] == sorted((item.score for item in vocabulary), reverse=True)


def test_the_vocabulary_is_at_most_two_hundred_words() -> None:
    import wordfreq

    words = [w for w in wordfreq.top_n_list("en", 3000)[500:] if w.isalpha()]
    text = " ".join(f"{' '.join(words[i : i + 10]).capitalize()}." for i in range(0, len(words), 10))
    analysis = analyse(text, language="en")
    assert len(analysis.vocabulary) == 200


# --- level ---------------------------------------------------------------------------------


def _rank(level: str) -> int:
    return ORDER.index(level)


def test_difficulty_never_falls_when_words_get_rarer_or_sentences_longer() -> None:
    loads = [i / 20 for i in range(0, 21)]
    lengths = [float(n) for n in range(1, 60, 3)]
    for length in lengths:
        levels = [_rank(level_of(difficulty(load, length))) for load in loads]
        assert levels == sorted(levels)
    for load in loads:
        levels = [_rank(level_of(difficulty(load, length))) for length in lengths]
        assert levels == sorted(levels)
    assert level_of(difficulty(0.0, 6.0)) == "A1" and level_of(difficulty(0.5, 30.0)) == "C2"


def _text_from_ranks(language: str, first: int, last: int) -> str:
    """Sentences of eight words from wordfreq's list between two ranks."""
    import stopwordsiso
    import wordfreq

    stop = stopwordsiso.stopwords(language)
    words = [w for w in wordfreq.top_n_list(language, last)[first:] if w.isalpha() and w not in stop][:160]
    joiner = "" if language in ("zh", "ja") else " "
    end = "。" if language in ("zh", "ja") else "."
    sentences = (joiner.join(words[i : i + 8]) for i in range(0, len(words), 8))
    return " ".join(sentence[0].upper() + sentence[1:] + end for sentence in sentences)


def test_a_text_of_rare_words_rates_above_one_of_common_words_of_the_same_length(language: str) -> None:
    common = analyse(_text_from_ranks(language, 100, 1_000), language=language)
    rare = analyse(_text_from_ranks(language, 20_000, 40_000), language=language)
    assert _rank(rare.level) > _rank(common.level)
    assert _rank(rare.level) >= _rank("C1")


def test_words_the_learner_knows_do_not_make_a_text_harder() -> None:
    text = _text_from_ranks("en", 20_000, 40_000)
    unknown = analyse(text, language="en")
    known = {item.lemma: "known" for item in unknown.vocabulary}
    assert _rank(analyse(text, known=known, language="en").level) < _rank(unknown.level)


def test_longer_sentences_of_the_same_words_rate_at_least_as_high() -> None:
    words = text_of("en").replace(".", "").replace(",", "").split()

    def sentences_of(size: int) -> str:
        chunks = (" ".join(words[i : i + size]) for i in range(0, len(words), size))
        return " ".join(chunk[0].upper() + chunk[1:] + "." for chunk in chunks)

    short, long = sentences_of(5), sentences_of(30)
    assert analyse(short, language="en").sentence_count > analyse(long, language="en").sentence_count
    assert _rank(analyse(long, language="en").level) > _rank(analyse(short, language="en").level)


# --- sentences -----------------------------------------------------------------------------


def test_abbreviations_initials_and_ordinals_do_not_end_a_sentence() -> None:
    assert split_sentences("Mr. J. Smith met Dr. Brown at 5 p.m. yesterday. They talked.", "en") == [
        "Mr. J. Smith met Dr. Brown at 5 p.m. yesterday.",
        "They talked.",
    ]
    assert split_sentences("Am 3. Mai kam z. B. Herr Meier. Er blieb.", "de") == ["Am 3. Mai kam z. B. Herr Meier.", "Er blieb."]
    assert split_sentences("¿Dónde está la estación? ¡Allí! Gracias.", "es") == ["¿Dónde está la estación?", "¡Allí!", "Gracias."]


def test_a_wrapped_line_continues_its_sentence_and_a_blank_line_ends_one() -> None:
    text = "The train left the station\nat eight and reached the coast\nby noon\n\nChapter two\nIt rained."
    assert split_sentences(text, "en") == [
        "The train left the station at eight and reached the coast by noon",
        "Chapter two",
        "It rained.",
    ]


def test_chinese_and_japanese_sentences_end_at_their_own_marks_and_keep_quotations_whole() -> None:
    assert split_sentences("我去市场。你呢？太好了！", "zh") == ["我去市场。", "你呢？", "太好了！"]
    assert split_sentences("「安いですね！」と言いました。雨でした", "ja") == ["「安いですね！」と言いました。", "雨でした"]


def test_a_text_without_punctuation_is_cut_into_bounded_sentences_and_keeps_every_word() -> None:
    text = " ".join(["train"] * 3_000)
    sentences = split_sentences(text, "en")
    assert len(sentences) > 1
    assert all(len(sentence) <= 500 for sentence in sentences)
    assert sum(len(sentence.split()) for sentence in sentences) == 3_000


# --- what a worker remembers between documents ---------------------------------------------


@pytest.mark.parametrize("language", ["en", "es", "de", "fr"])
def test_a_second_analysis_from_the_words_a_lexicon_remembers_equals_the_first(language: str) -> None:
    first = analyse(text_of(language), language=language)
    lexicon_for(language)._words.clear()
    assert analyse(text_of(language), language=language) == first, "a fresh lexicon"
    assert lexicon_for(language)._words, "the forms met are remembered"
    assert analyse(text_of(language), language=language) == first, "from what it remembered"


def test_a_lexicon_remembers_at_most_its_bound_of_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language_module, "LEMMA_MEMORY", 5)
    lexicon = lexicon_for("es")
    lexicon._words.clear()
    for form in ("casas", "perros", "gatos", "comimos", "bebía", "trenes", "mesas"):
        assert lexicon.word(form)[0] == lexicon.lemma(form)
        assert len(lexicon._words) <= 5
