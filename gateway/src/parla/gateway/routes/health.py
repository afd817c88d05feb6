"""Liveness and readiness probes, outside /api/v1 and not traced."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from parla.gateway.deps import Clients
from parla.gateway.errors import OrjsonResponse
from parla.gateway.schemas import HealthOut

router = APIRouter(tags=["health"])

_ALIVE = b'{"status":"ok"}'


async def livez(_request: Request) -> Response:
    """200 while the gateway process serves requests; asks no other service (liveness).

    A plain Starlette route, added to the app itself (``create_app``): it has no parameters to
    validate and no model to serialise, so it skips FastAPI's request handling, and a probe
    polled every second costs next to nothing."""
    return Response(_ALIVE, media_type="application/json")


@router.get("/healthz", responses={200: {"model": HealthOut}, 503: {"model": HealthOut}})
async def healthz(clients: Clients) -> OrjsonResponse:
    """200 when every service answers its gRPC health check with SERVING."""
    services = await clients.health()
    healthy = all(status == "SERVING" for status in services.values())
    body = HealthOut(status="ok" if healthy else "degraded", services=services)
    return OrjsonResponse(body.model_dump(), status_code=200 if healthy else 503)
