"""Sign-up, sign-in, token refresh and sign-out."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from parla.gateway.deps import AuthRateLimited, AuthServiceDep
from parla.gateway.schemas import LoginRequest, RefreshRequest, RegisterRequest, TokenResponse, UserOut
from parla.gateway.service import Registration, Session

router = APIRouter(prefix="/auth", tags=["auth"], dependencies=[AuthRateLimited])


def _tokens(session: Session) -> TokenResponse:
    return TokenResponse(
        access_token=session.access_token,
        refresh_token=session.refresh_token,
        expires_in=session.expires_in,
        user=UserOut.model_validate(session.user),
    )


@router.post("/register", status_code=status.HTTP_201_CREATED)
async def register(body: RegisterRequest, auth: AuthServiceDep) -> TokenResponse:
    """Create a learner account and sign it in."""
    return _tokens(await auth.register(Registration(**body.model_dump())))


@router.post("/login")
async def login(body: LoginRequest, auth: AuthServiceDep) -> TokenResponse:
    return _tokens(await auth.login(body.email, body.password))


@router.post("/refresh")
async def refresh(body: RefreshRequest, auth: AuthServiceDep) -> TokenResponse:
    """Spend a refresh token for a new access token and a new refresh token."""
    return _tokens(await auth.refresh(body.refresh_token))


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(body: RefreshRequest, auth: AuthServiceDep) -> Response:
    """Sign out the session the refresh token belongs to (every token of its family)."""
    await auth.logout(body.refresh_token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
