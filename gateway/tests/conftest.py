from __future__ import annotations

import itertools
from collections.abc import AsyncIterator

import httpx
import pytest

from parla.gateway.config import GatewaySettings
from parla.gateway.main import create_app

from .fakes import FakeServices

_database_names = itertools.count()


DEFAULT_DEADLINE = 4.0


def _settings(tmp_path, signing_keys, database_url: str, **overrides) -> GatewaySettings:
    private, public = tmp_path / "private.pem", tmp_path / "public.pem"
    private.write_bytes(signing_keys.private_pem)
    public.write_bytes(signing_keys.public_pem)
    return GatewaySettings(
        database_url=database_url,
        jwt_private_key_file=private,
        jwt_public_key_file=public,
        auth_rate_limit="1000/minute",
        # Generous enough for a route's two calls to the fake services on a loaded 2-core CI
        # machine (1 s was not), and still apart from the turn deadline (8 s) the tests tell from it.
        grpc_deadline_seconds=DEFAULT_DEADLINE,
        **overrides,
    )


@pytest.fixture
def gateway_settings(backend, request, tmp_path, signing_keys) -> GatewaySettings:
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'gateway.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"test_gateway_{next(_database_names)}")
    # Nothing listens here: routes that need a service answer 503, which one test checks.
    return _settings(tmp_path, signing_keys, url, scenario_addr="127.0.0.1:9")


async def _client_of(settings: GatewaySettings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, run_relay=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
            client.app = app  # type: ignore[attr-defined]
            yield client


@pytest.fixture
async def client(gateway_settings) -> AsyncIterator[httpx.AsyncClient]:
    async for client in _client_of(gateway_settings):
        yield client


@pytest.fixture(scope="module")
async def _fake_services() -> AsyncIterator[FakeServices]:
    fake = FakeServices()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
def services(_fake_services: FakeServices) -> FakeServices:
    """The fake services, with nothing recorded and no answers given yet."""
    _fake_services.forget()
    return _fake_services


@pytest.fixture(scope="module")
async def _gateway(tmp_path_factory, signing_keys, _fake_services: FakeServices) -> AsyncIterator[httpx.AsyncClient]:
    # One gateway per test module: starting one (its database migrated) costs half a second, and
    # these tests read only what reaches the services, which ``services`` clears for each test.
    folder = tmp_path_factory.mktemp("gateway")
    settings = _settings(
        folder,
        signing_keys,
        f"sqlite+aiosqlite:///{folder / 'gateway.db'}",
        scenario_addr=_fake_services.address,
        persona_addr=_fake_services.address,
        content_addr=_fake_services.address,
        organization_addr=_fake_services.address,
        analytics_addr=_fake_services.address,
        turn_deadline_seconds=8.0,
    )
    async for client in _client_of(settings):
        yield client


@pytest.fixture
def gateway(_gateway: httpx.AsyncClient, services: FakeServices) -> httpx.AsyncClient:
    """The gateway in front of fake services (what reaches a service is what the tests read).
    Its own database is SQLite: these tests are about the calls, not about storage."""
    return _gateway
