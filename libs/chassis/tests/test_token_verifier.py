"""Access tokens: verified once, remembered until they expire, never remembered when bad."""

from __future__ import annotations

import time
import uuid
from datetime import timedelta

import pytest

from parla.chassis.auth import TokenVerifier
from parla.chassis.errors import Unauthenticated
from parla.devstack.testing import tamper


def test_a_verified_token_is_remembered_until_it_expires_and_then_checked_again(signing_keys, monkeypatch):
    verifier = TokenVerifier(signing_keys.public_pem)
    subject = str(uuid.uuid4())
    token = signing_keys.token(subject, expires_in=timedelta(seconds=60))
    assert verifier.verify(token).subject == subject
    checks: list[str] = []

    def check_again(raw: str):
        checks.append(raw)
        raise Unauthenticated("the access token has expired")

    monkeypatch.setattr(verifier, "_verify_signed", check_again)
    assert verifier.verify(token).subject == subject and checks == []  # remembered: no second check
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    with pytest.raises(Unauthenticated):
        verifier.verify(token)
    assert checks == [token] and token not in verifier._verified


@pytest.mark.parametrize("spoil", [tamper, lambda token: token + "x"])
def test_a_bad_token_is_refused_every_time_and_never_remembered(signing_keys, spoil):
    verifier = TokenVerifier(signing_keys.public_pem)
    bad = spoil(signing_keys.token(str(uuid.uuid4())))
    for _ in range(2):
        with pytest.raises(Unauthenticated):
            verifier.verify(bad)
    assert bad not in verifier._verified


def test_the_memory_is_bounded(signing_keys):
    verifier = TokenVerifier(signing_keys.public_pem, cache_size=3)
    tokens = [signing_keys.token(str(uuid.uuid4())) for _ in range(5)]
    for token in tokens:
        verifier.verify(token)
    assert list(verifier._verified) == tokens[2:]
