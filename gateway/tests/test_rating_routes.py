"""What the ratings API sends the organization service, what it answers from the service's
messages, how the service's refusals map to HTTP, and what it refuses before any call."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import grpc
import httpx
import pytest

from parla.contracts.rpc.organization.v1 import ratings_pb2 as pb

from .conftest import _client_of, _settings
from .fakes import Call, FakeServices, signed_in
from .review_helpers import sent, stamp

SCENARIO = "at-the-pharmacy"
RATING = "6f1c2a9e-0000-4000-8000-000000000001"
BASE = f"/api/v1/scenarios/{SCENARIO}/ratings"
AT = datetime(2030, 5, 1, 9, 30, tzinfo=UTC)
DIMENSIONS = {"difficulty_accuracy": 4, "engagement": 5, "learning_effectiveness": 3, "cultural_authenticity": 2}


@dataclass
class RatingFakes(FakeServices):
    """The fake services, which can also refuse a method with a gRPC status."""

    failures: dict[str, tuple[grpc.StatusCode, str]] = field(default_factory=dict)

    def fail(self, name: str, code: grpc.StatusCode, message: str) -> None:
        self.failures[name] = (code, message)

    def forget(self) -> None:
        super().forget()
        self.failures.clear()

    def service(self, handler_call_details: grpc.HandlerCallDetails) -> grpc.RpcMethodHandler:
        async def answer(request: bytes, context: grpc.aio.ServicerContext) -> bytes:
            metadata = {key: value for key, value in context.invocation_metadata() or () if isinstance(value, str)}
            call = Call(handler_call_details.method, request, metadata, context.time_remaining())
            self.calls.append(call)
            if call.name in self.failures:
                await context.abort(*self.failures[call.name])
            if call.name in self.answers:
                return self.answers[call.name]
            await context.abort(grpc.StatusCode.NOT_FOUND, "nothing here")

        return grpc.unary_unary_rpc_method_handler(answer)


@pytest.fixture(scope="module")
async def _fake_services() -> AsyncIterator[RatingFakes]:
    fake = RatingFakes()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture(scope="module")
async def _gateway(tmp_path_factory, signing_keys, _fake_services: RatingFakes) -> AsyncIterator[httpx.AsyncClient]:
    # The shared gateway fixture does not route the organization service to the fakes (yet).
    folder = tmp_path_factory.mktemp("gateway")
    settings = _settings(
        folder, signing_keys, f"sqlite+aiosqlite:///{folder / 'gateway.db'}", organization_addr=_fake_services.address
    )
    async for client in _client_of(settings):
        yield client


@pytest.fixture
def headers(signing_keys) -> dict[str, str]:
    return signed_in(signing_keys)[1]


def rating_message(**fields) -> pb.Rating:
    base = {
        "id": RATING,
        "scenario_id": SCENARIO,
        "user_id": "0b7e1f2a-0000-4000-8000-00000000000a",
        "overall": 4,
        "dimensions": pb.Dimensions(**DIMENSIONS),
        "review": "Muy útil",
        "helpful_count": 2,
        "mine": True,
        "created_at": stamp(AT),
        "updated_at": stamp(AT),
    }
    return pb.Rating(**{**base, **fields})


def body(**changes) -> dict:
    return {"overall": 4, "dimensions": DIMENSIONS, "review": "Muy útil", **changes}


# --- rating ---------------------------------------------------------------------------------


async def test_a_rating_reaches_the_service_with_its_review_trimmed_and_comes_back_without_the_raters_id(
    gateway, services, headers
):
    services.answer("RateScenario", rating_message())
    response = await gateway.put(BASE, headers=headers, json=body(review="  Muy útil \n"))
    assert response.status_code == 200, response.text
    [request] = sent(services, "RateScenario", pb.RateScenarioRequest)
    assert (request.scenario_id, request.overall, request.review) == (SCENARIO, 4, "Muy útil")
    assert (request.dimensions.difficulty_accuracy, request.dimensions.cultural_authenticity) == (4, 2)
    rating = response.json()
    assert (rating["id"], rating["overall"], rating["dimensions"], rating["helpful_count"], rating["mine"]) == (
        RATING,
        4,
        DIMENSIONS,
        2,
        True,
    )
    assert "user_id" not in rating and datetime.fromisoformat(rating["updated_at"]) == AT


async def test_a_rating_without_a_review_is_sent_with_an_empty_one(gateway, services, headers):
    services.answer("RateScenario", rating_message(review=""))
    await gateway.put(BASE, headers=headers, json={"overall": 5, "dimensions": DIMENSIONS})
    [request] = sent(services, "RateScenario", pb.RateScenarioRequest)
    assert (request.overall, request.review) == (5, "")


async def test_rating_a_scenario_before_finishing_a_run_is_a_409_with_the_services_message(gateway, services, headers):
    services.fail("RateScenario", grpc.StatusCode.FAILED_PRECONDITION, "finish a run of this scenario before rating it")
    response = await gateway.put(BASE, headers=headers, json=body())
    assert response.status_code == 409
    assert response.json()["error"]["message"] == "finish a run of this scenario before rating it"


async def test_a_scenario_the_service_does_not_find_is_a_404(gateway, services, headers):
    response = await gateway.put(BASE, headers=headers, json=body())
    assert (response.status_code, response.json()["error"]["code"]) == (404, "not_found")


async def test_my_rating_is_read_and_deleted_by_scenario(gateway, services, headers):
    services.answer("GetMyRating", rating_message())
    services.answer("DeleteRating", pb.DeleteRatingResponse())
    assert (await gateway.get(f"{BASE}/mine", headers=headers)).json()["review"] == "Muy útil"
    deleted = await gateway.delete(f"{BASE}/mine", headers=headers)
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert [r.scenario_id for r in sent(services, "GetMyRating", pb.ScenarioRef)] == [SCENARIO]
    assert [r.scenario_id for r in sent(services, "DeleteRating", pb.ScenarioRef)] == [SCENARIO]


async def test_the_summary_shows_counts_means_and_the_five_star_distribution(gateway, services, headers):
    means = pb.DimensionMeans(difficulty_accuracy=4.5, engagement=3.0, learning_effectiveness=4.0, cultural_authenticity=5.0)
    summary = pb.RatingSummary(
        scenario_id=SCENARIO, count=2, mean=4.5, distribution=[0, 0, 0, 1, 1], dimensions=means, review_count=1
    )
    services.answer("GetRatingSummary", summary)
    answer = (await gateway.get(f"{BASE}/summary", headers=headers)).json()
    assert answer == {
        "scenario_id": SCENARIO,
        "count": 2,
        "mean": 4.5,
        "distribution": [0, 0, 0, 1, 1],
        "dimensions": {
            "difficulty_accuracy": 4.5,
            "engagement": 3.0,
            "learning_effectiveness": 4.0,
            "cultural_authenticity": 5.0,
        },
        "review_count": 1,
    }


async def test_a_summary_of_a_scenario_nobody_rated_is_zeros(gateway, services, headers):
    services.answer("GetRatingSummary", pb.RatingSummary(scenario_id=SCENARIO, distribution=[0] * 5))
    answer = (await gateway.get(f"{BASE}/summary", headers=headers)).json()
    assert (answer["count"], answer["mean"], answer["distribution"], set(answer["dimensions"].values())) == (
        0,
        0.0,
        [0] * 5,
        {0.0},
    )


# --- reviews and helpful votes -----------------------------------------------------------------


async def test_reviews_are_asked_most_helpful_first_twenty_at_a_time_unless_told_otherwise(gateway, services, headers):
    services.answer("ListReviews", pb.ReviewPage(reviews=[rating_message(mine=False, voted_helpful=True)], has_more=True))
    page = (await gateway.get(BASE, headers=headers)).json()
    await gateway.get(BASE, headers=headers, params={"sort": "recent", "limit": 5, "offset": 10})
    default, chosen = sent(services, "ListReviews", pb.ListReviewsRequest)
    assert (default.scenario_id, default.sort, default.limit, default.offset) == (SCENARIO, "helpful", 20, 0)
    assert (chosen.sort, chosen.limit, chosen.offset) == ("recent", 5, 10)
    assert page["has_more"] is True
    assert [(r["id"], r["voted_helpful"], r["mine"]) for r in page["reviews"]] == [(RATING, True, False)]


@pytest.mark.parametrize(("method", "helpful"), [("PUT", True), ("DELETE", False)])
async def test_a_helpful_vote_or_taking_it_back_names_the_rating_and_its_scenario(gateway, services, headers, method, helpful):
    services.answer("VoteHelpful", rating_message(mine=False, voted_helpful=helpful))
    response = await gateway.request(method, f"{BASE}/{RATING}/helpful", headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["voted_helpful"] is helpful
    [request] = sent(services, "VoteHelpful", pb.VoteHelpfulRequest)
    assert (request.rating_id, request.scenario_id, request.helpful) == (RATING, SCENARIO, helpful)


async def test_a_vote_for_ones_own_review_is_a_403(gateway, services, headers):
    services.fail("VoteHelpful", grpc.StatusCode.PERMISSION_DENIED, "you cannot vote for your own review")
    response = await gateway.put(f"{BASE}/{RATING}/helpful", headers=headers)
    assert (response.status_code, response.json()["error"]["message"]) == (403, "you cannot vote for your own review")


# --- refused before any call -------------------------------------------------------------------


ROUTES = [
    ("PUT", BASE, body()),
    ("GET", f"{BASE}/mine", None),
    ("DELETE", f"{BASE}/mine", None),
    ("GET", f"{BASE}/summary", None),
    ("GET", BASE, None),
    ("PUT", f"{BASE}/{RATING}/helpful", None),
    ("DELETE", f"{BASE}/{RATING}/helpful", None),
]


@pytest.mark.parametrize(("method", "path", "payload"), ROUTES, ids=[f"{m} {p[len(BASE) :] or '/'}" for m, p, _ in ROUTES])
async def test_a_signed_out_caller_gets_401_and_reaches_no_service(gateway, services, method, path, payload):
    response = await gateway.request(method, path, json=payload)
    assert response.status_code == 401
    assert services.calls == []


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (body(overall=0), "overall"),
        (body(overall=6), "overall"),
        (body(dimensions={k: v for k, v in DIMENSIONS.items() if k != "engagement"}), "dimensions.engagement"),
        (body(dimensions={**DIMENSIONS, "cultural_authenticity": 6}), "dimensions.cultural_authenticity"),
        (body(dimensions={**DIMENSIONS, "fun": 5}), "dimensions.fun"),
        (body(review="x" * 2001), "review"),
        (body(review="<script>alert(1)</script>"), "review"),
        (body(review="bien\x00"), "review"),
        ({"dimensions": DIMENSIONS}, "overall"),
        (body(stars=5), "stars"),
    ],
    ids=lambda value: str(value)[:40] if not isinstance(value, dict) else None,
)
async def test_a_bad_rating_is_a_422_naming_the_field_and_reaches_no_service(gateway, services, headers, payload, field):
    response = await gateway.put(BASE, headers=headers, json=payload)
    assert response.status_code == 422, response.text
    assert field in response.json()["error"]["details"]
    assert services.calls == []


@pytest.mark.parametrize(
    ("method", "path", "params", "field"),
    [
        ("GET", "/api/v1/scenarios/At-The-Pharmacy/ratings/summary", None, "scenario_id"),
        ("GET", f"/api/v1/scenarios/{'a' * 101}/ratings/mine", None, "scenario_id"),
        ("PUT", f"{BASE}/not-a-uuid/helpful", None, "rating_id"),
        ("GET", BASE, {"sort": "best"}, "sort"),
        ("GET", BASE, {"limit": 0}, "limit"),
        ("GET", BASE, {"limit": 101}, "limit"),
        ("GET", BASE, {"offset": -1}, "offset"),
        ("GET", BASE, {"offset": 10_001}, "offset"),
    ],
)
async def test_a_bad_id_or_page_is_a_422_naming_it_and_reaches_no_service(
    gateway, services, headers, method, path, params, field
):
    response = await gateway.request(method, path, headers=headers, params=params)
    assert response.status_code == 422, response.text
    assert field in response.json()["error"]["details"]
    assert services.calls == []


async def test_the_openapi_document_lists_every_ratings_route(gateway):
    paths = (await gateway.get("/api/v1/openapi.json")).json()["paths"]
    base = "/api/v1/scenarios/{scenario_id}/ratings"
    assert {"put", "get"} <= set(paths[base])
    assert {"get", "delete"} <= set(paths[f"{base}/mine"]) and "get" in paths[f"{base}/summary"]
    assert {"put", "delete"} <= set(paths[f"{base}/{{rating_id}}/helpful"])
