from __future__ import annotations

import itertools
from collections.abc import AsyncIterator

import httpx
import pytest

from parla.gateway.config import GatewaySettings
from parla.gateway.main import create_app

_database_names = itertools.count()


@pytest.fixture
def gateway_settings(backend, request, tmp_path, signing_keys) -> GatewaySettings:
    private, public = tmp_path / "private.pem", tmp_path / "public.pem"
    private.write_bytes(signing_keys.private_pem)
    public.write_bytes(signing_keys.public_pem)
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'gateway.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"test_gateway_{next(_database_names)}")
    return GatewaySettings(
        database_url=url,
        jwt_private_key_file=private,
        jwt_public_key_file=public,
        auth_rate_limit="1000/minute",
        # Nothing listens here: routes that need a service answer 503, which one test checks.
        scenario_addr="127.0.0.1:9",
        grpc_deadline_seconds=1.0,
    )


@pytest.fixture
async def client(gateway_settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(gateway_settings, run_relay=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as client:
            client.app = app  # type: ignore[attr-defined]
            yield client
