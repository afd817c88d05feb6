"""The shipped scenario library: every localization meets the quality bar and can be played.

Run one language while writing it:  uv run pytest services/scenario/tests/test_catalogue.py -k "-fr"
"""

from __future__ import annotations

import pytest

from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.domain.judging import PhaseProgress, judge_turn
from parla.scenario.domain.scenario import AsksQuestion, Mentions, ScenarioSpec, UsesPhrase, UsesVocabulary

SPECS = load_system_scenarios()
CASES = [pytest.param(spec, language, id=f"{spec.id}-{language}") for spec in SPECS for language in spec.languages]


def _problems_with_quality(spec: ScenarioSpec, language: str) -> list[str]:
    local = spec.localizations[language]
    problems = []
    vocabulary = [item for phase in local.phases.values() for item in phase.vocabulary]
    phrases = [phrase for phase in local.phases.values() for phrase in phase.phrases]
    if not 3 <= len(spec.phases) <= 4:
        problems.append(f"{len(spec.phases)} phases, not 3-4")
    if not 10 <= len(vocabulary) <= 15:
        problems.append(f"{len(vocabulary)} vocabulary items, not 10-15")
    if len({item.lemma for item in vocabulary}) != len(vocabulary):
        problems.append("a lemma appears twice")
    if not 8 <= len(phrases) <= 12:
        problems.append(f"{len(phrases)} phrases, not 8-12")
    if not 10 <= spec.estimated_minutes <= 20:
        problems.append(f"estimated {spec.estimated_minutes} min, not 10-20")
    if not spec.learning_outcomes or not local.cultural_context:
        problems.append("learning outcomes or cultural context missing")
    for phase in spec.phases:
        lp = local.phases[phase.id]
        if len(lp.vocabulary) < 2 or len(lp.phrases) < 2 or len(lp.tutor_lines) < 2:
            problems.append(f"{phase.id}: needs 2+ vocabulary items, phrases and tutor lines")
        if not lp.cultural_notes:
            problems.append(f"{phase.id}: no cultural note")
        if not any(isinstance(c, UsesPhrase | UsesVocabulary | Mentions) for c in phase.success_criteria):
            problems.append(f"{phase.id}: no criterion about what the phase is about (a question alone completes it)")
    return problems


@pytest.mark.parametrize(("spec", "language"), CASES)
def test_each_localization_meets_the_quality_bar(spec, language):
    assert _problems_with_quality(spec, language) == []


@pytest.mark.parametrize(("spec", "language"), CASES)
def test_saying_each_phases_phrases_completes_it(spec, language):
    local = spec.localizations[language]
    for phase in spec.phases:
        lp = local.phases[phase.id]
        progress = PhaseProgress(phase.id)
        judgement = None
        for phrase in lp.phrases:
            judgement = judge_turn(phase, lp, language, progress, phrase.text)
        missing = [c.model_dump() for c in judgement.criteria_missing] if judgement else []
        assert progress.completed, f"{phase.id}: the phrases leave these criteria unmet: {missing}"


@pytest.mark.parametrize(("spec", "language"), CASES)
def test_another_scenarios_words_complete_no_phase(spec, language):
    # Words from a scenario of another category: a pharmacy and a doctor's visit rightly share
    # the words for symptoms, a hotel and a restaurant do not share a task.
    others = [s for s in SPECS if s.category != spec.category and language in s.localizations]
    if not others:
        pytest.skip(f"no scenario of another category in {language} to borrow off-topic words from")
    other = others[0].localizations[language]
    off_topic = [phrase.text for phase in other.phases.values() for phrase in phase.phrases]
    local = spec.localizations[language]
    for phase in spec.phases:
        progress = PhaseProgress(phase.id)
        for text in off_topic:
            judge_turn(phase, local.phases[phase.id], language, progress, text)
        assert not progress.completed, f"{phase.id} completed by phrases of {others[0].id}"


@pytest.mark.parametrize(("spec", "language"), CASES)
def test_every_concept_and_question_criterion_is_reachable_from_the_phrases(spec, language):
    local = spec.localizations[language]
    for phase in spec.phases:
        lp = local.phases[phase.id]
        for criterion in phase.success_criteria:
            if isinstance(criterion, Mentions):
                assert lp.concepts[criterion.concept], f"{phase.id}: concept {criterion.concept} has no words"
            if isinstance(criterion, AsksQuestion):
                assert any("?" in p.text or "？" in p.text for p in lp.phrases), f"{phase.id}: no phrase asks a question"
