"""The gateway's door, over every operation of its own OpenAPI document: no token, a bad token or
the wrong role never gets past it; a token is refused for every way a JWT can be forged or
misused; and every answer carries the security headers, CORS only for the origins allowed."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization

from parla.chassis.auth import AUDIENCE
from parla.devstack.testing import new_signing_keys
from parla.gateway.config import GatewaySettings
from parla.gateway.main import create_app

from .conftest import _client_of

DOCUMENT = create_app(GatewaySettings()).openapi()
OPERATIONS = [(method.upper(), path, spec) for path, item in DOCUMENT["paths"].items() for method, spec in item.items()]
# Signing in and the readiness probe (operators' load balancers) need no token; nothing else.
PUBLIC = {"/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/healthz"}
SIGNED = [(method, path) for method, path, spec in OPERATIONS if spec.get("security")]
ADMIN = [(method, path) for method, path in SIGNED if path.startswith("/api/v1/admin/")]


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), path)


def test_every_operation_but_signing_in_needs_a_token():
    unsigned = {path for method, path, spec in OPERATIONS if not spec.get("security")}
    assert unsigned == PUBLIC
    assert len(SIGNED) > 100 and ADMIN


@pytest.mark.parametrize(("method", "path"), SIGNED, ids=[f"{m} {p}" for m, p in SIGNED])
async def test_no_token_is_a_401_that_names_the_scheme_on_every_signed_operation(gateway, services, method, path):
    answer = await gateway.request(method, concrete(path), json={})
    assert answer.status_code == 401, answer.text
    assert answer.headers["www-authenticate"] == "Bearer" and answer.json()["error"]["code"] == "unauthenticated"
    assert services.calls == []  # refused at the door: no service was asked


@pytest.mark.parametrize(("method", "path"), ADMIN, ids=[f"{m} {p}" for m, p in ADMIN])
async def test_a_learner_is_refused_every_admin_operation_before_its_body_is_read(gateway, services, signing_keys, method, path):
    learner = {"Authorization": f"Bearer {signing_keys.token(str(uuid.uuid4()))}"}
    answer = await gateway.request(method, concrete(path), json={"deeply": {"nested": ["x" * 10] * 50}}, headers=learner)
    assert answer.status_code == 403, answer.text
    assert services.calls == []


@pytest.mark.parametrize(("method", "path"), ADMIN, ids=[f"{m} {p}" for m, p in ADMIN])
async def test_an_admin_passes_the_door_of_every_admin_operation(gateway, services, signing_keys, method, path):
    admin = {"Authorization": f"Bearer {signing_keys.token(str(uuid.uuid4()), roles=('learner', 'admin'))}"}
    answer = await gateway.request(method, concrete(path), json={}, headers=admin)
    # Past the door: the service is asked (the fake answers "not found"), or the body is judged.
    assert answer.status_code in (404, 422), answer.text
    assert services.calls or answer.status_code == 422


def forged(signing_keys, **changes) -> str:
    """A token like the gateway's, with ``changes`` to its claims (None removes one)."""
    now = datetime.now(UTC)
    claims = {"sub": str(uuid.uuid4()), "roles": ["learner"], "typ": "access", "iss": "parla", "aud": AUDIENCE}
    claims |= {"iat": now, "exp": now + timedelta(minutes=5)}
    claims |= changes
    claims = {key: value for key, value in claims.items() if value is not None}
    return jwt.encode(claims, serialization.load_pem_private_key(signing_keys.private_pem, None), algorithm="EdDSA")


def unsigned(signing_keys) -> str:
    token = forged(signing_keys)
    header, payload, _ = token.split(".")
    none_header = jwt.utils.base64url_encode(b'{"alg":"none","typ":"JWT"}').decode()
    assert header != none_header
    return f"{none_header}.{payload}."


def key_confusion(signing_keys) -> str:
    """HS256 with the public key as the shared secret: the classic algorithm-confusion attack."""
    now = int(datetime.now(UTC).timestamp())
    claims = {"sub": "x", "typ": "access", "iss": "parla", "aud": AUDIENCE, "iat": now, "exp": now + 300}
    header = jwt.utils.base64url_encode(b'{"alg":"HS256","typ":"JWT"}').decode()
    payload = jwt.utils.base64url_encode(json.dumps(claims).encode()).decode()
    signature = hmac.new(signing_keys.public_pem, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{jwt.utils.base64url_encode(signature).decode()}"


BAD_TOKENS = {
    "the none algorithm": unsigned,
    "HS256 signed with the public key": key_confusion,
    "another key": lambda keys: new_signing_keys().token(str(uuid.uuid4())),
    "expired": lambda keys: forged(keys, exp=datetime.now(UTC) - timedelta(seconds=30)),
    "not yet valid": lambda keys: forged(keys, nbf=datetime.now(UTC) + timedelta(minutes=10)),
    "another issuer": lambda keys: forged(keys, iss="someone-else"),
    "another audience": lambda keys: forged(keys, aud="another-api"),
    "no audience": lambda keys: forged(keys, aud=None),
    "no subject": lambda keys: forged(keys, sub=None),
    "a refresh token": lambda keys: keys.token(str(uuid.uuid4()), token_type="refresh"),
    "not a JWT": lambda keys: "not.a.token",
    "a tampered payload": lambda keys: _tampered(keys),
}


def _tampered(signing_keys) -> str:
    header, payload, signature = forged(signing_keys).split(".")
    claims = jwt.utils.base64url_decode(payload).replace(b'"learner"', b'"admin"')
    return f"{header}.{jwt.utils.base64url_encode(claims).decode()}.{signature}"


@pytest.mark.parametrize("kind", list(BAD_TOKENS))
async def test_a_forged_or_misused_token_is_a_401(gateway, services, signing_keys, kind):
    token = BAD_TOKENS[kind](signing_keys)
    admin = f"/api/v1/admin/budgets/{uuid.uuid4()}"
    for method, path in (("GET", "/api/v1/me"), ("GET", "/api/v1/scenarios"), ("GET", admin)):
        answer = await gateway.request(method, path, headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 401, f"{kind} on {path}: {answer.status_code} {answer.text}"
    assert services.calls == []


async def test_every_answer_carries_the_security_headers(gateway):
    for path in ("/livez", "/api/v1/me", "/api/v1/nowhere", "/"):
        answer = await gateway.get(path)
        assert answer.headers["x-content-type-options"] == "nosniff", path
        assert answer.headers["x-frame-options"] == "DENY" and answer.headers["referrer-policy"] == "no-referrer"


async def test_no_other_origin_may_call_the_api_from_a_browser_by_default(gateway):
    preflight = await gateway.options(
        "/api/v1/scenarios", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in preflight.headers


async def test_only_the_allowed_origins_may(gateway_settings):
    settings = gateway_settings.model_copy(update={"cors_origins": ["https://app.example.org"]})
    async for client in _client_of(settings):
        asked = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"}
        allowed = await client.options("/api/v1/runs", headers={"Origin": "https://app.example.org", **asked})
        refused = await client.options("/api/v1/runs", headers={"Origin": "https://evil.example", **asked})
        assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == "https://app.example.org"
        assert "access-control-allow-origin" not in refused.headers
        plain: httpx.Response = await client.get("/livez", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in plain.headers


def _integers(schema: dict) -> list[dict]:
    if schema.get("type") == "integer":
        return [schema]
    return [found for option in schema.get("anyOf", []) for found in _integers(option)]


PARAMETERS = [
    (f"{method} {path} {parameter['name']}", parameter["schema"])
    for method, path, spec in OPERATIONS
    for parameter in spec.get("parameters", [])
]


@pytest.mark.parametrize(("where", "schema"), [p for p in PARAMETERS if _integers(p[1])], ids=lambda value: str(value)[:70])
def test_every_integer_parameter_is_bounded_within_what_a_service_field_holds(where, schema):
    # An unbounded one overflows the 32-bit field of the service's request: a 500, not the 422
    # that names the parameter (schemathesis found offset=5845931442108 on GET /api/v1/content).
    for integer in _integers(schema):
        assert "maximum" in integer and integer["maximum"] <= 2**31 - 1, where
