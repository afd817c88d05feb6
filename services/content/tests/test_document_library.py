"""A learner's library of documents on SQLite and PostgreSQL: search, filters, sorting, and what
deleting a document leaves behind."""

from __future__ import annotations

import sys
import unicodedata
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from parla.chassis.auth import Principal
from parla.chassis.errors import InvalidArgument
from parla.content.db import CardRow
from parla.content.documents import search
from parla.content.documents.analysis import analyse
from parla.content.documents.db import DocumentIndexRow, DocumentRow
from parla.content.documents.repository import DocumentRepository
from parla.content.documents.search import MARKS_END, MAX_TERM_CHARS, body_index, fold
from parla.content.documents.service import DocumentService
from parla.content.domain import cards_from_flashcards
from parla.content.service import add_new_cards


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


async def add(db, caller: Principal, title: str, *, description: str = "", text: str = "Un texte.") -> str:
    document = await DocumentService(db=db).import_document(caller, title=title, description=description, filename="", text=text)
    return str(document.id)


async def add_with_body(db, caller: Principal, title: str, text: str, *, description: str = "") -> str:
    """A document whose body index is the real analysis of ``text`` (as its job writes it)."""
    document_id = await add(db, caller, title, text=text, description=description)
    async with db.transaction() as session:
        await DocumentRepository(session).put_terms(uuid.UUID(document_id), analyse(text, language="fr").terms)
    return document_id


async def titles(db, caller: Principal, **query) -> list[str]:
    documents, _ = await DocumentService(db=db).documents(caller, limit=0, offset=0, **query)
    return [document.title for document in documents]


async def test_a_search_finds_every_word_in_title_or_description_whatever_the_case_or_accents(db):
    caller = learner()
    await add(db, caller, "L'École du samedi", description="Notes de cours")
    await add(db, caller, "Recettes", description="La cuisine de l'école")
    await add(db, caller, "Voyage en train")
    assert sorted(await titles(db, caller, q="ecole")) == ["L'École du samedi", "Recettes"]
    assert await titles(db, caller, q="ÉCOLE samedi") == ["L'École du samedi"]
    assert await titles(db, caller, q="100%_") == [], "wildcards in a query are plain characters"


async def test_relevance_puts_the_documents_with_the_words_in_their_title_first(db):
    caller = learner()
    await add(db, caller, "Le marché", description="")
    await add(db, caller, "Recettes", description="acheter au marché")
    assert await titles(db, caller, q="marche", sort="relevance") == ["Le marché", "Recettes"]
    assert await titles(db, caller, q="marche", sort="date") == ["Recettes", "Le marché"]
    assert await titles(db, caller, sort="title") == ["Le marché", "Recettes"]


async def test_a_search_finds_a_word_of_the_body_as_written_or_by_its_lemma_and_needs_every_word(db):
    caller = learner()
    await add_with_body(db, caller, "Carnet", "Hier, les enfants mangeaient des pommes dans le jardin de l'école.")
    await add_with_body(db, caller, "Trajet", "Le train part à huit heures et nous arrivons à midi.")
    assert await titles(db, caller, q="mangeaient") == ["Carnet"], "as written"
    assert await titles(db, caller, q="manger") == ["Carnet"], "by its lemma: every form of the verb"
    assert await titles(db, caller, q="Pommes JARDIN") == ["Carnet"]
    assert await titles(db, caller, q="pommes train") == [], "every word of the query"
    assert await titles(db, caller, q="trajet arrivons") == ["Trajet"], "title and body words together"
    assert await titles(db, caller, q="mang") == [], "a body word matches whole, not as a part"


async def test_relevance_puts_title_matches_first_then_the_documents_that_use_the_word_most(db):
    caller = learner()
    await add_with_body(db, caller, "Une fois", "Le chat dort. Il fait beau aujourd'hui.")
    await add_with_body(db, caller, "Souvent", "Le chat mange. Le chat joue. Les chats dorment. Un chat noir passe.")
    await add_with_body(db, caller, "Le chat", "Il pleut ce matin.")
    await add_with_body(db, caller, "Sans", "Il pleut ce soir.", description="un chat")  # not in its body
    assert await titles(db, caller, q="chat", sort="relevance") == ["Le chat", "Souvent", "Une fois", "Sans"]


async def test_another_learners_body_words_find_nothing(db):
    await add_with_body(db, learner(), "Carnet", "Les enfants mangeaient des pommes.")
    assert await titles(db, learner(), q="pommes") == []


def test_the_body_index_has_each_lemma_and_form_folded_once_the_most_used_first_and_no_overlong_word():
    index = body_index(["école", "manger", "x" * (MAX_TERM_CHARS + 1)], [2, 5, 1], {"École": 0, "mangeaient": 1, "Mangé": 1})
    assert index == " manger mangeaient mange ecole "
    assert body_index([], [], {}) == ""


@pytest.mark.parametrize("words", [["École", "mañana", "Straße", "naïve", "ﬁne", "İstanbul", "Ⅸ"], ["plain", "ASCII"]])
def test_the_body_index_folds_each_word_as_a_search_query_is_folded(words: list[str]) -> None:
    index = body_index(words, [1] * len(words), {})
    assert index.split() == [fold(word) for word in words]


def test_folded_words_are_kept_between_texts_up_to_a_bound_and_fold_as_before(monkeypatch) -> None:
    monkeypatch.setattr(search, "_folds", {})
    monkeypatch.setattr(search, "FOLD_MEMORY", 6)
    first = ["École", "mañana", "plain"]
    assert body_index(first, [1] * 3, {}).split() == [fold(word) for word in first]
    again = ["École", "Straße", "naïve", "Ⅸ"]  # one kept, three new: six in memory
    assert body_index(again, [1] * 4, {}).split() == [fold(word) for word in again]
    assert set(search._folds) == {*first, *again}
    more = ["uno", "Dos"]  # eight would be over the bound: the memory starts again
    assert body_index(more, [1] * 2, {}).split() == ["uno", "dos"]
    assert set(search._folds) == set(more)


def test_no_combining_mark_lies_beyond_the_ones_folding_removes() -> None:
    assert not any(unicodedata.combining(chr(point)) for point in range(MARKS_END, sys.maxunicode + 1))


def test_a_lemma_of_two_words_or_broken_over_lines_is_left_out_of_the_body_index() -> None:
    assert body_index(["casa", "a menudo", "línea\npartida"], [1, 3, 2], {"Casas": 0}) == " casa casas "


async def test_filters_by_kind_language_level_and_stage_and_pages(db):
    caller = learner()
    first = await add(db, caller, "Un")
    await add(db, caller, "Deux")
    async with db.transaction() as session:
        await session.execute(
            update(DocumentRow).where(DocumentRow.id == uuid.UUID(first)).values(language="fr", level="B1", stage="done")
        )
    assert await titles(db, caller, language="fr", level="B1", stage="done", kind="txt") == ["Un"]
    assert await titles(db, caller, stage="queued") == ["Deux"]
    page, total = await DocumentService(db=db).documents(caller, limit=1, offset=1)
    assert ([d.title for d in page], total) == (["Un"], 2)


@pytest.mark.parametrize("query", [{"sort": "popular"}, {"kind": "doc"}, {"language": "nl"}, {"level": "D1"}, {"stage": "lost"}])
async def test_an_unknown_sort_or_filter_value_is_refused_with_the_values_to_use(db, query):
    with pytest.raises(InvalidArgument, match="use one of"):
        await DocumentService(db=db).documents(learner(), limit=0, offset=0, **query)


async def test_a_description_over_2000_characters_is_refused(db):
    with pytest.raises(InvalidArgument, match="2,000"):
        await add(db, learner(), "Titre", description="d" * 2001)


async def test_deleting_a_document_keeps_its_cards_with_their_source_marked_as_deleted(db):
    caller = learner()
    document_id = await add(db, caller, "Au marché")
    flashcard = {"lemma": "marché", "front": "marché", "sentence": "Je vais au marché.", "gloss": None}
    now = datetime.now(UTC)
    async with db.transaction() as session:
        cards = cards_from_flashcards(caller.user_id, "fr", uuid.UUID(document_id), [flashcard], now)
        await add_new_cards(session, [(card, None) for card in cards], now)
    async with db.transaction() as session:
        await DocumentRepository(session).put_terms(uuid.UUID(document_id), " marche ")
    await DocumentService(db=db).delete(caller, document_id)
    async with db.reading() as session:
        [card] = (await session.scalars(select(CardRow))).all()
        assert (await session.scalars(select(DocumentIndexRow))).all() == [], "its body index goes with it"
    assert (card.key, card.source_kind, card.source_id) == ("marché", "deleted_document", document_id)


def test_folding_sets_case_accents_and_spaces_aside():
    assert fold("  L'ÉCOLE   du\tSamedi ") == "l'ecole du samedi"
    assert fold("Straße") == "strasse"


async def test_library_stats_count_the_learners_documents_per_stage_language_level_and_kind_and_their_words(db):
    caller = learner()
    first = await add(db, caller, "Un")
    await add(db, caller, "Deux")
    await add(db, learner(), "Pas à moi")
    async with db.transaction() as session:
        await session.execute(
            update(DocumentRow)
            .where(DocumentRow.id == uuid.UUID(first))
            .values(language="fr", level="B1", stage="done", word_count=120)
        )
    stats = await DocumentService(db=db).stats(caller)
    assert (stats.documents, stats.words) == (2, 120)
    assert stats.tallies["stage"] == [("done", 1), ("queued", 1)]
    assert stats.tallies["language"] == [("", 1), ("fr", 1)]
    assert stats.tallies["kind"] == [("txt", 2)]
