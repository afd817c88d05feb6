"""Judging, scoring and the offline tutor: pure unit tests on the seed scenarios (no I/O)."""

from __future__ import annotations

import copy
import json

import pytest
from pydantic import ValidationError

from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.domain.judging import (
    PHRASE_MATCH_THRESHOLD,
    PhaseProgress,
    judge_turn,
    run_score,
    uses_item,
    vocabulary_outcome,
)
from parla.scenario.domain.scenario import AsksQuestion, Mentions, ScenarioSpec, UsesPhrase, UsesVocabulary, VocabularyItem
from parla.scenario.domain.text import fold, is_question, lemma_sequence, phrase_similarity, words
from parla.scenario.tutor import OfflineTutor, TutorRequest

RESTAURANT = "restaurant-dinner-reservation"
SPECS = {spec.id: spec for spec in load_system_scenarios()}


def _raw(scenario_id: str) -> dict:
    """A seed scenario as one plain dict (a fresh copy every call)."""
    spec = next(s for s in load_system_scenarios() if s.id == scenario_id)
    return json.loads(spec.model_dump_json())


def _phase(spec: ScenarioSpec, phase_id: str, language: str = "es"):
    phase = next(p for p in spec.phases if p.id == phase_id)
    return phase, spec.localizations[language].phases[phase_id]


def _used(text: str, lemma: str, language: str = "es") -> bool:
    item = VocabularyItem(term=lemma, lemma=lemma, gloss="-")
    return uses_item(item, lemma_sequence(text, language), fold(text).split(), language)


def _play_phase(phase, local, language: str) -> tuple[PhaseProgress, list]:
    """Say every phrase of the phase, one turn each; questions are phrases with ¿...?."""
    progress = PhaseProgress(phase_id=phase.id)
    judgements = [judge_turn(phase, local, language, progress, phrase.text) for phrase in local.phrases]
    return progress, judgements


# --- fold, phrase similarity ----------------------------------------------------------------------


def test_fold_drops_case_accents_and_punctuation():
    assert fold("¿Qué PRECIO tiene?!  Ñandú, café") == "que precio tiene nandu cafe"


def test_fold_of_punctuation_only_is_empty():
    assert fold("¿?!... ¡!") == ""


@pytest.mark.parametrize(
    "said",
    [
        "queria reservar una mesa para cenar",  # no accents, no punctuation
        "Kería reserbar una mesa para senar",  # phonetic typos
        "quería reservar un mesa pra cenar",  # small slips
        "Hola, buenas tardes, quería reservar una mesa para cenar, por favor.",  # phrase inside a longer turn
    ],
)
def test_phrase_with_small_typos_and_no_accents_still_matches(said):
    assert phrase_similarity("Quería reservar una mesa para cenar.", said) >= PHRASE_MATCH_THRESHOLD


@pytest.mark.parametrize(
    "said",
    [
        "Mi perro come pescado los domingos.",
        "El tiempo hoy es muy bonito en la playa de Barcelona.",
        "Tengo una reserva.",
    ],
)
def test_unrelated_sentence_does_not_match(said):
    assert phrase_similarity("Quería reservar una mesa para cenar.", said) < PHRASE_MATCH_THRESHOLD


@pytest.mark.parametrize(
    ("phrase", "fragment"),
    [
        ("Quería reservar una mesa para cenar.", "Quería reservar"),
        ("Quería reservar una mesa para cenar.", "una mesa para cenar"),
        ("Para el sábado a las nueve y media, si puede ser.", "Para el sábado"),
        ("Para el sábado a las nueve y media, si puede ser.", "para el sabado a las nueve"),
        ("Está a nombre de Daniel Smith.", "Está a nombre de"),
    ],
)
def test_fragment_of_long_phrase_does_not_match(phrase, fragment):
    assert phrase_similarity(phrase, fragment) < PHRASE_MATCH_THRESHOLD


def test_fragment_inside_a_longer_unrelated_turn_does_not_match():
    said = "Quería reservar, pero no sé cuándo voy a ir a Madrid este año."
    assert phrase_similarity("Quería reservar una mesa para cenar.", said) < PHRASE_MATCH_THRESHOLD


@pytest.mark.parametrize(("phrase", "said"), [("Hola.", ""), ("Hola.", "¿?"), ("", "hola"), ("¡!", "hola")])
def test_phrase_similarity_is_zero_when_either_side_has_no_words(phrase, said):
    assert phrase_similarity(phrase, said) == 0.0


def test_near_match_is_accepted_on_its_own():
    assert phrase_similarity("Quería reservar una mesa para cenar.", "Quería una mesa para cenar.") >= PHRASE_MATCH_THRESHOLD


def test_greeting_before_a_near_match_does_not_break_it():
    phrase = "Quería reservar una mesa para cenar."
    assert phrase_similarity(phrase, "Hola, quería una mesa para cenar.") >= PHRASE_MATCH_THRESHOLD


# --- vocabulary: lemma-aware, not substring ------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "lemma"),
    [
        ("Tienen dos mesas libres?", "mesa"),
        ("Somos cuatro personas", "persona"),
        ("Tengo dos reservas", "reserva"),
        ("No hay habitaciones", "habitación"),
        ("¿Tienen chaquetas?", "chaqueta"),
        ("Dos llaves, por favor", "llave"),
    ],
)
def test_plural_noun_counts_for_its_lemma(said, lemma):
    assert _used(said, lemma)


@pytest.mark.parametrize("said", ["Ayer reservé una mesa", "Reservamos para cuatro", "Reservo ahora"])
def test_conjugated_verb_counts_for_its_infinitive(said):
    assert lemma_sequence("reservé", "es") == ["reservar"]  # what simplemma really returns
    assert _used(said, "reservar")


@pytest.mark.parametrize("said", ["Cenamos a las diez", "Ayer cené tarde"])
def test_conjugated_cenar_counts(said):
    assert _used(said, "cenar")


@pytest.mark.parametrize("said", ["Vivo en el mesanine", "Comimos en un mesón", "Una mesita pequeña", "Mesamesa"])
def test_word_merely_containing_the_lemma_does_not_count(said):
    assert not _used(said, "mesa")


def test_verb_does_not_count_for_the_noun_with_a_different_lemma():
    # "reservé" is the verb reservar; the noun "reserva" is another lemma.
    assert not _used("Ayer reservé por teléfono", "reserva")


def test_word_without_accents_counts_for_an_accented_lemma():
    assert _used("mi telefono es este", "teléfono")
    assert _used("el SABADO", "sábado")


def test_lemma_is_not_found_in_unrelated_text():
    assert not _used("Buenas tardes, ¿dígame?", "mesa")
    assert not _used("", "mesa")


@pytest.mark.parametrize("said", ["Mi hija tiene alergia a los frutos secos", "¿Lleva fruto seco?", "FRUTOS SECOS no"])
def test_multi_word_lemma_counts_in_any_inflection(said):
    assert _used(said, "frutos secos")


@pytest.mark.parametrize("said", ["los secos frutos", "frutos muy secos", "fruta seca", "frutos"])
def test_multi_word_lemma_needs_all_words_in_order(said):
    assert not _used(said, "frutos secos")


def test_multi_word_lemma_with_accent_and_plural():
    assert _used("¿Aceptan tarjetas de credito?", "tarjeta de crédito")
    assert not _used("¿Aceptan tarjetas de débito?", "tarjeta de crédito")


def test_chinese_is_cut_into_words_by_jieba():
    assert lemma_sequence("我想预订一张桌子。", "zh")[:3] == ["我", "想", "预订"]
    assert _used_in("我想预订一张桌子。", "桌子", "zh")
    assert not _used_in("我想预订一个房间。", "桌子", "zh")


def test_japanese_is_cut_and_lemmatised_by_mecab():
    lemmas = lemma_sequence("予約をお願いしたいです。", "ja")
    assert "予約" in lemmas and "願う" in lemmas
    # An inflected verb counts for its dictionary form.
    assert _used_in("明日の七時に予約しました。", "予約", "ja")
    assert _used_in("部屋を見せてください。", "見せる", "ja")
    assert not _used_in("部屋はありますか。", "見せる", "ja")


def test_a_japanese_phrase_matches_with_words_around_it_and_a_fragment_does_not():
    phrase = "二名で予約をお願いします。"
    assert phrase_similarity(phrase, "すみません、二名で予約をお願いします。", "ja") >= PHRASE_MATCH_THRESHOLD
    assert phrase_similarity(phrase, "二名です。", "ja") < PHRASE_MATCH_THRESHOLD


def _used_in(text: str, lemma: str, language: str) -> bool:
    item = VocabularyItem(term=lemma, lemma=lemma, gloss="g")
    return uses_item(item, lemma_sequence(text, language), [fold(w) for w in words(text, language)], language)


def test_plural_tallas_counts_for_talla():
    assert _used("¿La tiene en otras tallas?", "talla")


def test_unaccented_plural_counts_for_accented_lemma():
    assert _used("tengo dos telefonos", "teléfono")


# --- questions ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["¿Tienen mesa libre?", "Tienen mesa libre?", "¿Tienen mesa libre", "  ¿Dónde?  ", "お名前は？"])
def test_is_question_with_spanish_latin_and_fullwidth_marks(text):
    assert is_question(text)


@pytest.mark.parametrize("text", ["Tienen mesa libre.", "¡Hasta el sábado!", "", "   "])
def test_statement_is_not_a_question(text):
    assert not is_question(text)


# --- judge_turn on a real seed phase ---------------------------------------------------------------------


def test_progress_accumulates_across_turns_and_phase_completes_once():
    phase, local = _phase(SPECS[RESTAURANT], "request-table")  # uses_phrase book-table + 2 words
    progress = PhaseProgress(phase_id=phase.id)

    first = judge_turn(phase, local, "es", progress, "Buenas tardes, quería hacer una reserva, por favor.")
    assert [v.lemma for v in first.new_vocabulary] == ["reserva"]
    assert [p.id for p in first.new_phrases] == ["make-reservation"]
    assert first.criteria_met == []
    assert first.criteria_missing == phase.success_criteria
    assert first.phase_completed is False and progress.completed is False

    second = judge_turn(phase, local, "es", progress, "Quería reservar una mesa para cenar.")
    assert [v.lemma for v in second.new_vocabulary] == ["mesa", "cenar"]  # reserva is not new again
    assert [p.id for p in second.new_phrases] == ["book-table"]
    assert progress.vocabulary_used == ["reserva", "mesa", "cenar"]
    assert progress.phrases_used == ["make-reservation", "book-table"]
    assert second.criteria_missing == []
    assert second.criteria_met == phase.success_criteria
    assert second.phase_completed is True and progress.completed is True

    third = judge_turn(phase, local, "es", progress, "Quería reservar una mesa para cenar.")
    assert third.phase_completed is False  # already complete: reported once only
    assert third.new_vocabulary == [] and third.new_phrases == []
    assert progress.completed is True
    assert progress.learner_turns == 3


def test_criteria_met_and_missing_split_per_criterion():
    phase, local = _phase(SPECS[RESTAURANT], "date-and-party-size")  # day-and-time, party-size, 1 word
    progress = PhaseProgress(phase_id=phase.id)
    judgement = judge_turn(phase, local, "es", progress, "Para el sábado, por favor.")
    assert Mentions(kind="mentions", concept="day-and-time") in judgement.criteria_met
    assert UsesVocabulary(kind="uses_vocabulary", min=1) in judgement.criteria_met
    assert judgement.criteria_missing == [Mentions(kind="mentions", concept="party-size")]
    assert judgement.phase_completed is False
    assert progress.concepts_mentioned == ["day-and-time"]

    judgement = judge_turn(phase, local, "es", progress, "Somos cuatro.")
    assert judgement.criteria_missing == []
    assert judgement.phase_completed is True


def test_asks_question_criterion_is_met_by_a_question_turn():
    phase, local = _phase(SPECS[RESTAURANT], "special-requests")  # asks_question + special-request
    progress = PhaseProgress(phase_id=phase.id)
    judgement = judge_turn(phase, local, "es", progress, "Mi hija tiene alergia a los frutos secos.")
    assert judgement.criteria_missing == [AsksQuestion(kind="asks_question")]
    assert progress.asked_question is False
    judgement = judge_turn(phase, local, "es", progress, "¿Podría ser en la terraza?")
    assert progress.asked_question is True
    assert judgement.phase_completed is True


@pytest.mark.parametrize(
    "text",
    ["Me gusta mucho el fútbol.", "No sé.", "asdf qwer zxcv", "Hace sol en la playa."],
)
def test_off_topic_answer_completes_nothing(text):
    phase, local = _phase(SPECS[RESTAURANT], "request-table")
    progress = PhaseProgress(phase_id=phase.id)
    judgement = judge_turn(phase, local, "es", progress, text)
    assert judgement.phase_completed is False
    assert judgement.new_vocabulary == [] and judgement.new_phrases == []
    assert judgement.criteria_met == []
    assert judgement.criteria_missing == phase.success_criteria
    assert progress.completed is False
    assert progress.vocabulary_used == [] and progress.phrases_used == []
    assert progress.learner_turns == 1


def test_vocabulary_alone_does_not_complete_a_phase_that_needs_a_phrase():
    phase, local = _phase(SPECS[RESTAURANT], "request-table")
    progress = PhaseProgress(phase_id=phase.id)
    judgement = judge_turn(phase, local, "es", progress, "mesa reserva cenar")
    assert [v.lemma for v in judgement.new_vocabulary] == ["reserva", "mesa", "cenar"]
    assert judgement.criteria_missing == [UsesPhrase(kind="uses_phrase", phrase_id="book-table")]
    assert judgement.phase_completed is False


def test_phase_progress_json_round_trip():
    phase, local = _phase(SPECS[RESTAURANT], "request-table")
    progress = PhaseProgress(phase_id=phase.id)
    judge_turn(phase, local, "es", progress, "Quería reservar una mesa para cenar.")
    assert PhaseProgress.from_json(json.loads(json.dumps(progress.to_json()))) == progress


# --- a scripted learner over every seed scenario --------------------------------------------------------

PHASE_CASES = [
    pytest.param(spec, language, phase, id=f"{spec.id}/{language}/{phase.id}")
    for spec in SPECS.values()
    for language in spec.languages
    for phase in spec.phases
]
RUN_CASES = [pytest.param(spec, language, id=f"{spec.id}/{language}") for spec in SPECS.values() for language in spec.languages]


def test_seed_catalogue_is_not_empty():
    assert RESTAURANT in SPECS and len(SPECS) >= 3


@pytest.mark.parametrize(("spec", "language", "phase"), PHASE_CASES)
def test_saying_the_phases_phrases_completes_it(spec, language, phase):
    local = spec.localizations[language].phases[phase.id]
    if any(isinstance(c, AsksQuestion) for c in phase.success_criteria):
        # the data must give the learner a question to say
        assert any(is_question(p.text) for p in local.phrases), "asks_question phase without a question phrase"
    progress, judgements = _play_phase(phase, local, language)
    assert progress.completed, [j.criteria_missing for j in judgements][-1]
    assert sum(j.phase_completed for j in judgements) == 1
    assert judgements[-1].criteria_missing == []
    # every phrase the learner said verbatim was recognised
    assert sorted(progress.phrases_used) == sorted(p.id for p in local.phrases)


@pytest.mark.parametrize(("spec", "language"), RUN_CASES)
def test_fully_played_run_scores_at_least_80(spec, language):
    local = spec.localizations[language]
    progress = [_play_phase(phase, local.phases[phase.id], language)[0] for phase in spec.phases]
    assert all(p.completed for p in progress)
    assert run_score(spec, language, progress) >= 80


@pytest.mark.parametrize(("spec", "language"), RUN_CASES)
def test_empty_run_scores_zero(spec, language):
    progress = [PhaseProgress(phase_id=phase.id) for phase in spec.phases]
    assert run_score(spec, language, progress) == 0.0


def test_run_score_rejects_progress_that_does_not_match_the_phases():
    spec = SPECS[RESTAURANT]
    with pytest.raises(ValueError):
        run_score(spec, "es", [PhaseProgress(phase_id=spec.phases[0].id)])


def test_half_played_run_scores_between_zero_and_full():
    spec = SPECS[RESTAURANT]
    local = spec.localizations["es"]
    progress = [
        _play_phase(phase, local.phases[phase.id], "es")[0] if i < 2 else PhaseProgress(phase_id=phase.id)
        for i, phase in enumerate(spec.phases)
    ]
    full = [_play_phase(phase, local.phases[phase.id], "es")[0] for phase in spec.phases]
    assert 0 < run_score(spec, "es", progress) < run_score(spec, "es", full)


def test_vocabulary_outcome_splits_used_and_missed():
    spec = SPECS[RESTAURANT]
    local = spec.localizations["es"]
    progress = [PhaseProgress(phase_id=phase.id) for phase in spec.phases]
    phase, phase_local = _phase(spec, "request-table")
    judge_turn(phase, phase_local, "es", progress[0], "Quería dos mesas.")
    phase, phase_local = _phase(spec, "special-requests")
    judge_turn(phase, phase_local, "es", progress[2], "¿Tienen terraza?")

    used, missed = vocabulary_outcome(spec, "es", progress)
    assert [v.lemma for v in used] == ["mesa", "terraza"]
    all_items = [item for p in spec.phases for item in local.phases[p.id].vocabulary]
    assert [v.lemma for v in missed] == [v.lemma for v in all_items if v.lemma not in ("mesa", "terraza")]
    assert len(used) + len(missed) == len(all_items)


@pytest.mark.parametrize(("spec", "language"), RUN_CASES)
def test_vocabulary_outcome_of_a_full_run_and_an_empty_run(spec, language):
    local = spec.localizations[language]
    all_items = [item for p in spec.phases for item in local.phases[p.id].vocabulary]
    empty = [PhaseProgress(phase_id=phase.id) for phase in spec.phases]
    assert vocabulary_outcome(spec, language, empty) == ([], all_items)
    full = [_play_phase(phase, local.phases[phase.id], language)[0] for phase in spec.phases]
    used, missed = vocabulary_outcome(spec, language, full)
    said = {lemma for progress in full for lemma in progress.vocabulary_used}
    assert {item.lemma for item in used} == said and said
    assert {item.lemma for item in used}.isdisjoint(item.lemma for item in missed)
    assert sorted(item.lemma for item in used + missed) == sorted(item.lemma for item in all_items)


def test_vocabulary_outcome_lists_a_shared_item_once():
    raw = _raw(RESTAURANT)
    locs = raw["localizations"]["es"]["phases"]
    mesa = next(v for v in locs["request-table"]["vocabulary"] if v["lemma"] == "mesa")
    locs["date-and-party-size"]["vocabulary"].append(copy.deepcopy(mesa))
    spec = ScenarioSpec.model_validate(raw)
    progress = [PhaseProgress(phase_id=phase.id) for phase in spec.phases]
    progress[0].vocabulary_used.append("mesa")  # used in phase 1, not again in phase 2
    used, missed = vocabulary_outcome(spec, "es", progress)
    lemmas = [v.lemma for v in used + missed]
    assert lemmas.count("mesa") == 1


# --- ScenarioSpec validation ------------------------------------------------------------------------


def test_unaltered_seed_dict_validates():
    assert ScenarioSpec.model_validate(_raw(RESTAURANT)) == SPECS[RESTAURANT]


def _alter_unknown_phrase(raw):
    raw["phases"][0]["success_criteria"][0] = {"kind": "uses_phrase", "phrase_id": "no-such-phrase"}


def _alter_unknown_concept(raw):
    raw["phases"][1]["success_criteria"][0] = {"kind": "mentions", "concept": "no-such-concept"}


def _alter_min_above_vocabulary(raw):
    size = len(raw["localizations"]["es"]["phases"]["request-table"]["vocabulary"])
    raw["phases"][0]["success_criteria"][1] = {"kind": "uses_vocabulary", "min": size + 1}


def _alter_missing_localized_phase(raw):
    del raw["localizations"]["es"]["phases"]["confirm-booking"]


def _alter_extra_localized_phase(raw):
    phases = raw["localizations"]["es"]["phases"]
    phases["dessert"] = copy.deepcopy(phases["confirm-booking"])


def _alter_duplicate_phase_id(raw):
    raw["phases"][1]["id"] = raw["phases"][0]["id"]
    del raw["localizations"]["es"]["phases"]["date-and-party-size"]


def _alter_unknown_category(raw):
    raw["category"] = "space_travel"


def _alter_no_phases(raw):
    raw["phases"] = []
    raw["localizations"]["es"]["phases"] = {}


def _alter_huge_title(raw):
    raw["localizations"]["es"]["title"] = "x" * 10_000


def _alter_unknown_language(raw):
    raw["localizations"]["xx"] = raw["localizations"]["es"]


def _alter_unknown_field(raw):
    raw["phases"][0]["weight"] = 2


def _alter_bad_slug(raw):
    raw["id"] = "Restaurant Dinner"


@pytest.mark.parametrize(
    ("alter", "message"),
    [
        (_alter_unknown_phrase, "has no phrase 'no-such-phrase'"),
        (_alter_unknown_concept, "has no words for concept 'no-such-concept'"),
        (_alter_min_above_vocabulary, "localization has here"),
        (_alter_missing_localized_phase, "must localize exactly the phases"),
        (_alter_extra_localized_phase, "must localize exactly the phases"),
        (_alter_duplicate_phase_id, "phase ids must be unique"),
        (_alter_unknown_category, "category"),
        (_alter_no_phases, "at least 1 item"),
        (_alter_huge_title, "at most 120 characters"),
        (_alter_unknown_language, "localizations.xx"),
        (_alter_unknown_field, "Extra inputs are not permitted"),
        (_alter_bad_slug, "should match pattern"),
    ],
    ids=lambda v: getattr(v, "__name__", "")[len("_alter_") :] if callable(v) else "",
)
def test_invalid_spec_is_rejected(alter, message):
    raw = _raw(RESTAURANT)
    alter(raw)
    with pytest.raises(ValidationError) as info:
        ScenarioSpec.model_validate(raw)
    assert message in str(info.value)


def test_uses_vocabulary_min_equal_to_vocabulary_size_is_allowed():
    raw = _raw(RESTAURANT)
    size = len(raw["localizations"]["es"]["phases"]["request-table"]["vocabulary"])
    raw["phases"][0]["success_criteria"][1] = {"kind": "uses_vocabulary", "min": size}
    assert ScenarioSpec.model_validate(raw).phases[0].success_criteria[1] == UsesVocabulary(kind="uses_vocabulary", min=size)


# --- the offline tutor ----------------------------------------------------------------------------


def _request(spec, phase_index, text, turns=None, progress=None, language="es"):
    local = spec.localizations[language]
    phase = spec.phases[phase_index]
    progress = progress or PhaseProgress(phase_id=phase.id)
    judgement = judge_turn(phase, local.phases[phase.id], language, progress, text)
    next_phase = local.phases[spec.phases[phase_index + 1].id] if phase_index + 1 < len(spec.phases) else None
    return TutorRequest(
        phase=local.phases[phase.id],
        next_phase=next_phase,
        judgement=judgement,
        learner_turns_in_phase=progress.learner_turns if turns is None else turns,
    )


async def test_tutor_opens_the_next_phase_when_the_phase_completes():
    spec = SPECS[RESTAURANT]
    request = _request(spec, 0, "Hola, quería reservar una mesa para cenar.")
    assert request.judgement.phase_completed
    reply = await OfflineTutor().reply(request)
    assert reply.text == spec.localizations["es"].phases["date-and-party-size"].tutor_lines[0]
    assert reply.feedback[-1] == "Phase complete."


async def test_tutor_on_the_last_phase_completing_answers_with_a_follow_up_line():
    spec = SPECS[RESTAURANT]
    request = _request(spec, 3, "Perfecto, muchas gracias. A nombre de Laura, mi teléfono es el 612 345 678.")
    assert request.judgement.phase_completed and request.next_phase is None
    reply = await OfflineTutor().reply(request)
    assert reply.text == spec.localizations["es"].phases["confirm-booking"].tutor_lines[1]


@pytest.mark.parametrize("turns", [1, 2])
async def test_tutor_follow_up_line_by_turn_count(turns):
    spec = SPECS[RESTAURANT]
    lines = spec.localizations["es"].phases["request-table"].tutor_lines
    reply = await OfflineTutor().reply(_request(spec, 0, "Me gusta el fútbol.", turns=turns))
    assert reply.text == lines[turns]


@pytest.mark.parametrize("turns", [3, 4, 50])
async def test_tutor_holds_on_the_last_line_past_the_end(turns):
    spec = SPECS[RESTAURANT]
    lines = spec.localizations["es"].phases["request-table"].tutor_lines
    assert turns >= len(lines)
    reply = await OfflineTutor().reply(_request(spec, 0, "Me gusta el fútbol.", turns=turns))
    assert reply.text == lines[-1]


async def test_tutor_feedback_names_used_vocabulary_and_next_missing_criterion():
    spec = SPECS[RESTAURANT]
    request = _request(spec, 0, "Quería dos mesas, por favor.")
    reply = await OfflineTutor().reply(request)
    assert reply.feedback[0] == "Good use of: la mesa."
    book_table = next(p for p in request.phase.phrases if p.id == "book-table")
    assert reply.feedback[-1] == f"Next: Say something like: \u201c{book_table.text}\u201d ({book_table.gloss})."
    assert "Phase complete." not in reply.feedback


async def test_tutor_feedback_names_the_next_missing_criterion_in_order():
    spec = SPECS[RESTAURANT]
    progress = PhaseProgress(phase_id="date-and-party-size")
    reply = await OfflineTutor().reply(_request(spec, 1, "Para el sábado.", progress=progress))
    assert reply.feedback == ["Good use of: el sábado.", "Next: Mention the party size."]


async def test_tutor_feedback_for_a_missing_question_and_phrases_said():
    spec = SPECS[RESTAURANT]
    reply = await OfflineTutor().reply(_request(spec, 2, "Mi hija tiene alergia a los frutos secos."))
    assert reply.feedback == [
        "Good use of: la alergia.",
        "Well said: \u201cMi hija tiene alergia a los frutos secos.\u201d.",
        "Next: Ask a question.",
    ]


async def test_tutor_feedback_is_only_the_next_step_for_an_off_topic_turn():
    spec = SPECS[RESTAURANT]
    reply = await OfflineTutor().reply(_request(spec, 0, "Me gusta el fútbol."))
    assert len(reply.feedback) == 1 and reply.feedback[0].startswith("Next: ")
    assert "Good use of" not in " ".join(reply.feedback)
