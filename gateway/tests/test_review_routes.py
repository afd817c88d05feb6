"""What the review deck's API sends the content service, what it answers from the service's
messages, and what it refuses before any call."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from parla.contracts.rpc.content.v1 import review_pb2 as pb

from .fakes import signed_in
from .review_helpers import CARD, DUE, SESSION, card_message, review, sent, stamp


@pytest.fixture
def headers(signing_keys) -> dict[str, str]:
    return signed_in(signing_keys)[1]


# --- cards ----------------------------------------------------------------------------------


async def test_a_new_card_reaches_the_service_trimmed_with_its_tags_and_lemma_and_answers_201(gateway, services, headers):
    services.answer("AddCard", card_message(tags=["food"]))
    body = {"language": "es", "front": "  la mesa ", "back": "the table", "tags": ["food"], "lemma": "mesa"}
    response = await gateway.post("/api/v1/cards", headers=headers, json=body)
    assert response.status_code == 201, response.text
    [request] = sent(services, "AddCard", pb.AddCardRequest)
    assert (request.language, request.front, request.back, list(request.tags), request.lemma) == (
        "es",
        "la mesa",
        "the table",
        ["food"],
        "mesa",
    )
    card = response.json()
    assert (card["id"], card["state"], card["tags"], card["source"]["context"]) == (CARD, "new", ["food"], "La mesa es grande.")
    assert datetime.fromisoformat(card["due"]) == DUE


async def test_a_card_without_a_lemma_is_sent_with_an_empty_one_for_the_service_to_default(gateway, services, headers):
    await gateway.post("/api/v1/cards", headers=headers, json={"language": "fr", "front": "la table", "back": "the table"})
    [request] = sent(services, "AddCard", pb.AddCardRequest)
    assert (request.lemma, list(request.tags)) == ("", [])


async def test_timestamps_a_card_does_not_have_are_null(gateway, services, headers):
    services.answer("GetCard", card_message())
    card = (await gateway.get(f"/api/v1/cards/{CARD}", headers=headers)).json()
    assert (card["buried_until"], card["last_review"]) == (None, None)
    [request] = sent(services, "GetCard", pb.CardRequest)
    assert request.id == CARD


async def test_a_buried_and_reviewed_card_shows_both_times_in_utc(gateway, services, headers):
    buried, reviewed = datetime(2030, 5, 2, 0, 0, tzinfo=UTC), datetime(2030, 4, 30, 8, 0, tzinfo=UTC)
    services.answer("GetCard", card_message(state="review", buried_until=stamp(buried), last_review=stamp(reviewed), reviews=3))
    card = (await gateway.get(f"/api/v1/cards/{CARD}", headers=headers)).json()
    assert datetime.fromisoformat(card["buried_until"]) == buried
    assert datetime.fromisoformat(card["last_review"]) == reviewed
    assert (card["state"], card["reviews"]) == ("review", 3)


async def test_an_edit_replaces_the_tags_only_when_it_sends_tags(gateway, services, headers):
    url = f"/api/v1/cards/{CARD}"
    await gateway.patch(url, headers=headers, json={"back": "the desk"})
    await gateway.patch(url, headers=headers, json={"tags": ["furniture", "home"]})
    await gateway.patch(url, headers=headers, json={"tags": []})
    back_only, new_tags, no_tags = sent(services, "EditCard", pb.EditCardRequest)
    assert (back_only.id, back_only.front, back_only.back, back_only.replace_tags) == (CARD, "", "the desk", False)
    assert (list(new_tags.tags), new_tags.replace_tags) == (["furniture", "home"], True)
    assert (list(no_tags.tags), no_tags.replace_tags) == ([], True)


async def test_deleting_a_card_answers_204_with_no_body(gateway, services, headers):
    services.answer("DeleteCard", pb.DeleteCardResponse())
    response = await gateway.delete(f"/api/v1/cards/{CARD}", headers=headers)
    assert (response.status_code, response.content) == (204, b"")
    [request] = sent(services, "DeleteCard", pb.CardRequest)
    assert request.id == CARD


async def test_a_card_the_service_does_not_find_is_a_404(gateway, services, headers):
    response = await gateway.get(f"/api/v1/cards/{CARD}", headers=headers)
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


@pytest.mark.parametrize("change", ["suspend", "unsuspend", "bury", "reset"])
async def test_each_change_of_a_card_is_sent_by_name(gateway, services, headers, change):
    services.answer("ChangeCard", card_message(suspended=change == "suspend"))
    response = await gateway.post(f"/api/v1/cards/{CARD}/{change}", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["suspended"] is (change == "suspend")
    [request] = sent(services, "ChangeCard", pb.ChangeCardRequest)
    assert (request.id, request.change) == (CARD, change)


async def test_a_change_that_does_not_exist_reaches_no_service(gateway, services, headers):
    response = await gateway.post(f"/api/v1/cards/{CARD}/forget", headers=headers)
    assert response.status_code in (404, 405)
    assert services.calls == []


async def test_the_openapi_document_lists_every_route_of_the_deck(gateway):
    paths = (await gateway.get("/api/v1/openapi.json")).json()["paths"]
    card = "/api/v1/cards/{card_id}"
    assert {"post"} <= set(paths["/api/v1/cards"]) and {"get", "patch", "delete"} <= set(paths[card])
    assert all(f"{card}/{change}" in paths for change in ("suspend", "unsuspend", "bury", "reset"))
    assert {
        "/api/v1/review/sessions",
        "/api/v1/review/sessions/{session_id}/next",
        "/api/v1/reviews",
        "/api/v1/reviews/sync",
    } <= set(paths)
    assert {"get", "put"} <= set(paths["/api/v1/review/settings"])


# --- sessions -------------------------------------------------------------------------------


async def test_a_session_starts_for_one_language_or_for_all_with_no_body(gateway, services, headers):
    services.answer("StartSession", pb.Session(id=SESSION, language="es", started_at=stamp(DUE), new_available=20))
    one = await gateway.post("/api/v1/review/sessions", headers=headers, json={"language": "es"})
    every = await gateway.post("/api/v1/review/sessions", headers=headers)
    assert (one.status_code, every.status_code) == (201, 201)
    assert (one.json()["id"], one.json()["new_available"], one.json()["reviewed"]) == (SESSION, 20, 0)
    assert [request.language for request in sent(services, "StartSession", pb.StartSessionRequest)] == ["es", ""]


async def test_the_next_card_comes_with_its_four_intervals_in_order(gateway, services, headers):
    ratings = ["again", "hard", "good", "easy"]
    intervals = [
        pb.Interval(rating=r, due=stamp(DUE), seconds=s) for r, s in zip(ratings, (60, 600, 86_400, 345_600), strict=True)
    ]
    session = pb.Session(id=SESSION, started_at=stamp(DUE), review_due=4)
    services.answer(
        "NextCard", pb.NextCardResponse(card=card_message(), intervals=intervals, session=session, retrievability=0.83)
    )
    shown = (await gateway.get(f"/api/v1/review/sessions/{SESSION}/next", headers=headers)).json()
    assert [(i["rating"], i["seconds"]) for i in shown["intervals"]] == [
        ("again", 60),
        ("hard", 600),
        ("good", 86_400),
        ("easy", 345_600),
    ]
    assert (shown["card"]["id"], shown["session"]["review_due"], shown["retrievability"]) == (CARD, 4, 0.83)
    [request] = sent(services, "NextCard", pb.NextCardRequest)
    assert request.session_id == SESSION


async def test_when_nothing_is_left_today_the_next_card_is_null(gateway, services, headers):
    services.answer("NextCard", pb.NextCardResponse(session=pb.Session(id=SESSION, started_at=stamp(DUE), reviewed=12)))
    shown = (await gateway.get(f"/api/v1/review/sessions/{SESSION}/next", headers=headers)).json()
    assert (shown["card"], shown["intervals"], shown["session"]["reviewed"]) == (None, [], 12)


# --- reviews --------------------------------------------------------------------------------


async def test_a_review_is_sent_with_its_ids_rating_duration_and_its_time_in_utc(gateway, services, headers):
    body = review(rating="hard", reviewed_at="2030-05-01T11:30:00+02:00", duration_ms=4200, session_id=SESSION)
    services.answer(
        "RecordReview", pb.ReviewResult(client_review_id=body["client_review_id"], status="applied", card=card_message())
    )
    response = await gateway.post("/api/v1/reviews", headers=headers, json=body)
    assert response.status_code == 200, response.text
    [request] = sent(services, "RecordReview", pb.ReviewRequest)
    assert (request.client_review_id, request.card_id, request.rating, request.session_id) == (
        body["client_review_id"],
        CARD,
        "hard",
        SESSION,
    )
    assert request.reviewed_at.ToDatetime(tzinfo=UTC) == datetime(2030, 5, 1, 9, 30, tzinfo=UTC)
    assert request.duration_ms == 4200
    result = response.json()
    assert (result["client_review_id"], result["status"], result["conflict"], result["card"]["id"]) == (
        body["client_review_id"],
        "applied",
        "",
        CARD,
    )


async def test_a_review_without_a_time_leaves_it_unset_for_the_service_to_use_its_now(gateway, services, headers):
    await gateway.post("/api/v1/reviews", headers=headers, json=review())
    [request] = sent(services, "RecordReview", pb.ReviewRequest)
    assert (request.HasField("reviewed_at"), request.duration_ms, request.session_id) == (False, 0, "")


async def test_a_conflict_with_a_card_that_no_longer_exists_answers_a_null_card(gateway, services, headers):
    body = review()
    conflict = "the card is not in your deck; drop this review"
    services.answer(
        "RecordReview", pb.ReviewResult(client_review_id=body["client_review_id"], status="conflict", conflict=conflict)
    )
    result = (await gateway.post("/api/v1/reviews", headers=headers, json=body)).json()
    assert (result["status"], result["conflict"], result["card"]) == ("conflict", conflict, None)


async def test_a_synced_batch_reaches_the_service_in_the_order_sent_and_its_results_come_back(gateway, services, headers):
    batch = [
        review(rating="easy", reviewed_at="2030-05-01T09:00:00Z"),
        review(rating="again", reviewed_at="2030-04-30T22:00:00-05:00"),
    ]
    results = [
        pb.ReviewResult(client_review_id=r["client_review_id"], status=s)
        for r, s in zip(batch, ("applied", "duplicate"), strict=True)
    ]
    services.answer("SyncReviews", pb.SyncReviewsResponse(results=results))
    response = await gateway.post("/api/v1/reviews/sync", headers=headers, json={"reviews": batch})
    assert response.status_code == 200, response.text
    [request] = sent(services, "SyncReviews", pb.SyncReviewsRequest)
    assert [(r.client_review_id, r.rating) for r in request.reviews] == [(b["client_review_id"], b["rating"]) for b in batch]
    assert request.reviews[1].reviewed_at.ToDatetime(tzinfo=UTC) == datetime(2030, 5, 1, 3, 0, tzinfo=UTC)
    assert [result["status"] for result in response.json()["results"]] == ["applied", "duplicate"]


# --- settings -------------------------------------------------------------------------------


async def test_settings_are_read_and_only_the_ones_sent_are_changed(gateway, services, headers):
    settings = pb.ReviewSettings(desired_retention=0.9, new_cards_per_day=20, reviews_per_day=200, time_zone="Europe/Madrid")
    services.answer("GetSettings", settings)
    services.answer("UpdateSettings", settings)
    read = (await gateway.get("/api/v1/review/settings", headers=headers)).json()
    assert read == {"desired_retention": 0.9, "new_cards_per_day": 20, "reviews_per_day": 200, "time_zone": "Europe/Madrid"}
    response = await gateway.put(
        "/api/v1/review/settings", headers=headers, json={"desired_retention": 0.85, "time_zone": "Asia/Tokyo"}
    )
    assert response.status_code == 200, response.text
    [request] = sent(services, "UpdateSettings", pb.ReviewSettings)
    assert (request.desired_retention, request.new_cards_per_day, request.reviews_per_day, request.time_zone) == (
        0.85,
        0,
        0,
        "Asia/Tokyo",
    )


async def test_an_unknown_time_zone_is_refused_with_a_message_that_says_what_to_send(gateway, services, headers):
    for zone in ("Mars/Olympus_Mons", "America", "../../etc/passwd", "europe/madrid "):
        response = await gateway.put("/api/v1/review/settings", headers=headers, json={"time_zone": zone})
        assert response.status_code == 422, zone
        assert "use an IANA name such as Europe/Madrid" in response.json()["error"]["details"]["time_zone"]
    assert services.calls == []


# --- refused before any call ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("POST", "/api/v1/reviews", review(rating="perfect"), "rating"),
        ("POST", "/api/v1/reviews", review(card_id="card-1"), "card_id"),
        ("POST", "/api/v1/reviews", review(client_review_id="42"), "client_review_id"),
        ("POST", "/api/v1/reviews", review(reviewed_at="2030-05-01T09:00:00"), "reviewed_at"),
        ("POST", "/api/v1/reviews", review(duration_ms=3_600_001), "duration_ms"),
        ("POST", "/api/v1/reviews", review(session_id="today"), "session_id"),
        ("POST", "/api/v1/reviews", review(ease=3), "ease"),
        ("POST", "/api/v1/reviews/sync", {"reviews": [review() for _ in range(1001)]}, "reviews"),
        ("POST", "/api/v1/reviews/sync", {"reviews": []}, "reviews"),
        ("POST", "/api/v1/reviews/sync", {"reviews": [review(), review(rating="")]}, "reviews.1.rating"),
        ("PUT", "/api/v1/review/settings", {"desired_retention": 0.5}, "desired_retention"),
        ("PUT", "/api/v1/review/settings", {"desired_retention": 0.98}, "desired_retention"),
        ("PUT", "/api/v1/review/settings", {"new_cards_per_day": 10_000}, "new_cards_per_day"),
        ("PUT", "/api/v1/review/settings", {"reviews_per_day": -1}, "reviews_per_day"),
        ("PUT", "/api/v1/review/settings", {"learning_steps": [1, 10]}, "learning_steps"),
        ("POST", "/api/v1/review/sessions", {"language": "nl"}, "language"),
        ("POST", "/api/v1/review/sessions", {"deck": "all"}, "deck"),
        ("POST", "/api/v1/cards", {"language": "es", "front": "   ", "back": "the table"}, "front"),
        ("POST", "/api/v1/cards", {"language": "es", "front": "la mesa", "back": "x" * 2001}, "back"),
        ("POST", "/api/v1/cards", {"language": "xx", "front": "la mesa", "back": "the table"}, "language"),
        ("POST", "/api/v1/cards", {"language": "es", "front": "a", "back": "b", "tags": ["t"] * 21}, "tags"),
        ("POST", "/api/v1/cards", {"language": "es", "front": "a", "back": "b", "tags": ["t" * 51]}, "tags.0"),
        ("POST", "/api/v1/cards", {"language": "es", "front": "a", "back": "b", "tags": [" "]}, "tags.0"),
        ("POST", "/api/v1/cards", {"language": "es", "front": "a\x00", "back": "b"}, "front"),
        ("POST", "/api/v1/cards", {"language": "es", "front": "a", "back": "b", "due": "2030-01-01"}, "due"),
        ("PATCH", f"/api/v1/cards/{CARD}", {"front": ""}, "front"),
        ("PATCH", f"/api/v1/cards/{CARD}", {"language": "fr"}, "language"),
    ],
)
async def test_a_bad_request_is_a_422_naming_its_field_and_reaches_no_service(
    gateway, services, headers, method, path, body, field
):
    response = await gateway.request(method, path, headers=headers, json=body)
    assert response.status_code == 422, response.text
    assert field in response.json()["error"]["details"], response.json()
    assert services.calls == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/cards/not-a-uuid"),
        ("PATCH", "/api/v1/cards/not-a-uuid"),
        ("DELETE", "/api/v1/cards/not-a-uuid"),
        ("POST", "/api/v1/cards/not-a-uuid/suspend"),
        ("POST", "/api/v1/cards/not-a-uuid/reset"),
        ("GET", "/api/v1/review/sessions/not-a-uuid/next"),
    ],
)
async def test_an_id_that_is_not_a_uuid_is_a_422_before_any_call(gateway, services, headers, method, path):
    response = await gateway.request(method, path, headers=headers, json={"back": "b"} if method == "PATCH" else None)
    assert response.status_code == 422, response.text
    assert services.calls == []


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/api/v1/cards", {"language": "es", "front": "a", "back": "b"}),
        ("GET", f"/api/v1/cards/{CARD}", None),
        ("PATCH", f"/api/v1/cards/{CARD}", {"back": "b"}),
        ("DELETE", f"/api/v1/cards/{CARD}", None),
        ("POST", f"/api/v1/cards/{CARD}/bury", None),
        ("GET", "/api/v1/review/due", None),
        ("POST", "/api/v1/review/sessions", {}),
        ("GET", f"/api/v1/review/sessions/{SESSION}/next", None),
        ("POST", "/api/v1/reviews", review()),
        ("POST", "/api/v1/reviews/sync", {"reviews": [review()]}),
        ("GET", "/api/v1/review/settings", None),
        ("PUT", "/api/v1/review/settings", {"desired_retention": 0.9}),
    ],
)
async def test_a_signed_out_caller_gets_401_and_reaches_no_service(gateway, services, method, path, body):
    response = await gateway.request(method, path, json=body)
    assert response.status_code == 401
    assert services.calls == []
