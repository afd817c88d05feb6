"""The signed-in learner's own account."""

from __future__ import annotations

from fastapi import APIRouter

from parla.gateway.deps import AuthServiceDep, CurrentUser
from parla.gateway.schemas import ProfileUpdate, UserOut

router = APIRouter(tags=["me"])


@router.get("/me")
async def me(caller: CurrentUser, auth: AuthServiceDep) -> UserOut:
    return UserOut.model_validate(await auth.profile(caller.principal.user_id))


@router.patch("/me")
async def update_me(body: ProfileUpdate, caller: CurrentUser, auth: AuthServiceDep) -> UserOut:
    """Change your profile: only the fields sent change. Every change is announced as
    ``user.updated`` with the whole profile; a request that changes nothing announces nothing."""
    return UserOut.model_validate(await auth.update_profile(caller.principal.user_id, body.changes()))
