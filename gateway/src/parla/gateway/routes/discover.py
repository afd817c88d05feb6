"""Discovery (analytics service): trending, popular, top rated and the hub combining them, for
a language (by default the learner's first target language)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parla.chassis.errors import NotFound
from parla.contracts.rpc.analytics.v1 import discovery_pb2 as pb
from parla.gateway.collection_schemas import Category
from parla.gateway.deps import AuthServiceDep, Clients, CurrentUser, SignedIn
from parla.gateway.discovery_schemas import DiscoveryPageOut, HubOut, RecommendationsOut
from parla.gateway.schemas import ERROR_RESPONSES, Language, from_message

router = APIRouter(prefix="/discover", tags=["discover"], dependencies=[SignedIn], responses=ERROR_RESPONSES)

Limit = Annotated[int, Query(ge=1, le=100, description="At most 100")]
Offset = Annotated[int, Query(ge=0, le=10_000)]
LanguageQuery = Annotated[Language | None, Query(description="By default your first target language, else Spanish")]


async def _language(language: str | None, caller: CurrentUser, auth: AuthServiceDep) -> str:
    if language:
        return language
    profile = await auth.profile(caller.principal.user_id)
    return (profile.target_languages or ["es"])[0]


async def _language_and_level(language: str | None, caller: CurrentUser, auth: AuthServiceDep) -> tuple[str, str]:
    """The language (as ``_language``) and the learner's level for recommendations, from one read
    of the profile; no level for a caller without an account here who named a language."""
    try:
        profile = await auth.profile(caller.principal.user_id)
    except NotFound:
        if language:
            return language, ""
        raise
    return language or (profile.target_languages or ["es"])[0], profile.level


@router.get("")
async def hub(
    caller: CurrentUser, auth: AuthServiceDep, clients: Clients, language: LanguageQuery = None,
    limit: Annotated[int, Query(ge=1, le=20)] = 10,
) -> HubOut:  # fmt: skip
    """Trending, popular and top rated scenarios in one language, and the trending of each category."""
    chosen, level = await _language_and_level(language, caller, auth)
    answer = await clients.discovery.GetHub(pb.HubRequest(language=chosen, limit=limit, level=level))
    return from_message(HubOut, answer).model_copy(update={"language": chosen})


async def _list(method, caller, auth, language, category, limit, offset) -> DiscoveryPageOut:
    request = pb.DiscoveryRequest(
        language=await _language(language, caller, auth), category=category or "", limit=limit, offset=offset
    )
    return from_message(DiscoveryPageOut, await method(request))


@router.get("/trending")
async def trending(
    caller: CurrentUser, auth: AuthServiceDep, clients: Clients, language: LanguageQuery = None,
    category: Category | None = None, limit: Limit = 20, offset: Offset = 0,
) -> DiscoveryPageOut:  # fmt: skip
    """What learners of the language engage with now: views, starts, completions, ratings and
    bookmarks, each counting less as it ages (halving every three days by default)."""
    return await _list(clients.discovery.ListTrending, caller, auth, language, category, limit, offset)


@router.get("/popular")
async def popular(
    caller: CurrentUser, auth: AuthServiceDep, clients: Clients, language: LanguageQuery = None,
    category: Category | None = None, limit: Limit = 20, offset: Offset = 0,
) -> DiscoveryPageOut:  # fmt: skip
    """Best liked over time: a Bayesian average of the ratings, with completions and bookmarks."""
    return await _list(clients.discovery.ListPopular, caller, auth, language, category, limit, offset)


@router.get("/top-rated")
async def top_rated(
    caller: CurrentUser, auth: AuthServiceDep, clients: Clients, language: LanguageQuery = None,
    category: Category | None = None, limit: Limit = 20, offset: Offset = 0,
) -> DiscoveryPageOut:  # fmt: skip
    """Scenarios with enough ratings (5 by default), best mean rating first."""
    return await _list(clients.discovery.ListTopRated, caller, auth, language, category, limit, offset)


@router.get("/recommended")
async def recommended(
    caller: CurrentUser, auth: AuthServiceDep, clients: Clients, language: LanguageQuery = None,
    limit: Annotated[int, Query(ge=1, le=20)] = 10,
) -> RecommendationsOut:  # fmt: skip
    """For you, from what you played, finished, rated and struggled with, at your level first;
    never what you finished in the last week. Each comes with its reason."""
    chosen, level = await _language_and_level(language, caller, auth)
    request = pb.RecommendRequest(language=chosen, level=level, limit=limit)
    return from_message(RecommendationsOut, await clients.discovery.Recommend(request))
