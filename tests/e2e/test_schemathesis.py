"""Generated requests over the whole public API (schemathesis, from the gateway's OpenAPI
document), signed in as a learner and as an admin: no answer is a 5xx, and every answer, errors
included, has the shape the document gives it.

The document is the gateway's own, built at collection (schemathesis makes one test per operation
from it then, before the stack runs); the first test checks that the running gateway serves the
same one at /api/v1/openapi.json. Bounded to a few examples per operation, so the run costs about
a minute. The auth routes are included: the e2e stack's sign-in rate limit is far above what this
run sends, so nothing here is locked out, and generated sign-ups only add accounts nobody uses."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from parla.gateway.config import GatewaySettings
from parla.gateway.main import create_app

pytestmark = pytest.mark.e2e

CHECKS = [not_a_server_error, response_schema_conformance]
CONFIG = {
    # Same cases on every run: a failure here reproduces, and CI does not change with the dice.
    "seed": 7,
    "request-timeout": 20,
    # `make security` raises it (PARLA_SCHEMATHESIS_EXAMPLES=25: over 2,000 cases in all).
    "generation": {
        "max-examples": int(os.environ.get("PARLA_SCHEMATHESIS_EXAMPLES", "8")),
        "database": "none",
        "deterministic": True,
    },
    "phases": {
        "coverage": {"enabled": True},
        # Values from earlier answers (real ids) would let generated requests change what other
        # e2e tests in this session use; random ids find the same errors.
        "fuzzing": {"extra-data-sources": {"responses": False}},
    },
    "operations": [
        # Each sign-up that passes validation hashes a password (argon2: slow by design), and the
        # coverage phase sends a hundred of them; a few random ones are enough.
        {"include-path": "/api/v1/auth/register", "phases": {"coverage": {"enabled": False}}},
        # Each document import that passes validation runs a job (extraction and analysis in the
        # content service's worker), and the coverage phase sends bodies of every boundary size
        # up to 5 million characters; the random phase covers the route.
        {"include-path": "/api/v1/content", "include-method": "POST", "phases": {"coverage": {"enabled": False}}},
    ],
}


def _register(client: httpx.Client, email: str) -> None:
    answer = client.post("/api/v1/auth/register", json={"email": email, "password": "a long password", "display_name": "Fuzzer"})
    assert answer.status_code == 201, answer.text


def _sign_in(client: httpx.Client, email: str) -> dict[str, str]:
    answer = client.post("/api/v1/auth/login", json={"email": email, "password": "a long password"})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


@pytest.fixture(scope="module")
def signed_in(stack) -> dict[str, dict[str, str]]:
    """Headers of a learner and of an admin made as an operator makes one (the CLI)."""
    learner, admin = (f"{who}-{uuid.uuid4().hex[:8]}@example.com" for who in ("learner", "admin"))
    with httpx.Client(base_url=stack.config.url(), timeout=20) as client:
        _register(client, learner)
        _register(client, admin)
        subprocess.run(
            [sys.executable, "-m", "parla.gateway.cli", "grant-role", "--email", admin, "--role", "admin"],
            env={**os.environ, "PARLA_DATABASE_URL": stack.config.database_urls["gateway"]},
            check=True,
            capture_output=True,
        )
        return {"learner": _sign_in(client, learner), "admin": _sign_in(client, admin)}


DOCUMENT = create_app(GatewaySettings()).openapi()
schema = schemathesis.openapi.from_dict(DOCUMENT, config=schemathesis.Config.from_dict(CONFIG))


def test_the_gateway_serves_the_document_these_tests_are_generated_from(stack):
    assert httpx.get(f"{stack.config.url()}/api/v1/openapi.json").json() == DOCUMENT


SENT: list[str] = []  # one entry per generated request, for the count the run reports


@pytest.fixture(scope="module", autouse=True)
def _count_cases() -> Iterator[None]:
    yield
    if SENT:
        print(f"\nschemathesis: {len(SENT):,} generated requests, as a learner and as an admin, none a 5xx or off its schema")


@schema.parametrize()
def test_as_a_learner_no_answer_is_a_5xx_or_off_its_schema(case, stack, signed_in):
    SENT.append(case.operation.label)
    case.call_and_validate(base_url=stack.config.url(), headers=signed_in["learner"], checks=CHECKS)


# The admin run leaves to the learner run what does not depend on who is signed in (signing in,
# and drafts, validated the same way whoever sends them) and authoring, where an admin may change
# or delete any scenario while other e2e tests in this session play the system ones.
@schema.exclude(tag=["auth", "authoring"]).parametrize()
def test_as_an_admin_no_answer_is_a_5xx_or_off_its_schema(case, stack, signed_in):
    SENT.append(case.operation.label)
    case.call_and_validate(base_url=stack.config.url(), headers=signed_in["admin"], checks=CHECKS)
