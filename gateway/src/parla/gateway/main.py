"""Composition root of the API gateway: ``python -m parla.gateway.main``."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, MutableMapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from prometheus_client import CollectorRegistry

from parla.chassis.auth import TokenVerifier
from parla.chassis.checkpoint import checkpoints_for
from parla.chassis.db import Database, make_engine
from parla.chassis.logging import configure_logging, get_logger
from parla.chassis.metrics import DatabaseMetrics, HttpMetrics, OutboxMetrics, serve_metrics
from parla.chassis.migrations import migrate
from parla.chassis.parent import stop_with_parent
from parla.chassis.relay import OutboxRelay
from parla.chassis.runtime import freeze_startup_objects, run_command
from parla.chassis.telemetry import setup_tracing, shutdown_tracing
from parla.gateway.clients import ServiceClients
from parla.gateway.config import GatewaySettings
from parla.gateway.deps import RateLimit
from parla.gateway.document_schemas import MAX_UPLOAD_BODY_BYTES
from parla.gateway.errors import OrjsonResponse, install_error_handlers
from parla.gateway.middleware import BodySizeLimit, RequestMetrics, SecurityHeaders
from parla.gateway.routes import (
    asyncapi,
    auth,
    authoring,
    bookmarks,
    budgets,
    cards,
    collections,
    discover,
    documents,
    gamification,
    health,
    me,
    personas,
    progress,
    ratings,
    review,
    runs,
    scenarios,
    tags,
    words,
)
from parla.gateway.schemas import ERROR_RESPONSES
from parla.gateway.security import TokenIssuer
from parla.gateway.service import AuthService
from parla.gateway.web import SinglePageApp

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


PROBES = frozenset({"/livez", "/healthz"})


def _is_probe(scope: MutableMapping[str, Any]) -> bool:
    return scope["path"] in PROBES


def _api() -> APIRouter:
    api = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES)
    for router in (
        auth.router,
        me.router,
        personas.router,
        budgets.router,
        budgets.admin_router,
        authoring.router,
        authoring.templates_router,
        scenarios.router,
        scenarios.categories_router,
        runs.router,
        progress.router,
        review.router,
        review.reviews_router,
        cards.router,
        documents.router,
        words.router,
        collections.router,
        tags.router,
        bookmarks.router,
        ratings.router,
        discover.router,
        gamification.router,
    ):
        api.include_router(router)
    return api


def create_app(settings: GatewaySettings, *, run_relay: bool = True, freeze_at_start: bool = False) -> FastAPI:
    """The gateway app. ``run_relay=False`` leaves the outbox to be published by someone else
    (tests of the HTTP surface that run without a broker); ``freeze_at_start`` is for the
    process's own app (see ``parla.chassis.runtime.freeze_startup_objects``). Its Prometheus
    metrics are in ``app.state.metrics``, served on ``settings.metrics_port`` when it is set."""
    registry = CollectorRegistry()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        url = settings.resolved_database_url()
        if settings.migrate_on_start:
            await migrate(url, MIGRATIONS)
        db = Database(make_engine(url))
        issuer = TokenIssuer(settings.jwt_private_key(), issuer=settings.jwt_issuer, access_minutes=settings.access_token_minutes)
        app.state.db = db
        DatabaseMetrics(db, registry)
        app.state.auth = AuthService(db=db, issuer=issuer, refresh_days=settings.refresh_token_days)
        app.state.verifier = TokenVerifier(settings.jwt_public_key(), issuer=settings.jwt_issuer)
        app.state.clients = ServiceClients.connect(
            settings.service_addresses(),
            deadline=settings.grpc_deadline_seconds,
            turn_deadline=settings.turn_deadline_seconds,
            work_deadline=settings.work_deadline_seconds,
        )
        app.state.auth_rate_limit = RateLimit(settings.auth_rate_limit, "authentication")
        relay = OutboxRelay(
            db=db,
            bootstrap_servers=settings.kafka_bootstrap_servers,
            service="gateway",
            poll_seconds=settings.outbox_poll_seconds,
            metrics=OutboxMetrics(registry),
        )
        relay_task = asyncio.create_task(relay.run(), name="outbox relay") if run_relay else None
        if relay_task is not None:
            relay_task.add_done_callback(_stop_process_unless_stopping)
        checkpoints = checkpoints_for(url)
        checkpoints_task = asyncio.create_task(checkpoints.run(), name="checkpoints") if checkpoints else None
        if settings.metrics_port:
            serve_metrics(registry, settings.http_host, settings.metrics_port)
        if freeze_at_start:
            freeze_startup_objects()
        log.info("gateway ready", port=settings.http_port)
        try:
            yield
        finally:
            relay.stop()
            if checkpoints is not None and checkpoints_task is not None:
                checkpoints.stop()
                await checkpoints_task
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
        default_response_class=OrjsonResponse,
        # FastAPI's own OpenTelemetry: one server span per request, named after its route, child
        # of the caller's traceparent. Probes are not traced, and no spans are made for the
        # steps inside a request (dependencies, endpoint, serialisation).
        telemetry={"exclude": _is_probe, "operation_spans": False},
    )
    app.state.asyncapi_ui_dir = settings.asyncapi_ui_dir
    app.state.metrics = registry
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES, larger={"/api/v1/content": MAX_UPLOAD_BODY_BYTES})
    if settings.cors_origins:  # an allow-list: no wildcard, credentials only by the Authorization header
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type"],
            max_age=600,
        )
    app.add_middleware(SecurityHeaders)
    # Outermost: a request refused for its size is counted too.
    app.add_middleware(RequestMetrics, metrics=HttpMetrics(registry))
    # Probes first: routes are matched in order, and a probe should not be tried against every
    # API route before its own.
    app.add_route("/livez", health.livez, methods=["GET"], include_in_schema=False)
    app.include_router(health.router)
    app.include_router(asyncapi.router)
    app.include_router(_api())
    web = settings.web_dir if settings.web_dir.is_dir() else settings.web_fallback_dir
    if web.is_dir():
        app.mount("/", SinglePageApp(directory=web, html=True), name="web")
    return app


def server_options(settings: GatewaySettings) -> dict[str, Any]:
    """How uvicorn serves the gateway."""
    return {
        "host": settings.http_host,
        "port": settings.http_port,
        "log_config": None,
        # Off unless PARLA_ACCESS_LOG=true: a log line per request costs more than a cheap route.
        "access_log": settings.access_log,
        "timeout_graceful_shutdown": 10,
        "proxy_headers": True,
        "forwarded_allow_ips": settings.forwarded_allow_ips,
    }


def main() -> None:
    settings = GatewaySettings()
    configure_logging(settings.service_name, settings.log_level, settings.log_json)
    if run_command(settings, MIGRATIONS, sys.argv[1:]):  # `migrate`: apply the migrations and exit
        return
    setup_tracing(settings.service_name)
    stop_with_parent(settings.parent_pid)
    try:
        uvicorn.run(create_app(settings, freeze_at_start=True), **server_options(settings))
    finally:
        shutdown_tracing()


if __name__ == "__main__":
    main()
