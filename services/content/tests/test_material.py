"""Study material made from an analysis: flashcards, quiz and key concepts, in each of the 8
languages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from parla.content.documents.analysis import LANGUAGES, Analysis, VocabularyItem, analyse
from parla.content.documents.material import BLANK, FALSE, NO_GLOSS, TRUE, Material, generate

TEXTS = Path(__file__).parent / "texts"


@pytest.fixture(scope="module", params=LANGUAGES)
def language(request: pytest.FixtureRequest) -> str:
    """The tests of one language run together: a worker keeps one language's lemmatizer and
    frequency table loaded at a time."""
    return request.param


def analysis_of(language: str) -> Analysis:
    return analyse((TEXTS / f"{language}.txt").read_text(encoding="utf-8"), language=language)


@pytest.fixture(scope="module")
def analysis(language: str) -> Analysis:
    return analysis_of(language)


@pytest.fixture(scope="module")
def material(analysis: Analysis) -> Material:
    return generate(analysis, seed=7)


# --- flashcards ----------------------------------------------------------------------------


def test_flashcards_blank_the_word_in_the_learners_own_sentence(analysis: Analysis, material: Material) -> None:
    cards = material.flashcards
    vocabulary = {item.lemma: item for item in analysis.vocabulary}
    assert 10 <= len(cards) <= 30
    for card in cards:
        item = vocabulary[card.lemma]
        assert card.sentence == item.sentence
        assert card.cloze.count(BLANK) == 1
        assert card.cloze.replace(BLANK, item.surface) == card.sentence
        assert card.front.casefold() == card.lemma.casefold()


def test_without_a_dictionary_a_card_shows_its_sentence_and_says_there_is_no_gloss(material: Material) -> None:
    for card in material.flashcards:
        assert card.gloss is None
        assert card.sentence in card.back and NO_GLOSS in card.back


def test_a_dictionary_gloss_goes_on_the_back_of_the_card() -> None:
    glosses = {"tren": "train", "estación": "station"}
    cards = {card.lemma: card for card in generate(analysis_of("es"), glossary=glosses.get).flashcards}
    assert cards["tren"].gloss == "train" and cards["tren"].back == "train"
    assert cards["estación"].back == "station"
    others = [card for lemma, card in cards.items() if lemma not in glosses]
    assert others and all(card.gloss is None and NO_GLOSS in card.back for card in others)


def test_german_nouns_keep_their_capital_on_the_front() -> None:
    fronts = {card.lemma: card.front for card in generate(analysis_of("de")).flashcards}
    assert fronts["zug"] == "Zug" and fronts["bahnhof"] == "Bahnhof"
    assert fronts["fahren"] == "fahren"


# --- quiz ----------------------------------------------------------------------------------


def test_every_question_has_distinct_options_and_its_answer_among_them(material: Material) -> None:
    quiz = material.quiz
    assert {question.kind for question in quiz} == {"cloze", "true_false"}
    for question in quiz:
        assert question.answer in question.options
        assert len({option.casefold() for option in question.options}) == len(question.options)
        assert question.explanation


def test_cloze_questions_offer_four_words_of_the_same_document(analysis: Analysis, material: Material) -> None:
    lemmas = {item.lemma.casefold() for item in analysis.vocabulary}
    cloze = [question for question in material.quiz if question.kind == "cloze"]
    assert len(cloze) >= 5
    for question in cloze:
        assert len(question.options) == 4
        assert question.prompt.count(BLANK) == 1
        assert {option.casefold() for option in question.options} <= lemmas


def test_true_statements_are_document_sentences_and_false_ones_are_not(analysis: Analysis, material: Material) -> None:
    sentences = set(analysis.sentences)
    statements = [question for question in material.quiz if question.kind == "true_false"]
    assert {question.answer for question in statements} == {TRUE, FALSE}
    for question in statements:
        assert question.options == [TRUE, FALSE]
        assert (question.prompt in sentences) == (question.answer == TRUE)


def test_the_same_seed_gives_the_same_material_and_seeds_vary_it(analysis: Analysis) -> None:
    assert generate(analysis, seed=3) == generate(analysis, seed=3)
    quizzes = {tuple(tuple(question.options) for question in generate(analysis, seed=seed).quiz) for seed in range(6)}
    assert len(quizzes) > 1


def _item(lemma: str, surface: str, band: int, sentence: str) -> VocabularyItem:
    return VocabularyItem(lemma=lemma, surface=surface, count=1, band=band, score=1.0, sentence=sentence, status="new")


def test_distractors_share_the_answers_word_class_and_band_where_the_document_has_them() -> None:
    sentences = [
        "Queremos comprar pan.",
        "Vamos a vender la casa.",
        "Hay que cocinar la cena.",
        "Prefiero caminar al trabajo.",
        "La mesa es grande.",
        "El perro duerme.",
        "Tengo un libro nuevo.",
        "Necesito una silla.",
    ]
    words = [
        ("comprar", "comprar", 2),
        ("vender", "vender", 2),
        ("cocinar", "cocinar", 3),
        ("caminar", "caminar", 3),
        ("mesa", "mesa", 2),
        ("perro", "perro", 2),
        ("libro", "libro", 2),
        ("silla", "silla", 3),
    ]
    vocabulary = [
        _item(lemma, surface, band, sentence) for (lemma, surface, band), sentence in zip(words, sentences, strict=True)
    ]
    analysis = Analysis("es", 30, 8, "A2", ["comprar"], sentences[:3], vocabulary, sentences)
    for seed in range(5):
        quiz = generate(analysis, seed=seed).quiz
        buying = next(q for q in quiz if q.kind == "cloze" and q.answer == "comprar")
        assert set(buying.options) == {"comprar", "vender", "cocinar", "caminar"}  # verbs, not nouns
        table = next(q for q in quiz if q.kind == "cloze" and q.answer == "mesa")
        assert "perro" in table.options and "libro" in table.options  # the same band first


def test_a_document_with_too_few_words_gets_no_cloze_question_rather_than_a_bad_one(analysis: Analysis) -> None:
    small = replace(analysis, vocabulary=analysis.vocabulary[:3])
    material = generate(small)
    assert [question for question in material.quiz if question.kind == "cloze"] == []
    assert len(material.flashcards) == 3


# --- key concepts --------------------------------------------------------------------------


def test_key_concepts_expand_the_topics(analysis: Analysis, material: Material) -> None:
    concepts = material.key_concepts
    topics = analysis.topics
    assert 1 <= len(concepts) <= len(topics)
    text = " ".join(analysis.sentences)
    for concept in concepts:
        assert concept in text or concept in topics


def test_a_recurring_phrase_becomes_the_key_concept_of_its_topic() -> None:
    text = (
        "We met at the train station at noon. The train station was crowded with travellers. "
        "A porter carried our cases to the platform. The station clock showed that the train was late. "
        "We bought coffee near the train station and waited. The journey north took four hours."
    )
    analysis = analyse(text, language="en")
    assert "station" in analysis.topics
    assert "train station" in generate(analysis).key_concepts
