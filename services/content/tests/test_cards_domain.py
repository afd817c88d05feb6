"""cards_from_completion: what a finished scenario run adds to the learner's review deck (no I/O)."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, datetime, timedelta

import fsrs
import pytest

from parla.content.domain import SOURCE_SCENARIO_RUN, card_key, cards_from_completion, new_fsrs_card
from parla.contracts.events import Mistake, ScenarioCompleted, VocabularyOutcome
from parla.devstack.testing import scenario_completed

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


def _word(lemma: str, term: str | None = None, gloss: str | None = None) -> VocabularyOutcome:
    return VocabularyOutcome(term=term or f"la {lemma}", lemma=lemma, gloss=gloss or f"gloss of {lemma}")


def _event(used=(), missed=(), mistakes=(), **overrides) -> ScenarioCompleted:
    fields = {
        "scenario_id": "restaurant-dinner-reservation",
        "completed_at": NOW - timedelta(minutes=1),
        "vocabulary_used": list(used),
        "vocabulary_missed": list(missed),
        "mistakes": list(mistakes),
    }
    return scenario_completed(**(fields | overrides))


def test_one_card_per_missed_vocabulary_item_and_none_for_words_the_learner_used():
    event = _event(used=[_word("mesa"), _word("cenar", term="cenar")], missed=[_word("trona"), _word("terraza")])
    cards = cards_from_completion(event, NOW)
    assert [c.front for c in cards] == ["la trona", "la terraza"]
    assert [c.back for c in cards] == ["gloss of trona", "gloss of terraza"]
    assert [c.key for c in cards] == ["trona", "terraza"]


def test_run_without_vocabulary_or_mistakes_makes_no_cards():
    assert cards_from_completion(_event(), NOW) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("mesa", "Mesa"),
        ("mesa", "MESA"),
        ("mesa", " mesa "),
        (unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "Café")),
        (unicodedata.normalize("NFD", "teléfono"), unicodedata.normalize("NFC", "TELÉFONO")),
    ],
)
def test_duplicate_lemmas_collapse_ignoring_case_and_unicode_form(first, second):
    assert first != second  # really two spellings
    event = _event(missed=[_word(first, term="first"), _word(second, term="second")])
    cards = cards_from_completion(event, NOW)
    assert len(cards) == 1
    assert cards[0].front == "first"


def test_lemma_both_missed_and_used_keeps_the_missed_card():
    event = _event(used=[_word("Mesa", term="used term")], missed=[_word("mesa", term="missed term")])
    cards = cards_from_completion(event, NOW)
    assert [c.front for c in cards] == ["missed term"]


def test_different_lemmas_with_the_same_term_stay_separate():
    event = _event(missed=[_word("reserva", term="reserva"), _word("reservar", term="reserva")])
    assert [c.key for c in cards_from_completion(event, NOW)] == ["reserva", "reservar"]


def test_accents_are_not_folded_away_in_the_key():
    # "año" and "ano" are different words: only the Unicode form is set aside, not the accent itself.
    event = _event(missed=[_word("año"), _word("ano")])
    assert len(cards_from_completion(event, NOW)) == 2


def test_card_key_is_nfc_lower_and_stripped():
    assert card_key(unicodedata.normalize("NFD", "  Teléfono ")) == unicodedata.normalize("NFC", "teléfono")
    assert card_key("Mesa") != card_key("Mesas")


def test_mistakes_become_cards_with_the_correction_on_the_back():
    event = _event(
        missed=[_word("mesa")],
        mistakes=[
            Mistake(said="Quiero un mesa", correction="Quiero una mesa", explanation="mesa is feminine"),
            Mistake(said="Soy 30 años", correction="Tengo 30 años"),
        ],
    )
    cards = cards_from_completion(event, NOW)
    assert [c.front for c in cards] == ["la mesa", "Quiero un mesa", "Soy 30 años"]
    assert cards[1].back == "Quiero una mesa \u2014 mesa is feminine"
    assert cards[2].back == "Tengo 30 años"  # no dangling dash without an explanation
    assert cards[1].key == "mistake:quiero una mesa"


def test_the_same_mistake_twice_makes_one_card():
    event = _event(
        mistakes=[
            Mistake(said="un mesa", correction="una mesa"),
            Mistake(said="un mesa", correction="Una mesa"),
        ]
    )
    assert len(cards_from_completion(event, NOW)) == 1


def test_mistake_whose_correction_is_a_lemma_does_not_collapse_with_the_vocabulary_card():
    event = _event(missed=[_word("mesa")], mistakes=[Mistake(said="mesas", correction="mesa")])
    cards = cards_from_completion(event, NOW)
    assert [c.key for c in cards] == ["mesa", "mistake:mesa"]


def test_cards_carry_the_run_as_source_and_the_learner_and_language():
    event = _event(missed=[_word("mesa"), _word("trona")], mistakes=[Mistake(said="a", correction="b")], language="fr")
    cards = cards_from_completion(event, NOW)
    assert len(cards) == 3
    for card in cards:
        assert card.source_kind == SOURCE_SCENARIO_RUN == "scenario_run"
        assert card.source_id == str(event.run_id)
        assert card.user_id == event.user_id
        assert card.language == "fr"
    assert len({c.id for c in cards}) == 3


def test_every_card_is_a_new_fsrs_card_due_now():
    event = _event(missed=[_word("mesa"), _word("trona")], mistakes=[Mistake(said="a", correction="b")])
    for card in cards_from_completion(event, NOW):
        assert isinstance(card.schedule, fsrs.Card)
        assert card.schedule.due == NOW
        assert card.schedule.state == fsrs.State.Learning
        assert card.schedule.last_review is None
        assert card.schedule.card_id == new_fsrs_card(card.id, NOW + timedelta(days=3)).card_id


def test_fsrs_card_id_is_derived_from_the_uuid_not_the_clock():
    card_id = uuid.UUID("8f9c2a4e-1b3d-4c5e-9f7a-0123456789ab")
    first = new_fsrs_card(card_id, NOW)
    later = new_fsrs_card(card_id, NOW + timedelta(days=400))
    assert first.card_id == later.card_id
    assert first.due == NOW and later.due == NOW + timedelta(days=400)
    # a copy of the same UUID (not the same object) gives the same integer
    assert new_fsrs_card(uuid.UUID(str(card_id)), NOW).card_id == first.card_id


def test_fsrs_card_id_fits_a_signed_64_bit_column_and_differs_between_uuids():
    ids = [new_fsrs_card(uuid.uuid4(), NOW).card_id for _ in range(500)]
    assert all(isinstance(i, int) and 0 <= i < 2**63 for i in ids)
    assert len(set(ids)) == len(ids)
    assert new_fsrs_card(uuid.UUID(int=2**128 - 1), NOW).card_id < 2**63
