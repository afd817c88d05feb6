"""Scenarios and runs: the shapes, the judging rules and the scoring. No I/O here."""

from __future__ import annotations

import copy
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated, Any, Literal

import simplemma
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

CATEGORIES = (
    "travel",
    "restaurant",
    "shopping",
    "business",
    "healthcare",
    "social",
    "emergency",
    "education",
    "daily_life",
    "hobbies",
)
DIFFICULTIES = ("beginner", "intermediate", "advanced")
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "zh", "ja")
MAX_TURN_CHARS = 2000
# A phrase counts as produced when the learner's words match it at least this well (0-100),
# after case, accents and punctuation are set aside: small typos pass, other sentences do not.
PHRASE_MATCH_THRESHOLD = 85


def _plain(text: str) -> str:
    if "<" in text or ">" in text:
        raise ValueError("must be plain text: remove the < and > characters (HTML is not allowed)")
    return text


Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
ShortText = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(_plain)]
LongText = Annotated[str, Field(max_length=2000), AfterValidator(_plain)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class UsesVocabulary(_Model):
    kind: Literal["uses_vocabulary"]
    min: int = Field(ge=1, le=20)


class UsesPhrase(_Model):
    kind: Literal["uses_phrase"]
    phrase_id: Slug


class Mentions(_Model):
    kind: Literal["mentions"]
    concept: Slug


class AsksQuestion(_Model):
    kind: Literal["asks_question"]


Criterion = Annotated[UsesVocabulary | UsesPhrase | Mentions | AsksQuestion, Field(discriminator="kind")]


class PhaseSpec(_Model):
    id: Slug
    objective: ShortText
    success_criteria: list[Criterion] = Field(min_length=1, max_length=6)


class VocabularyItem(_Model):
    term: ShortText
    lemma: ShortText
    gloss: ShortText


class PhraseSpec(_Model):
    id: Slug
    text: ShortText
    gloss: ShortText


class PhaseLocalization(_Model):
    name: ShortText
    vocabulary: list[VocabularyItem] = Field(min_length=1, max_length=20)
    phrases: list[PhraseSpec] = Field(min_length=1, max_length=20)
    concepts: dict[Slug, Annotated[list[ShortText], Field(min_length=1, max_length=30)]] = Field(default={}, max_length=10)
    tutor_lines: list[ShortText] = Field(min_length=1, max_length=10)
    cultural_notes: list[ShortText] = Field(default=[], max_length=10)


class Localization(_Model):
    title: Annotated[str, Field(min_length=3, max_length=120), AfterValidator(_plain)]
    description: Annotated[LongText, Field(min_length=1)]
    cultural_context: LongText = ""
    phases: dict[Slug, PhaseLocalization]


class ScenarioSpec(_Model):
    """A language-independent situation plus one localization per target language."""

    id: Slug
    schema_version: Literal[1] = 1
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    difficulty: Literal[DIFFICULTIES]  # type: ignore[valid-type]
    estimated_minutes: int = Field(ge=5, le=60)
    learner_role: ShortText
    tutor_role: ShortText
    setting: Annotated[LongText, Field(min_length=1)]
    prerequisites: list[ShortText] = Field(default=[], max_length=10)
    learning_outcomes: list[ShortText] = Field(default=[], max_length=10)
    phases: list[PhaseSpec] = Field(min_length=1, max_length=6)
    localizations: dict[Literal[LANGUAGES], Localization] = Field(min_length=1)  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _localizations_cover_phases(self) -> ScenarioSpec:
        # Messages start with the path of the field at fault ("phases.0.success_criteria.1: ..."),
        # which the authoring API turns into one message per field.
        phase_ids = [p.id for p in self.phases]
        if len(set(phase_ids)) != len(phase_ids):
            raise ValueError("phases: phase ids must be unique")
        for language, loc in self.localizations.items():
            if set(loc.phases) != set(phase_ids):
                raise ValueError(f"localizations.{language}.phases: must localize exactly the phases {phase_ids}")
            for index, phase in enumerate(self.phases):
                local = loc.phases[phase.id]
                phrase_ids = {p.id for p in local.phrases}
                for number, criterion in enumerate(phase.success_criteria):
                    where = f"phases.{index}.success_criteria.{number}"
                    if isinstance(criterion, UsesPhrase) and criterion.phrase_id not in phrase_ids:
                        raise ValueError(
                            f"{where}.phrase_id: the {language} localization has no phrase {criterion.phrase_id!r} here"
                        )
                    if isinstance(criterion, Mentions) and criterion.concept not in local.concepts:
                        raise ValueError(
                            f"{where}.concept: the {language} localization has no words for concept {criterion.concept!r}"
                        )
                    if isinstance(criterion, UsesVocabulary) and criterion.min > len(local.vocabulary):
                        raise ValueError(
                            f"{where}.min: more than the {len(local.vocabulary)} key words the {language} localization has here"
                        )
        return self

    @property
    def languages(self) -> list[str]:
        return sorted(self.localizations)


def describe(criterion: Criterion, local: PhaseLocalization) -> str:
    """The criterion as a sentence a learner can act on."""
    match criterion:
        case UsesVocabulary(min=n):
            return f"Use at least {n} of this phase's key words."
        case UsesPhrase(phrase_id=pid):
            phrase = next(p for p in local.phrases if p.id == pid)
            return f"Say something like: \u201c{phrase.text}\u201d ({phrase.gloss})."
        case Mentions(concept=concept):
            return f"Mention the {concept.replace('-', ' ')}."
        case AsksQuestion():
            return "Ask a question."
    raise AssertionError(criterion)


# --- text normalisation and lemmas -------------------------------------------------------------

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case, without accents or punctuation: what a learner meant, not how it was typed."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    without_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(without_marks))


# Chinese and Japanese are written without spaces: they are cut into words by jieba and by
# MeCab (fugashi with UniDic), and MeCab also gives each word its dictionary form.
UNSPACED = ("zh", "ja")


@lru_cache(maxsize=1)
def _japanese_tagger():  # a fugashi.Tagger, loaded on first use only
    import fugashi

    return fugashi.Tagger()


def _chinese_words(text: str) -> list[str]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return [token for token in jieba.lcut(text) if _WORD.search(token)]


@lru_cache(maxsize=50_000)
def _lemma(word: str, language: str) -> str:
    try:
        return simplemma.lemmatize(word, lang=language).lower()
    except ValueError:  # a language simplemma does not know: the word is its own lemma
        return word


def words(text: str, language: str) -> list[str]:
    """The text's words as written (lower-cased, without punctuation), in order."""
    if language == "zh":
        return [token.lower() for token in _chinese_words(text)]
    if language == "ja":
        return [w.surface.lower() for w in _japanese_tagger()(text) if _WORD.search(w.surface)]
    return _WORD.findall(text.lower())


def lemma_sequence(text: str, language: str) -> list[str]:
    """The text's words as folded lemmas, in order."""
    if language == "ja":
        return [fold(w.feature.lemma or w.surface) for w in _japanese_tagger()(text) if _WORD.search(w.surface)]
    if language == "zh":  # Chinese does not inflect: a word is its own lemma
        return [fold(word) for word in words(text, language)]
    return [fold(_lemma(word, language)) for word in words(text, language)]


def _contains_sequence(haystack: list[str], needle: list[str]) -> bool:
    if not needle:
        return False
    width = len(needle)
    return any(haystack[i : i + width] == needle for i in range(len(haystack) - width + 1))


def _plural_forms(word: str, language: str) -> set[str]:
    """Regular plurals of a folded word: a fallback for forms the lemmatizer misreads
    ("tallas" taken for the verb "tallar") or does not know without accents ("telefonos")."""
    forms = {word, word + "s", word + "es"}
    if language == "it" and word[-1:] in "aeo":
        forms |= {word[:-1] + "i", word[:-1] + "e"}
    return forms


def uses_item(item: VocabularyItem, text_lemmas: list[str], text_words: list[str], language: str) -> bool:
    """True when the learner used the item in any inflected form (lemma-aware, not substring)."""
    target = lemma_sequence(item.lemma, language)
    plain = [fold(word) for word in words(item.lemma, language)]
    if _contains_sequence(text_lemmas, target) or _contains_sequence(text_words, plain):
        return True
    if language in UNSPACED:
        # Word segmentation of a short lemma alone and inside a sentence can differ; in writing
        # without spaces, the lemma appearing in the text is the learner using it.
        return fold(item.lemma).replace(" ", "") in "".join(text_words)
    if len(plain) != 1:
        return False
    return not _plural_forms(plain[0], language).isdisjoint(text_words)


def phrase_similarity(phrase: str, text: str, language: str = "") -> float:
    """0-100: how closely some stretch of the learner's words reproduces the phrase.

    Every run of words about as long as the phrase is compared with it, so words said before
    or after the phrase do not count against it, while a fragment of the phrase stays a poor
    match. Case, accents and punctuation are set aside; small typos cost little.
    """
    joiner = "" if language in UNSPACED else " "
    wanted_words = [fold(w) for w in words(phrase, language)] if language in UNSPACED else fold(phrase).split()
    said = [fold(w) for w in words(text, language)] if language in UNSPACED else fold(text).split()
    wanted = joiner.join(wanted_words)
    if not wanted or not said:
        return 0.0
    size = len(wanted_words)
    spans = {
        joiner.join(said[start : start + width])
        for width in range(max(1, size - 2), size + 3)
        for start in range(max(1, len(said) - width + 1))
    }
    best = process.extractOne(wanted, spans, scorer=fuzz.ratio)
    return float(best[1]) if best else 0.0


def is_question(text: str) -> bool:
    stripped = text.strip()
    return "?" in stripped or "\u00bf" in stripped or "\uff1f" in stripped


# --- runs ---------------------------------------------------------------------------------------


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


# --- mistakes found offline ---------------------------------------------------------------------

# Articles by grammatical gender, for telling "el reserva" from "la reserva". German is limited to
# the nominative, where the article alone shows the gender.
ARTICLES: dict[str, dict[str, frozenset[str]]] = {
    "es": {"m": frozenset({"el", "un", "los", "unos"}), "f": frozenset({"la", "una", "las", "unas"})},
    "fr": {"m": frozenset({"le", "un"}), "f": frozenset({"la", "une"})},
    "it": {"m": frozenset({"il", "lo", "un", "uno", "i", "gli"}), "f": frozenset({"la", "una", "le"})},
    "pt": {"m": frozenset({"o", "um", "os", "uns"}), "f": frozenset({"a", "uma", "as", "umas"})},
    "de": {"m": frozenset({"der"}), "f": frozenset({"die"}), "n": frozenset({"das"})},
}


@dataclass(frozen=True)
class Mistake:
    said: str
    correction: str
    explanation: str


def _article_and_noun(term: str, language: str) -> tuple[str, str] | None:
    """("la", "reserva") for a one-noun term with an article, else None."""
    parts = term.lower().split()
    genders = ARTICLES.get(language)
    if genders is None or len(parts) != 2:
        return None
    article, noun = parts
    if any(article in forms for forms in genders.values()):
        return article, noun
    return None


def _gender(article: str, language: str) -> str | None:
    return next((gender for gender, forms in ARTICLES[language].items() if article in forms), None)


def _near_miss(word: str, target: str, language: str) -> bool:
    """A misspelling of ``target``: one or two letters off, and not a real word of its own."""
    if len(target) < 4 or word == target or abs(len(word) - len(target)) > 2:
        return False
    allowed = 1 if len(target) < 8 else 2
    if Levenshtein.distance(fold(word), fold(target)) > allowed:
        return False
    if word in _plural_forms(target, language) or _lemma(word, language) == _lemma(target, language):
        return False
    try:
        return not simplemma.is_known(word, lang=language)
    except ValueError:
        return True


def find_mistakes(vocabulary: list[VocabularyItem], language: str, text: str) -> list[Mistake]:
    """Mistakes in the learner's use of the scenario's key words: missing accents, misspellings,
    and the wrong article (gender) before a noun. Deterministic; no AI involved."""
    if language in UNSPACED:
        return []
    said = words(text, language)
    found: dict[str, Mistake] = {}
    for item in vocabulary:
        pair = _article_and_noun(item.term, language)
        noun = pair[1] if pair else item.term.lower()
        if " " in noun:
            continue
        for index, word in enumerate(said):
            if word != noun and fold(word) == fold(noun):
                found.setdefault(word, Mistake(word, noun, f"“{noun}” is written with its accent"))
            elif _near_miss(word, noun, language):
                found.setdefault(word, Mistake(word, noun, f"“{word}” looks like a misspelling of “{noun}” ({item.gloss})"))
            elif pair and index > 0 and fold(word) == fold(noun):
                article, right = said[index - 1], pair[0]
                wrong_gender = _gender(article, language) not in (None, _gender(right, language))
                if wrong_gender:
                    key = f"{article} {word}"
                    found.setdefault(key, Mistake(key, item.term, f"“{noun}” takes “{right}”, not “{article}”"))
    return list(found.values())


# --- learner-authored scenarios -----------------------------------------------------------------


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
        "text": keyword_text(spec),
    }
