"""The one rule for when the offline engine answers instead of the AI provider: one test per reason."""

from __future__ import annotations

from parla.persona.fallback import Fallback, fallback_for
from parla.persona.tutor import Deadline, ProviderAnswerUnusable, ProviderOutOfTime, ProviderUnreachable


def test_with_budget_and_time_the_provider_is_asked():
    assert fallback_for(deadline=Deadline.within(30)) is None
    assert fallback_for() is None


def test_over_budget_the_offline_tutor_answers():
    assert fallback_for(within_budget=False, deadline=Deadline.within(30)) is Fallback.OVER_BUDGET


def test_over_budget_is_the_reason_given_even_when_time_is_short_too():
    assert fallback_for(within_budget=False, deadline=Deadline.within(0)) is Fallback.OVER_BUDGET


def test_a_provider_that_cannot_be_reached_hands_over():
    assert fallback_for(failure=ProviderUnreachable("connection refused")) is Fallback.UNREACHABLE


def test_a_provider_whose_answers_are_unusable_hands_over():
    assert fallback_for(failure=ProviderAnswerUnusable("not JSON")) is Fallback.UNUSABLE


def test_with_the_deadline_near_the_provider_is_not_asked():
    assert fallback_for(deadline=Deadline.within(0.05)) is Fallback.OUT_OF_TIME


def test_a_provider_that_ran_out_of_time_or_was_cut_off_at_the_deadline_hands_over():
    assert fallback_for(failure=ProviderOutOfTime("no time for another request")) is Fallback.OUT_OF_TIME
    assert fallback_for(failure=TimeoutError()) is Fallback.OUT_OF_TIME


def test_every_reason_tells_the_learner_the_built_in_tutor_answered():
    assert all("built-in tutor answered" in reason.notice for reason in Fallback)
    assert len({reason.notice for reason in Fallback}) == len(Fallback)
