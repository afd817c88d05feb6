"""Rules for learner-authored scenarios: a difficulty estimate, readable ids, and what other
services are told when a scenario changes. No I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from parla.scenario.domain.scenario import ScenarioSpec
from parla.scenario.domain.text import fold


@dataclass(frozen=True)
class Assessment:
    level: str
    reasons: list[str]


def assess_difficulty(spec: ScenarioSpec) -> Assessment:
    """A rule-based difficulty from the scenario's shape: phases, vocabulary per localization,
    prerequisites and phrase length. Points add up; the thresholds match the shipped library."""
    local = next(iter(spec.localizations.values()))
    vocabulary = sum(len(p.vocabulary) for p in local.phases.values())
    phrases = [phrase.text for p in local.phases.values() for phrase in p.phrases]
    mean_words = sum(len(text.split()) for text in phrases) / max(1, len(phrases))
    points, reasons = 0, []
    for condition, reason in (
        (len(spec.phases) >= 5, f"{len(spec.phases)} phases"),
        (vocabulary >= 16, f"{vocabulary} key words"),
        (len(spec.prerequisites) >= 4, f"{len(spec.prerequisites)} prerequisites"),
        (mean_words >= 9, f"phrases of {mean_words:.1f} words on average"),
        (mean_words >= 12, "long, complex phrases"),
    ):
        if condition:
            points += 1
            reasons.append(reason)
    level = "beginner" if points == 0 else "intermediate" if points <= 2 else "advanced"
    return Assessment(level, reasons or ["short phrases and a small vocabulary"])


def keyword_text(spec: ScenarioSpec) -> str:
    """The scenario's own words, from which other services make keyword tags."""
    parts = [spec.setting, *(phase.objective for phase in spec.phases)]
    for local in spec.localizations.values():
        parts += [local.title, local.description]
        parts += [item.term for phase in local.phases.values() for item in phase.vocabulary]
    return "\n".join(parts)[:100_000]


def keyword_texts(spec: ScenarioSpec) -> dict[str, str]:
    """Each localization's own words (title, description, phase names, vocabulary, phrases,
    cultural notes), for keyword tags in that language."""
    texts = {}
    for language, local in spec.localizations.items():
        parts = [local.title, local.description, local.cultural_context]
        for phase in local.phases.values():
            parts += [
                phase.name,
                *(item.term for item in phase.vocabulary),
                *(p.text for p in phase.phrases),
                *phase.cultural_notes,
            ]
        texts[language] = "\n".join(part for part in parts if part)[:20_000]
    return texts


def slug_for(title: str, suffix: str) -> str:
    """A readable id from a title: "Mi cena en Roma" -> "mi-cena-en-roma-3f9a"."""
    base = "-".join(fold(title).split())[:60].strip("-") or "scenario"
    base = re.sub(r"[^a-z0-9-]", "", base) or "scenario"
    return f"{base}-{suffix}"


def scenario_changed(row: Any, spec: ScenarioSpec) -> dict[str, Any]:
    """The fields of ``scenario.published/updated/deleted``: what other services keep of it."""
    return {
        "scenario_id": spec.id,
        "owner_id": row.owner_id,
        "visibility": row.visibility,
        "category": spec.category,
        "difficulty": spec.difficulty,
        "languages": spec.languages,
        "titles": {language: local.title for language, local in spec.localizations.items()},
        "estimated_minutes": spec.estimated_minutes,
        "text": keyword_text(spec),
        "texts": keyword_texts(spec),
    }
