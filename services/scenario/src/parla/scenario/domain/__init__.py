"""The scenario service's rules, one module per subject; none of them does I/O.

- ``scenario``: the scenario model and who may open a scenario in which language
- ``text``: folding, lemmas and word segmentation, fuzzy phrase matching
- ``judging``: a turn against a phase's success criteria, and a run's score
- ``mistakes``: mistakes found offline in the use of key words
- ``authoring``: difficulty estimate, readable ids, what other services are told

The names below are re-exported for callers that want the whole vocabulary at once; modules of
this service import from the specific module.
"""

from parla.scenario.domain.authoring import Assessment, assess_difficulty, keyword_text, scenario_changed, slug_for
from parla.scenario.domain.judging import (
    MAX_TURN_CHARS,
    PHRASE_MATCH_THRESHOLD,
    PhaseProgress,
    TurnJudgement,
    criterion_id,
    criterion_met,
    judge_turn,
    phase_score,
    run_score,
    uses_item,
    vocabulary_outcome,
)
from parla.scenario.domain.mistakes import ARTICLES, Mistake, find_mistakes
from parla.scenario.domain.scenario import (
    CATEGORIES,
    DEFAULT_LANGUAGE,
    DIFFICULTIES,
    LANGUAGES,
    AsksQuestion,
    Criterion,
    Localization,
    Mentions,
    PhaseLocalization,
    PhaseSpec,
    PhraseSpec,
    ScenarioSpec,
    UsesPhrase,
    UsesVocabulary,
    VocabularyItem,
    can_open,
    default_language,
    describe,
    viewer_of,
)
from parla.scenario.domain.text import UNSPACED, fold, is_question, lemma_sequence, phrase_similarity, words

__all__ = [
    "ARTICLES",
    "CATEGORIES",
    "DEFAULT_LANGUAGE",
    "DIFFICULTIES",
    "LANGUAGES",
    "MAX_TURN_CHARS",
    "PHRASE_MATCH_THRESHOLD",
    "UNSPACED",
    "AsksQuestion",
    "Assessment",
    "Criterion",
    "Localization",
    "Mentions",
    "Mistake",
    "PhaseLocalization",
    "PhaseProgress",
    "PhaseSpec",
    "PhraseSpec",
    "ScenarioSpec",
    "TurnJudgement",
    "UsesPhrase",
    "UsesVocabulary",
    "VocabularyItem",
    "assess_difficulty",
    "can_open",
    "criterion_id",
    "criterion_met",
    "default_language",
    "describe",
    "find_mistakes",
    "fold",
    "is_question",
    "judge_turn",
    "keyword_text",
    "lemma_sequence",
    "phase_score",
    "phrase_similarity",
    "run_score",
    "scenario_changed",
    "slug_for",
    "uses_item",
    "viewer_of",
    "vocabulary_outcome",
    "words",
]
