"""Reviews and helpful votes: listed by helpfulness or date with the caller's flags, one vote per
learner and review, never on one's own; and the RatingService over real gRPC. Both backends."""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from parla.chassis.auth import TokenVerifier
from parla.chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from parla.chassis.grpc_server import GrpcServer, ServiceRegistration
from parla.contracts.rpc.organization.v1 import ratings_pb2 as pb
from parla.contracts.rpc.organization.v1 import ratings_pb2_grpc
from parla.devstack.testing import free_port
from parla.organization.ratings import grpc_api
from parla.organization.ratings.db import HelpfulVoteRow

from .catalogue_fixtures import complete, learner
from .rating_fixtures import author_of, dims, played_scenario, player, rate, rating_service


@pytest.fixture
def ratings(db):
    return rating_service(db)


async def votes(db) -> int:
    async with db.reading() as session:
        return await session.scalar(select(func.count()).select_from(HelpfulVoteRow))


async def reviewed(db, ratings, scenario: str, *texts: str):
    """One rating per text, by a new learner each, in this order; ``""`` for a rating without review."""
    return [await rate(ratings, await player(db, scenario), scenario, review=text) for text in texts]


# --- listing -------------------------------------------------------------------------------


async def test_reviews_list_only_ratings_with_a_review_most_recent_first(db, ratings):
    scenario = await played_scenario(db)
    old, _, new = await reviewed(db, ratings, scenario, "Primero", "", "Último")
    page = await ratings.reviews(learner(), scenario, sort="recent", limit=0, offset=0)
    assert [review.id for review in page.reviews] == [new.id, old.id] and not page.has_more


async def test_reviews_by_helpfulness_put_the_most_voted_first_then_the_most_recent(db, ratings):
    scenario = await played_scenario(db)
    first, second, third = await reviewed(db, ratings, scenario, "Uno", "Dos", "Tres")
    voters = [learner() for _ in range(2)]
    for voter in voters:
        await ratings.vote(voter, str(first.id), helpful=True)
    await ratings.vote(voters[0], str(second.id), helpful=True)
    page = await ratings.reviews(voters[0], scenario, sort="helpful", limit=0, offset=0)
    assert [(r.id, r.helpful_count, r.voted_helpful) for r in page.reviews] == [
        (first.id, 2, True),
        (second.id, 1, True),
        (third.id, 0, False),
    ]
    default = await ratings.reviews(learner(), scenario, sort="", limit=0, offset=0)
    assert [r.id for r in default.reviews] == [first.id, second.id, third.id]
    assert not any(r.voted_helpful or r.mine for r in default.reviews)


async def test_a_changed_review_counts_as_recent_again(db, ratings):
    scenario = await played_scenario(db)
    first, second = await reviewed(db, ratings, scenario, "Uno", "Dos")
    author = author_of(first)
    await rate(ratings, author, scenario, review="Uno, corregido")
    page = await ratings.reviews(author, scenario, sort="recent", limit=0, offset=0)
    assert [(r.id, r.mine) for r in page.reviews] == [(first.id, True), (second.id, False)]


async def test_pages_of_reviews_follow_each_other_and_say_when_there_are_more(db, ratings):
    scenario = await played_scenario(db)
    written = await reviewed(db, ratings, scenario, *(f"Reseña {n}" for n in range(5)))
    newest_first = [r.id for r in reversed(written)]
    reader = learner()
    first = await ratings.reviews(reader, scenario, sort="recent", limit=2, offset=0)
    second = await ratings.reviews(reader, scenario, sort="recent", limit=2, offset=2)
    last = await ratings.reviews(reader, scenario, sort="recent", limit=2, offset=4)
    assert [r.id for page in (first, second, last) for r in page.reviews] == newest_first
    assert (first.has_more, second.has_more, last.has_more) == (True, True, False)


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"limit": 101}, "limit"),
        ({"limit": -1}, "limit"),
        ({"offset": 10_001}, "offset"),
        ({"offset": -1}, "offset"),
        ({"sort": "best"}, "sort"),
    ],
)
async def test_bad_page_arguments_are_invalid_argument_naming_them(db, ratings, arguments, field):
    scenario = await played_scenario(db)
    with pytest.raises(InvalidArgument) as raised:
        await ratings.reviews(learner(), scenario, **{"sort": "", "limit": 0, "offset": 0, **arguments})
    assert field in raised.value.details


# --- helpful votes ---------------------------------------------------------------------------


async def test_a_learner_votes_a_review_helpful_once_however_often_they_send_it(db, ratings):
    scenario = await played_scenario(db)
    [review] = await reviewed(db, ratings, scenario, "Muy práctico")
    voter = learner()
    first = await ratings.vote(voter, str(review.id), helpful=True)
    again = await ratings.vote(voter, str(review.id), helpful=True)
    assert (first.helpful_count, first.voted_helpful, again.helpful_count, again.voted_helpful) == (1, True, 1, True)
    assert await votes(db) == 1


async def test_taking_a_vote_back_moves_the_count_once_and_taking_back_none_changes_nothing(db, ratings):
    scenario = await played_scenario(db)
    [review] = await reviewed(db, ratings, scenario, "Muy práctico")
    voter, other = learner(), learner()
    await ratings.vote(voter, str(review.id), helpful=True)
    await ratings.vote(other, str(review.id), helpful=True)
    taken = await ratings.vote(voter, str(review.id), helpful=False)
    twice = await ratings.vote(voter, str(review.id), helpful=False)
    never = await ratings.vote(learner(), str(review.id), helpful=False)
    assert [(r.helpful_count, r.voted_helpful) for r in (taken, twice, never)] == [(1, False)] * 3
    assert await votes(db) == 1


async def test_nobody_votes_for_their_own_review(db, ratings):
    scenario = await played_scenario(db)
    [review] = await reviewed(db, ratings, scenario, "El mío")
    author = author_of(review)
    with pytest.raises(PermissionDenied, match="you cannot vote for your own review"):
        await ratings.vote(author, str(review.id), helpful=True)
    assert await votes(db) == 0


async def test_a_rating_without_a_review_takes_no_vote(db, ratings):
    scenario = await played_scenario(db)
    [silent] = await reviewed(db, ratings, scenario, "")
    with pytest.raises(Conflict, match="no review"):
        await ratings.vote(learner(), str(silent.id), helpful=True)


async def test_a_review_of_another_learners_private_scenario_is_not_found_to_voters(db, ratings):
    owner = learner()
    scenario = await played_scenario(db, "mi-cena-privada", visibility="private", owner=owner)
    await complete(db, owner, scenario)
    # The owner's own review; another learner cannot vote (nor learn it exists).
    review = await rate(ratings, owner, scenario, review="Para mí")
    with pytest.raises(NotFound):
        await ratings.vote(learner(), str(review.id), helpful=True)


async def test_a_vote_naming_another_scenario_than_the_reviews_is_not_found(db, ratings):
    scenario, other = await played_scenario(db), await played_scenario(db, "hotel-check-in")
    [review] = await reviewed(db, ratings, scenario, "Muy práctico")
    with pytest.raises(NotFound):
        await ratings.vote(learner(), str(review.id), helpful=True, scenario_id=other)
    voted = await ratings.vote(learner(), str(review.id), helpful=True, scenario_id=scenario)
    assert voted.helpful_count == 1 == await votes(db)


async def test_removing_a_review_removes_its_votes_and_deleting_a_rating_removes_them_too(db, ratings):
    scenario = await played_scenario(db)
    first, second = await reviewed(db, ratings, scenario, "Uno", "Dos")
    voter = learner()
    await ratings.vote(voter, str(first.id), helpful=True)
    await ratings.vote(voter, str(second.id), helpful=True)
    author = author_of(first)
    without = await rate(ratings, author, scenario, review="")
    assert without.helpful_count == 0 and await votes(db) == 1
    await ratings.delete(author_of(second), scenario)
    assert await votes(db) == 0


@pytest.mark.concurrent_transactions
async def test_learners_voting_one_review_at_once_are_each_counted_once(db, ratings):
    scenario = await played_scenario(db)
    [review] = await reviewed(db, ratings, scenario, "Popular")
    voters = [learner() for _ in range(6)]
    await asyncio.gather(*(ratings.vote(voter, str(review.id), helpful=True) for voter in voters for _ in range(2)))
    page = await ratings.reviews(voters[0], scenario, sort="helpful", limit=0, offset=0)
    assert page.reviews[0].helpful_count == 6 == await votes(db)


# --- over gRPC -----------------------------------------------------------------------------


@pytest.fixture
async def stub(db, signing_keys):
    servicer = grpc_api.RatingServicer(rating_service(db))
    port = free_port()
    server = GrpcServer(
        host="127.0.0.1",
        port=port,
        registrations=[ServiceRegistration(grpc_api.add_to_server, servicer, grpc_api.SERVICE_NAME)],
        verifier=TokenVerifier(signing_keys.public_pem),
    )
    await server.start()
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        yield ratings_pb2_grpc.RatingServiceStub(channel)
    await server.stop(grace=0)


def bearer(signing_keys, user) -> tuple[tuple[str, str]]:
    return (("authorization", f"Bearer {signing_keys.token(user.subject)}"),)


async def test_over_grpc_a_rating_is_answered_as_a_message_and_a_missing_run_is_failed_precondition(db, stub, signing_keys):
    scenario = await played_scenario(db)
    user = await player(db, scenario)
    request = pb.RateScenarioRequest(scenario_id=scenario, overall=5, dimensions=pb.Dimensions(**dims(3)), review="Genial")
    answer = await stub.RateScenario(request, metadata=bearer(signing_keys, user))
    assert (answer.scenario_id, answer.user_id, answer.overall, answer.dimensions.engagement, answer.review, answer.mine) == (
        scenario,
        str(user.user_id),
        5,
        3,
        "Genial",
        True,
    )
    assert uuid.UUID(answer.id) and answer.created_at.ToDatetime() == answer.updated_at.ToDatetime()
    summary = await stub.GetRatingSummary(pb.ScenarioRef(scenario_id=scenario), metadata=bearer(signing_keys, learner()))
    assert (summary.count, summary.mean, list(summary.distribution), summary.dimensions.engagement) == (
        1,
        5.0,
        [0, 0, 0, 0, 1],
        3.0,
    )
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.RateScenario(request, metadata=bearer(signing_keys, learner()))
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION


async def test_over_grpc_a_rating_without_dimensions_names_the_first_missing_one(db, stub, signing_keys):
    scenario = await played_scenario(db)
    user = await player(db, scenario)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.RateScenario(pb.RateScenarioRequest(scenario_id=scenario, overall=4), metadata=bearer(signing_keys, user))
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "dimensions.difficulty_accuracy" in refused.value.details()
