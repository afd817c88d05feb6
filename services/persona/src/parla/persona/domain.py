"""Tutor personas, the guidelines above them, and the prompt they make. No I/O here.

A prompt is assembled in precedence order, highest first: global guidelines, then the persona,
then runtime context (the target language's cultural guidelines and the scenario phase). Each
part says that it yields to the ones before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "zh", "ja")
LEVELS = ("beginner", "intermediate", "advanced")
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "zh": "Chinese (Mandarin)",
    "ja": "Japanese",
}
SECTIONS = (
    "role",
    "dynamic_context",
    "core_teaching_principles",
    "examples_and_analogies",
    "direct_answer_requests",
    "common_misconceptions",
    "interaction_style",
    "output_format",
    "failure_modes_and_guardrails",
    "success_metrics",
)
DYNAMIC_FIELDS = ("subject", "learner_level", "language")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
Paragraph = Annotated[str, Field(min_length=20, max_length=4000)]
Line = Annotated[str, Field(min_length=1, max_length=500)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Sections(_Model):
    role: Paragraph
    dynamic_context: Paragraph
    core_teaching_principles: Paragraph
    examples_and_analogies: Paragraph
    direct_answer_requests: Paragraph
    common_misconceptions: Paragraph
    interaction_style: Paragraph
    output_format: Paragraph
    failure_modes_and_guardrails: Paragraph
    success_metrics: Paragraph

    @field_validator("*")
    @classmethod
    def _only_dynamic_fields(cls, text: str) -> str:
        unknown = set(PLACEHOLDER.findall(text)) - set(DYNAMIC_FIELDS)
        if unknown:
            raise ValueError(f"unknown placeholders {sorted(unknown)}; use only {{subject}}, {{learner_level}}, {{language}}")
        return text


class OfflineStyle(_Model):
    praise: list[Line] = Field(min_length=3, max_length=5)
    nudge: list[Line] = Field(min_length=3, max_length=5)
    correction: list[Line] = Field(min_length=3, max_length=5)


class Persona(_Model):
    type: Annotated[str, Field(pattern=r"^[a-z_]+$", max_length=40)]
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    name: Line
    description: Line
    traits: list[Line] = Field(min_length=3, max_length=5)
    best_for: list[Line] = Field(min_length=2, max_length=4)
    default: bool = False
    sections: Sections
    offline_style: OfflineStyle


class GlobalGuidelines(_Model):
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    precedence: list[Literal["global", "persona", "runtime"]]
    guidelines: list[Line] = Field(min_length=5, max_length=20)
    clarification_policy: Paragraph


class CulturalGuidelines(_Model):
    language: Literal[LANGUAGES]  # type: ignore[valid-type]
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    notes: Paragraph
    analogies_that_travel: list[Line] = Field(min_length=3, max_length=8)
    avoid: list[Line] = Field(min_length=3, max_length=8)


@dataclass(frozen=True)
class Library:
    """Everything the prompts are made of, as shipped."""

    personas: dict[str, Persona]
    global_guidelines: GlobalGuidelines
    cultural: dict[str, CulturalGuidelines]

    @property
    def default(self) -> Persona:
        return next(p for p in self.personas.values() if p.default)

    def check(self) -> None:
        defaults = [p.type for p in self.personas.values() if p.default]
        if len(defaults) != 1:
            raise ValueError(f"exactly one persona must be the default, not {defaults}")
        missing = set(LANGUAGES) - set(self.cultural)
        if missing:
            raise ValueError(f"cultural guidelines missing for {sorted(missing)}")
        if self.global_guidelines.precedence != ["global", "persona", "runtime"]:
            raise ValueError("precedence must be global > persona > runtime")


@dataclass(frozen=True)
class PhaseContext:
    """What the tutor needs to know of the scenario at this point of the run (runtime context)."""

    scenario_title: str
    learner_role: str
    tutor_role: str
    setting: str
    phase_name: str
    objective: str
    vocabulary: list[str]
    phrases: list[str]


@dataclass(frozen=True)
class PromptRequest:
    persona: Persona
    language: str
    learner_level: str
    subject: str
    phase: PhaseContext | None = None


def fill(text: str, values: dict[str, str]) -> str:
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def build_prompt(library: Library, request: PromptRequest) -> str:
    """The system prompt for one tutor reply, highest precedence first."""
    values = {
        "subject": request.subject or "everyday conversation",
        "learner_level": request.learner_level,
        "language": LANGUAGE_NAMES.get(request.language, request.language),
    }
    guidelines = library.global_guidelines
    cultural = library.cultural[request.language]
    persona = request.persona
    parts = [
        "# Global guidelines (highest precedence: they override everything below)",
        *(f"- {rule}" for rule in guidelines.guidelines),
        "",
        "## Clarification policy",
        guidelines.clarification_policy,
        "",
        f"# Persona: {persona.name} (v{persona.version}; overrides the runtime context below, never the global guidelines)",
    ]
    for section in SECTIONS:
        title = section.replace("_", " ").capitalize()
        parts += [f"## {title}", fill(getattr(persona.sections, section), values), ""]
    parts += [
        f"# Runtime context (lowest precedence): {values['language']}, learner level {values['learner_level']}",
        "## Cultural guidelines",
        cultural.notes,
        "Analogies that travel: " + "; ".join(cultural.analogies_that_travel),
        "Avoid: " + "; ".join(cultural.avoid),
    ]
    if request.phase is not None:
        phase = request.phase
        parts += [
            "",
            "## Scenario",
            f"Scenario: {phase.scenario_title}. Setting: {phase.setting}",
            f"You play: {phase.tutor_role}. The learner plays: {phase.learner_role}.",
            f"Current phase: {phase.phase_name}. Objective: {phase.objective}",
            "Key vocabulary: " + ", ".join(phase.vocabulary),
            "Essential phrases: " + " | ".join(phase.phrases),
        ]
    prompt = "\n".join(parts).strip() + "\n"
    leftover = PLACEHOLDER.findall(prompt)
    if leftover:
        raise ValueError(f"unreplaced placeholders in the prompt: {sorted(set(leftover))}")
    return prompt
