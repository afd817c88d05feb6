"""Mistakes found offline in a learner's use of the scenario's key words. No I/O, no AI."""

from __future__ import annotations

from dataclasses import dataclass

import simplemma
from rapidfuzz.distance import Levenshtein

from parla.scenario.domain.scenario import VocabularyItem
from parla.scenario.domain.text import UNSPACED, fold, lemma, plural_forms, words

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
    if word in plural_forms(target, language) or lemma(word, language) == lemma(target, language):
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
