"""The deck in and out on SQLite and PostgreSQL: the review log a page at a time, oldest first;
cards from an Anki-style CSV, each line a card or a named problem."""

from __future__ import annotations

import pytest

from parla.chassis.errors import InvalidArgument
from parla.content.review.interchange import Interchange, parse_cards

from .review_fixtures import Reviewing, learner


def interchange(db, reviewing: Reviewing) -> Interchange:
    return Interchange(db=db, clock=reviewing.clock)


async def test_the_log_comes_a_page_at_a_time_oldest_first_and_only_the_learners_own(db, reviewing: Reviewing):
    card_id = await reviewing.card("libro")
    for minutes in (0, 10, 60 * 24 * 3, 60 * 24 * 20, 60 * 24 * 70):
        await reviewing.rate(card_id, "good", at=reviewing.clock.advance(minutes=minutes))
    other = Reviewing(reviewing.deck, reviewing.sessions, reviewing.clock, learner())
    await other.rate(await other.card("otro"), "good")
    pages, after = [], ""
    while True:
        logs, after = await interchange(db, reviewing).log_page(reviewing.learner, after=after, limit=2)
        pages.append(logs)
        if not after:
            break
    assert [len(page) for page in pages] == [2, 2, 1]
    every = [log for page in pages for log in page]
    assert [log.reviewed_at for log in every] == sorted(log.reviewed_at for log in every)
    assert {str(log.card_id) for log in every} == {card_id}
    assert every[0].elapsed_days is None and every[0].state_before == 0
    assert every[2].state_before == 2 and every[2].elapsed_days == pytest.approx(3.0, abs=0.01)


async def test_a_cursor_that_is_not_one_is_refused(db, reviewing: Reviewing):
    with pytest.raises(InvalidArgument, match="cursor"):
        await interchange(db, reviewing).log_page(reviewing.learner, after="page-2", limit=10)


def test_an_anki_export_is_read_by_tabs_with_its_headers_skipped_and_each_bad_line_named():
    text = "#separator:tab\n#html:false\nla mesa\tthe table\tcasa Muebles\n\nsolo\n\tno front\ncasa\thouse\n"
    lines, problems = parse_cards(text)
    assert [(line.front, line.back, line.tags) for line in lines] == [
        ("la mesa", "the table", ["casa", "muebles"]),
        ("casa", "house", []),
    ]
    assert problems == [(5, "a card needs a front and a back"), (6, "a card needs a front and a back")]


def test_a_comma_separated_file_keeps_quoted_commas():
    lines, problems = parse_cards('"hola, amigo","hello, friend",saludo\n')
    assert [(line.front, line.back, line.tags) for line in lines] == [("hola, amigo", "hello, friend", ["saludo"])]
    assert problems == []


async def test_an_import_adds_new_words_as_cards_and_merges_words_already_in_the_deck(db, reviewing: Reviewing):
    await reviewing.card("casa")
    reviewing.clock.advance(minutes=1)
    report = await interchange(db, reviewing).import_cards(
        reviewing.learner, language="es", text="casa\thouse\nperro\tdog\tanimales\ngato\n"
    )
    assert (report.added, report.merged, report.problems) == (1, 1, [(3, "a card needs a front and a back")])
    cards, _ = await reviewing.deck.due_cards(reviewing.learner, language="es", limit=10)
    perro = next(card for card in cards if card.front == "perro")
    assert (perro.back, perro.tags) == ("dog", ["animales"])
    casa = await reviewing.deck.card(reviewing.learner, str(next(card for card in cards if card.front == "casa").id))
    assert [source.kind for source in casa.sources] == ["manual", "import"]


async def test_an_import_in_a_language_parla_does_not_teach_is_refused(db, reviewing: Reviewing):
    with pytest.raises(InvalidArgument) as refused:
        await interchange(db, reviewing).import_cards(reviewing.learner, language="nl", text="huis\thouse\n")
    assert "language" in refused.value.details
