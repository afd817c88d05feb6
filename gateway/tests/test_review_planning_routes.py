"""The learner's review numbers, their log out and cards in, a preflight before a run, deadlines
and their own FSRS parameters: what the API sends the content service and answers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from parla.contracts.rpc.content.v1 import review_pb2 as pb

from .fakes import signed_in
from .review_helpers import CARD, SESSION, card_message, sent, stamp


@pytest.fixture
def headers(signing_keys) -> dict[str, str]:
    return signed_in(signing_keys)[1]


# --- stats ------------------------------------------------------------------------------------


async def test_the_stats_leave_true_retention_null_until_there_is_one_and_keep_every_bin(gateway, services, headers):
    stats = pb.ReviewStats(
        due_today=3,
        reviews_per_day=[pb.DayCount(date="2026-03-02", reviews=4)],
        desired_retention=0.9,
        stability=[pb.StabilityBin(from_days=365, to_days=0, cards=2)],
        calibration=[pb.CalibrationBin(low=0.8, high=0.9, reviews=5, predicted=0.86, actual=0.8)],
    )
    services.answer("GetStats", stats)
    body = (await gateway.get("/api/v1/review/stats", headers=headers)).json()
    assert (body["due_today"], body["true_retention"], body["reviews_per_day"]) == (
        3,
        None,
        [{"date": "2026-03-02", "reviews": 4}],
    )
    assert body["calibration"] == [{"low": 0.8, "high": 0.9, "reviews": 5, "predicted": 0.86, "actual": 0.8}]
    stats.true_retention = 0.93
    services.answer("GetStats", stats)
    assert (await gateway.get("/api/v1/review/stats", headers=headers)).json()["true_retention"] == 0.93


# --- interchange ----------------------------------------------------------------------------------


async def test_the_export_is_csv_in_the_optimizers_shape(gateway, services, headers):
    at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    first = pb.ReviewLogEntry(review_id=SESSION, card_id=CARD, reviewed_at=stamp(at), rating=3, state=0)
    later = pb.ReviewLogEntry(review_id=SESSION, card_id=CARD, reviewed_at=stamp(at), rating=1, state=2, duration_ms=4200)
    later.elapsed_days = 3.5
    services.answer("ListReviewLog", pb.ListReviewLogResponse(entries=[first, later]))
    response = await gateway.get("/api/v1/review/export", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    millis = int(at.timestamp() * 1000)
    assert response.text.splitlines() == [
        "card_id,review_time,review_rating,review_state,review_duration,elapsed_days",
        f"{CARD},{millis},3,0,,",
        f"{CARD},{millis},1,2,4200,3.5000",
    ]


async def test_an_anki_file_is_sent_as_text_with_its_language(gateway, services, headers):
    services.answer(
        "ImportCards", pb.ImportCardsResponse(added=1, merged=0, problems=[pb.ImportProblem(line=2, reason="no back")])
    )
    data = "\ufeffla mesa\tthe table\tcasa\n".encode()
    response = await gateway.post(
        "/api/v1/cards/import", headers=headers, files={"file": ("deck.txt", data)}, data={"language": "es"}
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"added": 1, "merged": 0, "problems": [{"line": 2, "reason": "no back"}]}
    [request] = sent(services, "ImportCards", pb.ImportCardsRequest)
    assert (request.language, request.csv) == ("es", "la mesa\tthe table\tcasa\n"), "the byte-order mark is not part of the text"


async def test_an_import_that_is_not_utf8_or_has_no_language_is_refused_before_any_call(gateway, services, headers):
    latin = await gateway.post(
        "/api/v1/cards/import",
        headers=headers,
        files={"file": ("deck.txt", "árbol\ttree".encode("latin-1"))},
        data={"language": "es"},
    )
    nameless = await gateway.post("/api/v1/cards/import", headers=headers, files={"file": ("deck.txt", b"a\tb")})
    assert (latin.status_code, nameless.status_code) == (422, 422)
    assert "UTF-8" in latin.json()["error"]["message"] or "UTF-8" in str(latin.json()["error"]["details"])
    assert services.calls == []


async def test_a_preflight_starts_a_session_of_the_scenarios_words_in_its_language(gateway, services, headers):
    from parla.contracts.rpc.scenario.v1 import scenario_pb2 as scenario_pb

    phase = scenario_pb.Phase(
        id="p1", vocabulary=[scenario_pb.VocabularyItem(term="la mesa", lemma="mesa"), scenario_pb.VocabularyItem(lemma="mesa")]
    )
    other = scenario_pb.Phase(id="p2", vocabulary=[scenario_pb.VocabularyItem(term="la cuenta", lemma="cuenta")])
    services.answer(
        "GetScenario", scenario_pb.Scenario(summary=scenario_pb.ScenarioSummary(language="es"), phases=[phase, other])
    )
    services.answer("StartSession", pb.Session(id=SESSION, language="es", started_at=stamp(datetime.now(UTC)), cards=2))
    response = await gateway.get("/api/v1/scenarios/restaurant-dinner-reservation/preflight", headers=headers)
    assert response.status_code == 200, response.text
    assert (response.json()["words"], response.json()["session"]["cards"]) == (2, 2)
    [request] = sent(services, "StartSession", pb.StartSessionRequest)
    assert (request.language, list(request.lemmas)) == ("es", ["cuenta", "mesa"])


# --- deadlines -------------------------------------------------------------------------------------


async def test_a_deadline_is_sent_with_its_date_and_target_only_when_given(gateway, services, headers):
    deadline = pb.Deadline(language="es", on="2026-06-20", target=0.95, ends_at=stamp(datetime(2026, 6, 20, 22, tzinfo=UTC)))
    services.answer("SetDeadline", pb.SetDeadlineResponse(deadline=deadline, cards_brought_forward=12))
    answer = await gateway.put("/api/v1/review/deadlines/es", headers=headers, json={"on": "2026-06-20", "target": 0.95})
    assert answer.status_code == 200, answer.text
    assert (answer.json()["cards_brought_forward"], answer.json()["deadline"]["on"]) == (12, "2026-06-20")
    await gateway.put("/api/v1/review/deadlines/fr", headers=headers, json={"on": "2026-07-01"})
    with_target, without = sent(services, "SetDeadline", pb.SetDeadlineRequest)
    assert (with_target.language, with_target.on, with_target.target) == ("es", "2026-06-20", 0.95)
    assert not without.HasField("target")


@pytest.mark.parametrize("body", [{"on": "soon"}, {"on": "2026-06-20", "target": 0.5}, {"on": "2026-06-20", "extra": 1}])
async def test_a_bad_deadline_is_refused_before_any_call(gateway, services, headers, body):
    assert (await gateway.put("/api/v1/review/deadlines/es", headers=headers, json=body)).status_code == 422
    assert (await gateway.put("/api/v1/review/deadlines/nl", headers=headers, json={"on": "2026-06-20"})).status_code == 422
    assert services.calls == []


async def test_clearing_a_deadline_is_204(gateway, services, headers):
    services.answer("ClearDeadline", pb.ClearDeadlineResponse())
    assert (await gateway.delete("/api/v1/review/deadlines/es", headers=headers)).status_code == 204


async def test_optimize_answers_with_the_fit(gateway, services, headers):
    services.answer(
        "Optimize", pb.OptimizeResponse(parameters=[0.2] * 21, log_loss_before=0.31, log_loss_after=0.29, reviews_used=512)
    )
    body = (await gateway.post("/api/v1/review/optimize", headers=headers)).json()
    assert (len(body["parameters"]), body["reviews_used"], body["log_loss_after"]) == (21, 512, 0.29)
    [call] = services.named("Optimize")
    assert call.time_remaining is not None and call.time_remaining > 60, "a fit gets the long deadline of work, not 5 s"


async def test_a_runs_cards_are_asked_for_by_its_kind_and_id_and_paged(gateway, services, headers):
    services.answer(
        "ListCards",
        pb.ListCardsResponse(cards=[card_message()], has_more=True),
    )
    response = await gateway.get(
        "/api/v1/cards", params={"source_kind": "scenario_run", "source_id": "run-1", "limit": 1}, headers=headers
    )
    assert response.status_code == 200, response.text
    [request] = sent(services, "ListCards", pb.ListCardsRequest)
    assert (request.source_kind, request.source_id, request.limit, request.offset) == ("scenario_run", "run-1", 1, 0)
    assert response.json()["has_more"] is True and response.json()["cards"][0]["id"] == CARD


@pytest.mark.parametrize(
    "params",
    [
        {"source_kind": "run", "source_id": "x"},
        {"source_kind": "document"},
        {"source_kind": "document", "source_id": "x", "limit": 500},
    ],
)
async def test_a_card_listing_without_a_known_kind_a_source_or_a_sane_page_is_refused_before_any_call(
    gateway, services, headers, params
):
    response = await gateway.get("/api/v1/cards", params=params, headers=headers)
    assert response.status_code == 422
    assert services.calls == []


async def test_due_cards_are_asked_with_intervals_only_when_the_client_wants_them(gateway, services, headers):
    again = pb.Interval(rating="again", due=stamp(datetime(2026, 6, 1, tzinfo=UTC)), seconds=60)
    services.answer("ListDueCards", pb.ListDueCardsResponse(cards=[card_message(intervals=[again])], total_due=1))
    plain = await gateway.get("/api/v1/review/due", headers=headers)
    offline = await gateway.get("/api/v1/review/due", params={"intervals": "true", "limit": 200}, headers=headers)
    assert plain.status_code == offline.status_code == 200, offline.text
    first, second = sent(services, "ListDueCards", pb.ListDueCardsRequest)
    assert (first.with_intervals, second.with_intervals, second.limit) == (False, True, 200)
    assert offline.json()["cards"][0]["intervals"] == [{"rating": "again", "due": "2026-06-01T00:00:00Z", "seconds": 60}]
