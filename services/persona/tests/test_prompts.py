"""Prompt assembly for every persona in every language, against golden files.

Regenerate after an intended change:  PARLA_UPDATE_GOLDEN=1 uv run pytest services/persona/tests/test_prompts.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parla.persona.domain import LANGUAGE_NAMES, LANGUAGES, PhaseContext, PromptRequest, build_prompt
from parla.persona.library import load_library

LIBRARY = load_library()
GOLDEN = Path(__file__).parent / "golden"
PHASE = PhaseContext(
    scenario_title="Hotel check-in",
    learner_role="guest",
    tutor_role="receptionist",
    setting="A small hotel; the guest arrives with a booking.",
    phase_name="Registration",
    objective="Give your name and show your passport.",
    vocabulary=["la reserva", "el pasaporte"],
    phrases=["Tengo una reserva a nombre de Ana García."],
)
CASES = [(persona, language) for persona in sorted(LIBRARY.personas) for language in LANGUAGES]


@pytest.mark.parametrize(("persona_type", "language"), CASES)
def test_the_prompt_matches_its_golden_file(persona_type, language):
    persona = LIBRARY.personas[persona_type]
    request = PromptRequest(persona=persona, language=language, learner_level="intermediate", subject="travel", phase=PHASE)
    prompt = build_prompt(LIBRARY, request)
    golden = GOLDEN / f"{persona_type}-{language}.txt"
    if os.environ.get("PARLA_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(prompt, encoding="utf-8")
    assert prompt == golden.read_text(encoding="utf-8")
    # What the golden file must hold, whatever its wording: the persona, the language and the
    # level filled in, nothing left unreplaced, and the layers in precedence order.
    assert persona.name in prompt and LANGUAGE_NAMES[language] in prompt and "intermediate" in prompt
    assert "{" not in prompt.replace("{}", "")
    order = [prompt.index("# Global guidelines"), prompt.index("# Persona:"), prompt.index("# Runtime context")]
    assert order == sorted(order)
    assert LIBRARY.cultural[language].notes in prompt


def test_an_unknown_placeholder_is_refused():
    persona = next(iter(LIBRARY.personas.values()))
    broken = persona.model_copy(
        update={"sections": persona.sections.model_copy(update={"role": "You teach {language} to {nobody} and more words."})}
    )
    with pytest.raises(ValueError, match="nobody"):
        build_prompt(LIBRARY, PromptRequest(persona=broken, language="es", learner_level="beginner", subject=""))
