"""The signed-in learner's own account."""

from __future__ import annotations

from fastapi import APIRouter

from parla.gateway.deps import AuthServiceDep, CurrentUser
from parla.gateway.schemas import UserOut

router = APIRouter(tags=["me"])


@router.get("/me")
async def me(caller: CurrentUser, auth: AuthServiceDep) -> UserOut:
    return UserOut.model_validate(await auth.profile(caller.principal.user_id))
