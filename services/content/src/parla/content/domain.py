"""The review deck: cards scheduled with FSRS-6. No I/O here."""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime

import fsrs

from parla.contracts.events import ScenarioCompleted

SOURCE_SCENARIO_RUN = "scenario_run"
SOURCE_DOCUMENT = "document"
SOURCE_DELETED_DOCUMENT = "deleted_document"
NO_GLOSS = "no dictionary gloss is installed"
STATE_NAMES = {fsrs.State.Learning: "learning", fsrs.State.Review: "review", fsrs.State.Relearning: "relearning"}


def card_key(text: str) -> str:
    """What makes two cards the same for one learner: case and Unicode form set aside."""
    return unicodedata.normalize("NFC", text).strip().lower()


@dataclass(frozen=True)
class NewCard:
    """A card to add to a learner's deck, with its FSRS state at creation."""

    id: uuid.UUID
    user_id: uuid.UUID
    language: str
    front: str
    back: str
    key: str
    source_kind: str
    source_id: str
    schedule: fsrs.Card
    context: str = ""  # the sentence (or what was said) the card came from
    tags: tuple[str, ...] | list[str] = ()


def new_fsrs_card(card_id: uuid.UUID, now: datetime) -> fsrs.Card:
    # fsrs wants an integer id of its own; derive it from ours so logs line up, never from the clock.
    return fsrs.Card(card_id=card_id.int >> 65, due=now)


def cards_from_completion(event: ScenarioCompleted, now: datetime) -> list[NewCard]:
    """Cards a finished run earns: the vocabulary the learner did not produce, and every
    mistake with its correction, once each. Words the learner already used need no drill."""
    cards: dict[str, NewCard] = {}

    def add(front: str, back: str, key: str, context: str) -> None:
        if key in cards:
            return
        card_id = uuid.uuid4()
        cards[key] = NewCard(
            id=card_id,
            user_id=event.user_id,
            language=event.language,
            front=front,
            back=back,
            key=key,
            source_kind=SOURCE_SCENARIO_RUN,
            source_id=str(event.run_id),
            schedule=new_fsrs_card(card_id, now),
            context=context,
        )

    for item in event.vocabulary_missed:
        add(item.term, item.gloss, card_key(item.lemma), "")
    for mistake in event.mistakes:
        back = mistake.correction if not mistake.explanation else f"{mistake.correction} \u2014 {mistake.explanation}"
        add(mistake.said, back, "mistake:" + card_key(mistake.correction), mistake.said)
    return list(cards.values())


def cards_from_flashcards(
    user_id: uuid.UUID, language: str, document_id: uuid.UUID, flashcards: list[dict], now: datetime
) -> list[NewCard]:
    """A document's flashcards as cards: the word on the front; on the back its gloss (or a note
    that there is none) and the learner's own sentence from the document."""
    cards = []
    for flashcard in flashcards:
        card_id = uuid.uuid4()
        gloss = flashcard.get("gloss") or f"({NO_GLOSS})"
        cards.append(
            NewCard(
                id=card_id,
                user_id=user_id,
                language=language,
                front=flashcard["front"],
                back=f"{gloss}\n{flashcard['sentence']}".strip(),
                key=card_key(flashcard["lemma"]),
                source_kind=SOURCE_DOCUMENT,
                source_id=str(document_id),
                schedule=new_fsrs_card(card_id, now),
                context=flashcard.get("sentence") or "",
            )
        )
    return cards
