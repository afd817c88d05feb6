"""Study material from an analysis: flashcards, a quiz and key concepts. Pure and deterministic
for a given seed.

- **Flashcards** for the top 30 key words: the lemma on the front, the learner's own sentence
  with the word blanked as the cloze, and a gloss when a dictionary gives one (else the sentence
  and "No dictionary gloss available" on the back, and ``gloss`` None).
- **Cloze questions**: the sentence with the word blanked and four lemmas to choose from. The
  three distractors are other key words of the same document, preferring the answer's word
  class (MeCab's part of speech in Japanese; spelling cues elsewhere, see ``language.word_class``;
  none in Chinese) and then the nearest frequency band.
- **True/false**: a document sentence as it is (true) or with a key word swapped for a
  distractor (false).
- **Key concepts**: each topic as the phrase it most often forms with a neighbouring content
  word ("estación de tren", "東京駅"), or the topic alone when it forms none.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from parla.content.documents.analysis import Analysis, VocabularyItem
from parla.content.documents.language import UNSPACED, Token, tokens

MAX_FLASHCARDS = 30
MAX_CLOZE = 10
MAX_TRUE_FALSE = 6
BLANK = "____"
NO_GLOSS = "No dictionary gloss available"
TRUE, FALSE = "True", "False"
# Collocations are looked for in the opening of a long document: enough text for its recurring
# phrases, and a bounded cost whatever its length.
COLLOCATION_CHARS = 20_000


@dataclass(frozen=True)
class Flashcard:
    lemma: str
    front: str
    back: str
    cloze: str
    sentence: str
    gloss: str | None


@dataclass(frozen=True)
class QuizQuestion:
    kind: str  # "cloze" | "true_false"
    prompt: str
    options: list[str]
    answer: str
    explanation: str


@dataclass(frozen=True)
class Material:
    flashcards: list[Flashcard]
    quiz: list[QuizQuestion]
    key_concepts: list[str]


@dataclass(frozen=True)
class _Word:
    """A key word in its example sentence."""

    item: VocabularyItem
    display: str  # the lemma as a learner would look it up: German nouns keep their capital
    token: Token

    @property
    def cloze(self) -> str:
        sentence = self.item.sentence
        return sentence[: self.token.start] + BLANK + sentence[self.token.end :]


def generate(analysis: Analysis, *, glossary: Callable[[str], str | None] | None = None, seed: int = 0) -> Material:
    rng = random.Random(seed)
    words = _located(analysis)
    flashcards = [_flashcard(word, glossary) for word in words[:MAX_FLASHCARDS]]
    quiz = _cloze_questions(words, rng) + _true_false_questions(words, analysis, rng)
    return Material(flashcards=flashcards, quiz=quiz, key_concepts=key_concepts(analysis))


def _located(analysis: Analysis) -> list[_Word]:
    """The key words (in rank order) found in their example sentences."""
    located = []
    tokenised: dict[str, list[Token]] = {}
    for item in analysis.vocabulary[: max(MAX_FLASHCARDS, 3 * MAX_CLOZE)]:
        if item.sentence not in tokenised:
            tokenised[item.sentence] = tokens(item.sentence, analysis.language)
        token = next((t for t in tokenised[item.sentence] if t.surface == item.surface), None)
        if token is not None:
            located.append(_Word(item, _display(item, token, analysis.language), token))
    return located


def _display(item: VocabularyItem, token: Token, language: str) -> str:
    if language == "de" and token.word_class == "noun":
        return item.lemma[:1].upper() + item.lemma[1:]
    return item.lemma


def _flashcard(word: _Word, glossary: Callable[[str], str | None] | None) -> Flashcard:
    # The word as shown: a German noun's capital finds the noun before the adjective ("Arm", "arm").
    gloss = glossary(word.display) if glossary else None
    back = gloss if gloss else f"{word.item.sentence}\n\n{NO_GLOSS}."
    return Flashcard(
        lemma=word.item.lemma,
        front=word.display,
        back=back,
        cloze=word.cloze,
        sentence=word.item.sentence,
        gloss=gloss or None,
    )


# --- quiz ----------------------------------------------------------------------------------


def _distractors(word: _Word, words: list[_Word], rng: random.Random, *, wanted: int = 3, written: bool = False) -> list[_Word]:
    """Other key words alike in class, ending and band; none written like the answer or found in
    its sentence. ``written`` compares the forms in the sentences (to swap one into a sentence),
    otherwise the lemmas (the options of a cloze question)."""

    def form(w: _Word) -> str:
        return w.item.surface if written else w.display

    def distance(other: _Word) -> tuple[int, int, int, float]:
        mine, theirs = word.token.word_class, other.token.word_class
        # Two words whose class the spelling does not tell are more alike than a known pair:
        # in Spanish those are mostly nouns and adjectives, the verbs being told by their endings.
        class_gap = 0 if mine == theirs else 1 if mine is None or theirs is None else 2
        ending_gap = 0 if form(other)[-1:] == form(word)[-1:] else 1  # a plural for a plural
        return class_gap, ending_gap, abs(other.item.band - word.item.band), rng.random()

    seen = {word.display.casefold()}
    chosen: list[_Word] = []
    for other in sorted(words, key=distance):
        key = other.display.casefold()
        if key in seen or other.item.surface in word.item.sentence:
            continue
        seen.add(key)
        chosen.append(other)
        if len(chosen) == wanted:
            break
    return chosen


def _one_per_sentence_first(words: list[_Word]) -> list[_Word]:
    """Key words in rank order, the first of each sentence before any second one."""
    seen: set[str] = set()
    first, rest = [], []
    for word in words:
        (rest if word.item.sentence in seen else first).append(word)
        seen.add(word.item.sentence)
    return first + rest


def _cloze_questions(words: list[_Word], rng: random.Random) -> list[QuizQuestion]:
    questions = []
    for word in _one_per_sentence_first(words):
        distractors = _distractors(word, words, rng)
        if len(distractors) < 3:
            continue
        options = [word.display, *(other.display for other in distractors)]
        rng.shuffle(options)
        questions.append(
            QuizQuestion(
                kind="cloze",
                prompt=word.cloze,
                options=options,
                answer=word.display,
                explanation=f"“{word.item.surface}” ({word.display}): {word.item.sentence}",
            )
        )
        if len(questions) == MAX_CLOZE:
            break
    return questions


def _true_false_questions(words: list[_Word], analysis: Analysis, rng: random.Random) -> list[QuizQuestion]:
    document = set(analysis.sentences)
    used: set[str] = set()
    questions = []
    truth = rng.random() < 0.5
    for word in words:
        sentence = word.item.sentence
        if sentence in used:
            continue
        question = _true_question(sentence) if truth else _false_question(word, words, document, rng)
        if question is None:
            continue
        used.add(sentence)
        questions.append(question)
        truth = not truth
        if len(questions) == MAX_TRUE_FALSE:
            break
    return questions


def _true_question(sentence: str) -> QuizQuestion:
    return QuizQuestion(
        kind="true_false",
        prompt=sentence,
        options=[TRUE, FALSE],
        answer=TRUE,
        explanation="The document says exactly this.",
    )


def _false_question(word: _Word, words: list[_Word], document: set[str], rng: random.Random) -> QuizQuestion | None:
    sentence = word.item.sentence
    for other in _distractors(word, words, rng, wanted=1, written=True):
        changed = sentence[: word.token.start] + other.item.surface + sentence[word.token.end :]
        if changed not in document:
            return QuizQuestion(
                kind="true_false",
                prompt=changed,
                options=[TRUE, FALSE],
                answer=FALSE,
                explanation=f"The document says “{word.item.surface}”, not “{other.item.surface}”: {sentence}",
            )
    return None


# --- key concepts --------------------------------------------------------------------------


def key_concepts(analysis: Analysis) -> list[str]:
    """Each topic as its most frequent phrase with a neighbouring content word (with a small
    word between them in spaced languages: "billet de train"), or as itself. A phrase counts
    when it recurs or joins two topics."""
    topics = set(analysis.topics)
    phrases: Counter[tuple[str, ...]] = Counter()
    texts: dict[tuple[str, ...], str] = {}
    budget = COLLOCATION_CHARS
    for sentence in analysis.sentences:
        if budget <= 0:
            break
        budget -= len(sentence)
        words = tokens(sentence, analysis.language)
        found: dict[tuple[int, int], list[Token]] = {}  # a phrase of two topics is found from both
        for index, token in enumerate(words):
            if token.lemma in topics:
                for span in _phrase_spans(words, index, analysis.language):
                    found[(span[0].start, span[-1].end)] = span
        for (start, end), span in found.items():
            key = tuple(w.lemma for w in span)
            phrases[key] += 1
            texts.setdefault(key, sentence[start:end])
    concepts: list[str] = []
    # Two topics side by side make a phrase, except in Chinese, where jieba's words carry no
    # class to tell a phrase (市场里) from a chance neighbour (东西 | 回家).
    joins = analysis.language != "zh"
    for topic in analysis.topics:
        best = _best_phrase(topic, phrases, topics, joins=joins)
        concept = texts[best] if best else topic
        if concept.casefold() not in {c.casefold() for c in concepts}:
            concepts.append(concept)
    return concepts


def _phrase_spans(words: list[Token], index: int, language: str) -> list[list[Token]]:
    spans = []
    if index > 0 and words[index - 1].content and _adjacent(words[index - 1], words[index], language):
        spans.append(words[index - 1 : index + 1])
    if index + 1 < len(words) and words[index + 1].content and _adjacent(words[index], words[index + 1], language):
        spans.append(words[index : index + 2])
    if language not in UNSPACED:
        for start in (index - 2, index):
            span = words[start : start + 3] if start >= 0 else []
            if len(span) == 3 and span[0].content and span[2].content and not span[1].content and _joined(span, language):
                spans.append(span)
    return spans


def _joined(span: list[Token], language: str) -> bool:
    return all(_adjacent(left, right, language) for left, right in pairwise(span))


def _adjacent(left: Token, right: Token, language: str) -> bool:
    """Written next to each other: nothing but a space between them (nothing at all in CJK)."""
    return right.start - left.end == (0 if language in UNSPACED else 1)


def _best_phrase(topic: str, phrases: Counter[tuple[str, ...]], topics: set[str], *, joins: bool) -> tuple[str, ...] | None:
    best, best_rank = None, (0, 0)
    for key, count in phrases.items():
        if topic not in key:
            continue
        joined = sum(1 for lemma in key if lemma in topics)
        if count >= 2 or (joins and joined >= 2):
            rank = (count, joined)
            if rank > best_rank:
                best, best_rank = key, rank
    return best
