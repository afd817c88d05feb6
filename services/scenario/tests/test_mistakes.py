"""Mistakes found offline in a learner's use of the scenario's key words."""

from __future__ import annotations

import pytest

from parla.scenario.domain.mistakes import find_mistakes
from parla.scenario.domain.scenario import VocabularyItem


def vocab(*terms: str) -> list[VocabularyItem]:
    return [VocabularyItem(term=term, lemma=term.split()[-1], gloss="g") for term in terms]


@pytest.mark.parametrize(
    ("language", "terms", "text", "said", "correction"),
    [
        ("es", ["la habitación"], "Quiero una habitacion doble.", "habitacion", "habitación"),
        ("es", ["la reserva"], "Tengo una reserba.", "reserba", "reserva"),
        ("es", ["la reserva"], "Hice el reserva ayer.", "el reserva", "la reserva"),
        ("fr", ["la réservation"], "J'ai une reservation.", "reservation", "réservation"),
        ("fr", ["la chambre"], "Je voudrais le chambre.", "le chambre", "la chambre"),
        ("it", ["la prenotazione"], "Ho il prenotazione.", "il prenotazione", "la prenotazione"),
        ("pt", ["a mesa"], "Quero o mesa perto da janela.", "o mesa", "a mesa"),
        ("de", ["der Schlüssel"], "Wo ist die Schlüssel?", "die schlüssel", "der Schlüssel"),
        ("de", ["der Schlüssel"], "Wo ist der Schlussel?", "schlussel", "schlüssel"),
    ],
)
def test_a_mistake_is_found_with_its_correction(language, terms, text, said, correction):
    [mistake] = find_mistakes(vocab(*terms), language, text)
    assert (mistake.said, mistake.correction) == (said, correction)
    assert mistake.explanation


@pytest.mark.parametrize(
    ("language", "terms", "text"),
    [
        ("es", ["la mesa"], "Dos mesas para el mes que viene."),  # a plural, and a real word one letter away
        ("es", ["la reserva"], "Tengo una reserva y las reservas."),
        ("fr", ["la chambre"], "Une chambre, les chambres."),
        ("de", ["der Schlüssel"], "Ich habe den Schlüssel."),  # accusative: not a mistake
        ("zh", ["桌子"], "我想要一张桌了。"),  # no offline checks for unspaced scripts
        ("en", ["the reservation"], "I have a reservation."),
    ],
)
def test_correct_or_unjudgeable_text_has_no_mistakes(language, terms, text):
    assert find_mistakes(vocab(*terms), language, text) == []


def test_each_mistake_is_reported_once_per_turn():
    mistakes = find_mistakes(vocab("la habitación"), "es", "Una habitacion, otra habitacion.")
    assert [m.said for m in mistakes] == ["habitacion"]
