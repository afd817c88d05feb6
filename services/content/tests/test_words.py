"""Word statuses on SQLite and PostgreSQL: set by the learner, moved forward by completed runs."""

from __future__ import annotations

import uuid

import pytest

from parla.chassis.auth import Principal
from parla.chassis.errors import InvalidArgument
from parla.content.consumers import on_scenarios_completed
from parla.content.words.service import WordService, statuses_for_analysis
from parla.devstack.testing import scenario_completed, vocabulary


def learner() -> Principal:
    return Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))


async def listed(db, caller: Principal, **filters) -> dict[tuple[str, str], str]:
    page = await WordService(db=db).words(caller, **{"language": "", "status": "", "limit": 0, "offset": 0, **filters})
    return {(w.language, w.lemma): w.status for w in page.words}


async def test_a_learner_sets_statuses_and_lists_them_with_counts_per_language_and_status(db):
    caller = learner()
    service = WordService(db=db)
    await service.set_statuses(caller, [("es", "mesa", "known"), ("es", "cuenta", "learning"), ("fr", "pain", "known")])
    await service.set_statuses(caller, [("es", "cuenta", "known")])
    assert await listed(db, caller) == {("es", "mesa"): "known", ("es", "cuenta"): "known", ("fr", "pain"): "known"}
    assert await listed(db, caller, language="fr") == {("fr", "pain"): "known"}
    page = await service.words(caller, language="", status="known", limit=2, offset=0)
    assert (len(page.words), page.total) == (2, 3)
    assert page.counts == [("es", "known", 2), ("fr", "known", 1)]


async def test_a_lemma_is_stored_in_one_spelling_whatever_its_case_spaces_or_composition(db):
    caller = learner()
    decomposed = "E\u0301cole"  # É as E and a combining accent
    [(language, lemma, _)] = await WordService(db=db).set_statuses(caller, [("fr", f"  {decomposed} ", "new")])
    assert (language, lemma) == ("fr", "\u00e9cole")


@pytest.mark.parametrize(
    ("words", "complaint"),
    [
        ([("nl", "huis", "known")], "unknown language"),
        ([("es", "mesa", "mastered")], "unknown status"),
        ([("es", "   ", "known")], "1 to 100 characters"),
        ([("es", "x" * 101, "known")], "1 to 100 characters"),
        ([("es", "me\x07sa", "known")], "control characters"),
        ([("es", "mesa", "known"), ("es", "Mesa", "new")], "twice"),
        ([], "at least one"),
        ([("es", f"w{n}", "known") for n in range(1000)], "at most 1000"),
    ],
)
async def test_a_request_with_one_bad_word_is_refused_whole_and_nothing_is_stored(db, words, complaint):
    caller = learner()
    batch = [("es", "bien", "known"), *words] if words else []  # a good word beside the bad one
    with pytest.raises(InvalidArgument, match=complaint):
        await WordService(db=db).set_statuses(caller, batch)
    assert await listed(db, caller) == {}


async def test_words_used_correctly_in_a_completed_run_become_learning_but_known_and_ignored_stay(db):
    caller = learner()
    user = caller.user_id
    await WordService(db=db).set_statuses(caller, [("es", "mesa", "known"), ("es", "cuenta", "ignored"), ("es", "plato", "new")])
    run = scenario_completed(user_id=user, language="es", vocabulary_used=vocabulary("mesa", "cuenta", "plato", "reserva"))
    async with db.transaction() as session:
        await on_scenarios_completed(session, [run])
    assert await listed(db, caller) == {
        ("es", "mesa"): "known",
        ("es", "cuenta"): "ignored",
        ("es", "plato"): "learning",
        ("es", "reserva"): "learning",
    }


async def test_another_learners_words_are_never_listed_or_counted(db):
    owner, stranger = learner(), learner()
    await WordService(db=db).set_statuses(owner, [("de", "haus", "known")])
    page = await WordService(db=db).words(stranger, language="", status="", limit=0, offset=0)
    assert (page.words, page.total, page.counts) == ([], 0, [])


async def test_a_documents_analysis_is_given_the_learners_statuses_by_language(db):
    caller = learner()
    await WordService(db=db).set_statuses(caller, [("es", "mesa", "known"), ("fr", "pain", "ignored")])
    assert await statuses_for_analysis(db, caller.user_id) == {"es": {"mesa": "known"}, "fr": {"pain": "ignored"}}
    assert await statuses_for_analysis(db, learner().user_id) == {}


@pytest.mark.parametrize(("language", "status"), [("nl", ""), ("", "mastered")])
async def test_listing_with_an_unknown_language_or_status_is_refused(db, language, status):
    with pytest.raises(InvalidArgument):
        await WordService(db=db).words(learner(), language=language, status=status, limit=0, offset=0)
