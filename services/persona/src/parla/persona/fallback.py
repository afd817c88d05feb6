"""The one rule for when the offline engine answers a turn instead of the AI provider, and why.

A learner is never left without a reply: over an enforced budget, with the provider down, with
only unusable answers from it, or with too little time left before the call's deadline, the
offline engine answers in the persona's voice and the reply carries a notice that says why.
"""

from __future__ import annotations

from enum import Enum

from parla.persona.tutor import (
    Deadline,
    ProviderAnswerUnusable,
    ProviderFailure,
    ProviderOutOfTime,
    ProviderUnreachable,
)


class Fallback(Enum):
    """Why the offline engine answered; the value is the notice the learner reads."""

    OVER_BUDGET = "You have reached your AI budget for this period, so the built-in tutor answered this turn."
    UNREACHABLE = "The AI tutor could not be reached, so the built-in tutor answered this turn."
    UNUSABLE = "The AI tutor's answer could not be used, so the built-in tutor answered this turn."
    OUT_OF_TIME = "The AI tutor took too long to answer, so the built-in tutor answered this turn."

    @property
    def notice(self) -> str:
        return self.value


def fallback_for(
    *,
    within_budget: bool = True,
    deadline: Deadline | None = None,
    failure: ProviderFailure | TimeoutError | None = None,
) -> Fallback | None:
    """Whether the offline engine answers instead of the provider, and why; None: go on.

    Asked with what is known at each step of a paid reply: before asking for budget (is there
    time?), after (was it granted?), and after the provider failed (how?). A ``TimeoutError``
    is the reply's own time running out around the provider, whatever the provider was doing.
    """
    if not within_budget:
        return Fallback.OVER_BUDGET
    if isinstance(failure, ProviderAnswerUnusable):
        return Fallback.UNUSABLE
    if isinstance(failure, ProviderUnreachable):
        return Fallback.UNREACHABLE
    if isinstance(failure, ProviderOutOfTime | TimeoutError):
        return Fallback.OUT_OF_TIME
    if failure is not None:
        return Fallback.UNREACHABLE  # a failure kind added later still gets the learner a reply
    if deadline is not None and deadline.too_near():
        return Fallback.OUT_OF_TIME
    return None
