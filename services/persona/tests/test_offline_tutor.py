"""The offline tutor: in role from the scenario's lines, reacting to the turn, in each persona's voice."""

from __future__ import annotations

import pytest

from parla.persona.library import load_library
from parla.persona.tutor import Mistake, OfflineProvider, TurnContext

LIBRARY = load_library()
LINES = ["Hotel Sol, buenas tardes.", "¿A nombre de quién?", "¿Me deja su pasaporte?"]


def turn(**changes) -> TurnContext:
    fields = {
        "run_id": "r1",
        "language": "es",
        "learner_text": "Hola",
        "tutor_lines": LINES,
        "next_phase_opening": "Su habitación es la 12.",
    }
    return TurnContext(**(fields | changes))


async def reply(persona_type: str, **changes):
    return await OfflineProvider().reply(LIBRARY.personas[persona_type], "prompt", turn(**changes))


async def test_the_tutor_moves_through_the_phase_lines_and_holds_on_the_last():
    said = [(await reply("expert_scholar", learner_turns_in_phase=n)).tutor_line for n in range(1, 5)]
    assert said == [LINES[1], LINES[2], LINES[2], LINES[2]]


async def test_a_completed_phase_opens_the_next_one():
    answer = await reply("encouraging_coach", phase_completed=True, learner_turns_in_phase=2)
    assert answer.tutor_line == "Su habitación es la 12." and "Phase complete." in answer.feedback


async def test_feedback_names_what_was_used_what_was_wrong_and_what_is_next():
    answer = await reply(
        "friendly_conversational",
        new_vocabulary=["la reserva"],
        missing=["Ask a question."],
        mistakes=[Mistake("el reserva", "la reserva", "“reserva” takes “la”")],
        learner_turns_in_phase=1,
    )
    text = " ".join(answer.feedback)
    assert "la reserva" in text and "el reserva" in text and "Ask a question." in text
    assert answer.mistakes and answer.provider == "offline"
    assert "{" not in text


@pytest.mark.parametrize("field", ["praise", "nudge", "correction"])
async def test_each_persona_reads_differently(field):
    changes = {
        "praise": {"new_vocabulary": ["la reserva"]},
        "nudge": {"missing": ["Ask a question."]},
        "correction": {"mistakes": [Mistake("el reserva", "la reserva", "gender")]},
    }[field]
    voices = {(await reply(persona_type, **changes)).feedback[0] for persona_type in LIBRARY.personas}
    assert len(voices) == len(LIBRARY.personas)


async def test_the_challenger_nudges_with_a_question():
    for turns in range(4):
        answer = await reply("guiding_challenger", missing=["Say which day you arrive."], learner_turns_in_phase=turns)
        assert any("?" in line for line in answer.feedback)


async def test_the_same_turn_always_gets_the_same_reply():
    first = await reply("creative_mentor", new_vocabulary=["el pasaporte"], learner_turns_in_phase=2)
    again = await reply("creative_mentor", new_vocabulary=["el pasaporte"], learner_turns_in_phase=2)
    assert first == again
