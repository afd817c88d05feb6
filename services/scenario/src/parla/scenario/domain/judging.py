"""Judging a learner's turn against a phase's success criteria, and scoring a run. No I/O."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from parla.scenario.domain.scenario import (
    AsksQuestion,
    Criterion,
    Mentions,
    PhaseLocalization,
    PhaseSpec,
    PhraseSpec,
    ScenarioSpec,
    UsesPhrase,
    UsesVocabulary,
    VocabularyItem,
)
from parla.scenario.domain.text import (
    UNSPACED,
    contains_sequence,
    fold,
    is_question,
    lemma_sequence,
    phrase_similarity,
    plural_forms,
    words,
)

MAX_TURN_CHARS = 2000
# A phrase counts as produced when the learner's words match it at least this well (0-100),
# after case, accents and punctuation are set aside: small typos pass, other sentences do not.
PHRASE_MATCH_THRESHOLD = 85


def uses_item(item: VocabularyItem, text_lemmas: list[str], text_words: list[str], language: str) -> bool:
    """True when the learner used the item in any inflected form (lemma-aware, not substring)."""
    target = lemma_sequence(item.lemma, language)
    plain = [fold(word) for word in words(item.lemma, language)]
    if contains_sequence(text_lemmas, target) or contains_sequence(text_words, plain):
        return True
    if language in UNSPACED:
        # Word segmentation of a short lemma alone and inside a sentence can differ; in writing
        # without spaces, the lemma appearing in the text is the learner using it.
        return fold(item.lemma).replace(" ", "") in "".join(text_words)
    if len(plain) != 1:
        return False
    return not plural_forms(plain[0], language).isdisjoint(text_words)


@dataclass
class PhaseProgress:
    phase_id: str
    vocabulary_used: list[str] = field(default_factory=list)  # lemmas
    phrases_used: list[str] = field(default_factory=list)  # phrase ids
    concepts_mentioned: list[str] = field(default_factory=list)
    asked_question: bool = False
    completed: bool = False
    learner_turns: int = 0

    def to_json(self) -> dict:
        return copy.deepcopy(self.__dict__)

    @classmethod
    def from_json(cls, data: dict) -> PhaseProgress:
        # A deep copy: judging mutates progress, and must never mutate the loaded row's value
        # (the ORM would then see no change and silently not save it).
        return cls(**copy.deepcopy(data))


@dataclass(frozen=True)
class TurnJudgement:
    new_vocabulary: list[VocabularyItem]
    new_phrases: list[PhraseSpec]
    criteria_met: list[Criterion]
    criteria_missing: list[Criterion]
    phase_completed: bool


def criterion_met(criterion: Criterion, progress: PhaseProgress) -> bool:
    match criterion:
        case UsesVocabulary(min=n):
            return len(progress.vocabulary_used) >= n
        case UsesPhrase(phrase_id=pid):
            return pid in progress.phrases_used
        case Mentions(concept=concept):
            return concept in progress.concepts_mentioned
        case AsksQuestion():
            return progress.asked_question
    raise AssertionError(criterion)


def criterion_id(criterion: Criterion) -> str:
    match criterion:
        case UsesVocabulary(min=n):
            return f"uses_vocabulary:{n}"
        case UsesPhrase(phrase_id=pid):
            return f"uses_phrase:{pid}"
        case Mentions(concept=concept):
            return f"mentions:{concept}"
        case AsksQuestion():
            return "asks_question"
    raise AssertionError(criterion)


def judge_turn(phase: PhaseSpec, local: PhaseLocalization, language: str, progress: PhaseProgress, text: str) -> TurnJudgement:
    """Update ``progress`` with what ``text`` achieved in ``phase`` and report it."""
    text_lemmas = lemma_sequence(text, language)
    text_words = [fold(word) for word in words(text, language)]
    new_vocabulary = [
        item
        for item in local.vocabulary
        if item.lemma not in progress.vocabulary_used and uses_item(item, text_lemmas, text_words, language)
    ]
    new_phrases = [
        phrase
        for phrase in local.phrases
        if phrase.id not in progress.phrases_used and phrase_similarity(phrase.text, text, language) >= PHRASE_MATCH_THRESHOLD
    ]
    progress.vocabulary_used += [item.lemma for item in new_vocabulary]
    progress.phrases_used += [phrase.id for phrase in new_phrases]
    folded_words = set(text_words) | set(text_lemmas)
    unspaced_text = "".join(text_words)
    for concept, markers in local.concepts.items():
        if concept in progress.concepts_mentioned:
            continue
        if language in UNSPACED:
            mentioned = any(fold(marker).replace(" ", "") in unspaced_text for marker in markers)
        else:
            mentioned = any(fold(marker) in folded_words for marker in markers)
        if mentioned:
            progress.concepts_mentioned.append(concept)
    progress.asked_question = progress.asked_question or is_question(text)
    progress.learner_turns += 1
    met = [c for c in phase.success_criteria if criterion_met(c, progress)]
    missing = [c for c in phase.success_criteria if not criterion_met(c, progress)]
    newly_completed = not missing and not progress.completed
    progress.completed = progress.completed or not missing
    return TurnJudgement(new_vocabulary, new_phrases, met, missing, newly_completed)


def phase_score(phase: PhaseSpec, local: PhaseLocalization, progress: PhaseProgress) -> float:
    """0-100: criteria met weigh most; using more of the phase's vocabulary adds the rest."""
    criteria = sum(criterion_met(c, progress) for c in phase.success_criteria) / len(phase.success_criteria)
    vocabulary = len(progress.vocabulary_used) / len(local.vocabulary)
    return round(100 * (0.7 * criteria + 0.3 * min(vocabulary, 1.0)), 1)


def run_score(spec: ScenarioSpec, language: str, progress: list[PhaseProgress]) -> float:
    local = spec.localizations[language]
    scores = [phase_score(phase, local.phases[phase.id], p) for phase, p in zip(spec.phases, progress, strict=True)]
    return round(sum(scores) / len(scores), 1)


def vocabulary_outcome(
    spec: ScenarioSpec, language: str, progress: list[PhaseProgress]
) -> tuple[list[VocabularyItem], list[VocabularyItem]]:
    """(used, missed) across the whole run, each lemma once: used in any phase counts as used."""
    local = spec.localizations[language]
    used: dict[str, VocabularyItem] = {}
    missed: dict[str, VocabularyItem] = {}
    for phase, p in zip(spec.phases, progress, strict=True):
        for item in local.phases[phase.id].vocabulary:
            if item.lemma in p.vocabulary_used:
                used.setdefault(item.lemma, item)
            else:
                missed.setdefault(item.lemma, item)
    return list(used.values()), [item for lemma, item in missed.items() if lemma not in used]
