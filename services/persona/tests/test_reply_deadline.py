"""A reply's time: the caller's deadline, capped, less a margin, shared by the provider's requests;
the settings that shape it are checked when the service starts."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from parla.chassis.deadlines import answering_within
from parla.persona.config import PersonaSettings
from parla.persona.grpc_api import provider_deadline
from parla.persona.tutor import Deadline


def test_the_provider_gets_what_the_caller_allows_less_the_margin():
    with answering_within(6.0):
        remaining = provider_deadline(longest=15.0, margin=0.5).remaining()
    assert 0 < remaining <= 5.5


def test_a_caller_that_allows_more_than_the_longest_reply_gets_the_longest():
    with answering_within(600.0):
        assert provider_deadline(longest=15.0, margin=0.5).remaining() <= 14.5


def test_a_caller_without_a_deadline_gets_the_longest_reply_less_the_margin():
    remaining = provider_deadline(longest=15.0, margin=0.5).remaining()
    assert 10 < remaining <= 14.5


def test_a_call_whose_time_is_gone_leaves_the_provider_too_little_to_be_asked():
    with answering_within(0.3):
        assert provider_deadline(longest=15.0, margin=0.5).too_near()


def test_no_deadline_never_runs_out():
    assert not Deadline.never().too_near() and Deadline.never().timeout() is None


def test_the_defaults_fit_the_scenario_services_six_seconds():
    settings = PersonaSettings()
    assert settings.tutor_reply_margin_seconds < 6.0 <= settings.tutor_reply_max_seconds
    assert settings.ai_max_retries >= 1


@pytest.mark.parametrize(
    "bad",
    [
        {"tutor_reply_margin_seconds": 20.0, "tutor_reply_max_seconds": 15.0},
        {"tutor_reply_margin_seconds": 0.0},
        {"ai_timeout_seconds": 0},
        {"ai_max_retries": -1},
        {"ai_max_retries": 6},
    ],
)
def test_settings_that_leave_no_time_or_wait_forever_are_refused(bad):
    with pytest.raises(ValidationError):
        PersonaSettings(**bad)
