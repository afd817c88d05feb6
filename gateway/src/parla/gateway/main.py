"""Composition root of the API gateway: ``python -m parla.gateway.main``."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import uvicorn
from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

from parla.chassis.auth import TokenVerifier
from parla.chassis.db import Database, make_engine
from parla.chassis.logging import configure_logging, get_logger
from parla.chassis.messaging import OutboxRelay
from parla.chassis.migrations import migrate
from parla.chassis.telemetry import setup_tracing, shutdown_tracing
from parla.gateway.clients import ServiceClients
from parla.gateway.config import GatewaySettings
from parla.gateway.deps import RateLimit
from parla.gateway.errors import error_body, install_error_handlers
from parla.gateway.routes import auth, authoring, budgets, me, personas, progress, review, runs, scenarios
from parla.gateway.schemas import HealthOut
from parla.gateway.security import TokenIssuer
from parla.gateway.service import AuthService

MIGRATIONS = Path(__file__).parent / "migrations"
# Large enough for any valid request (a 10 MB field still gets its 422 with the field named).
MAX_BODY_BYTES = 16 * 2**20
log = get_logger(__name__)


def _stop_process_unless_stopping(task: asyncio.Task) -> None:
    """The relay ended while the gateway serves: events would pile up unsent. Stop the process
    (SIGTERM, so uvicorn shuts down cleanly) and let the supervisor start a healthy one."""
    reason = "cancelled" if task.cancelled() else repr(task.exception())
    log.error("outbox relay ended unexpectedly; stopping the gateway", error=reason)
    os.kill(os.getpid(), signal.SIGTERM)


def create_app(settings: GatewaySettings, *, run_relay: bool = True) -> FastAPI:
    """The gateway app. ``run_relay=False`` leaves the outbox to be published by someone else
    (tests of the HTTP surface that run without a broker)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        url = settings.resolved_database_url()
        await migrate(url, MIGRATIONS)
        db = Database(make_engine(url))
        issuer = TokenIssuer(settings.jwt_private_key(), issuer=settings.jwt_issuer, access_minutes=settings.access_token_minutes)
        app.state.db = db
        app.state.auth = AuthService(db=db, issuer=issuer, refresh_days=settings.refresh_token_days)
        app.state.verifier = TokenVerifier(settings.jwt_public_key(), issuer=settings.jwt_issuer)
        app.state.clients = ServiceClients.connect(
            settings.service_addresses(),
            deadline=settings.grpc_deadline_seconds,
            turn_deadline=settings.turn_deadline_seconds,
        )
        app.state.auth_rate_limit = RateLimit(settings.auth_rate_limit, "authentication")
        relay = OutboxRelay(
            db=db,
            bootstrap_servers=settings.kafka_bootstrap_servers,
            service="gateway",
            poll_seconds=settings.outbox_poll_seconds,
        )
        relay_task = asyncio.create_task(relay.run(), name="outbox relay") if run_relay else None
        if relay_task is not None:
            relay_task.add_done_callback(_stop_process_unless_stopping)
        log.info("gateway ready", port=settings.http_port)
        try:
            yield
        finally:
            relay.stop()
            if relay_task is not None:
                relay_task.remove_done_callback(_stop_process_unless_stopping)
                _, pending = await asyncio.wait([relay_task], timeout=10)
                for task in pending:
                    task.cancel()
            await app.state.clients.close()
            await db.dispose()

    app = FastAPI(
        title="Parla API",
        version="1",
        description="Scenario role-play, study material from your own documents, and FSRS review.",
        lifespan=lifespan,
        docs_url="/docs",
        openapi_url="/api/v1/openapi.json",
    )
    install_error_handlers(app)

    @app.middleware("http")
    async def limit_body_size(request: Request, call_next):
        # Bounds memory before any parsing: a declared body over the limit is refused outright.
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            body = error_body("payload_too_large", f"the request body is over {MAX_BODY_BYTES // 2**20} MiB; send less")
            return JSONResponse(body, status_code=413)
        return await call_next(request)

    api = APIRouter(prefix="/api/v1")
    for router in (
        auth.router,
        me.router,
        personas.router,
        budgets.router,
        authoring.router,
        authoring.templates_router,
        scenarios.router,
        scenarios.categories_router,
        runs.router,
        progress.router,
        review.router,
    ):
        api.include_router(router)
    app.include_router(api)

    @app.get("/livez", tags=["health"])
    async def livez() -> dict[str, str]:
        """200 while the gateway process serves requests; asks no other service (liveness)."""
        return {"status": "ok"}

    @app.get("/healthz", tags=["health"], responses={503: {"model": HealthOut}})
    async def healthz() -> JSONResponse:
        """200 when every service answers its gRPC health check with SERVING."""
        services = await app.state.clients.health()
        healthy = all(status == "SERVING" for status in services.values())
        body = HealthOut(status="ok" if healthy else "degraded", services=services)
        return JSONResponse(body.model_dump(), status_code=200 if healthy else 503)

    if settings.web_dir.is_dir():
        app.mount("/", StaticFiles(directory=settings.web_dir, html=True), name="web")
    FastAPIInstrumentor.instrument_app(app, excluded_urls="healthz,livez")
    return app


def main() -> None:
    settings = GatewaySettings()
    configure_logging(settings.service_name, settings.log_level, settings.log_json)
    setup_tracing(settings.service_name)
    try:
        uvicorn.run(
            create_app(settings),
            host=settings.http_host,
            port=settings.http_port,
            log_config=None,
            timeout_graceful_shutdown=10,
            proxy_headers=True,
            forwarded_allow_ips=settings.forwarded_allow_ips,
        )
    finally:
        shutdown_tracing()


if __name__ == "__main__":
    main()
