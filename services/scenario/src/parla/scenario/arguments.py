"""Checks of request arguments that the scenario service's use cases share: a 4xx that names
the field and says what to send instead."""

from __future__ import annotations

from parla.chassis.errors import InvalidArgument, one_of
from parla.scenario.domain.scenario import LANGUAGES, ScenarioSpec

MAX_PAGE = 100


def known(value: str, allowed: tuple[str, ...], field: str) -> str | None:
    """``value`` if it is one of ``allowed``, None if empty; otherwise a 4xx naming the choices."""
    return one_of(value, allowed, field) if value else None


def page(limit: int, offset: int) -> tuple[int, int]:
    """(limit, offset) of a list request: 20 by default, never more than MAX_PAGE."""
    if limit < 0 or offset < 0:
        raise InvalidArgument("limit and offset must not be negative")
    return min(limit or 20, MAX_PAGE), offset


def language_of(spec: ScenarioSpec, language: str) -> str:
    """The language to open ``spec`` in: the one asked for if the scenario has it, else its default."""
    if not language:
        return spec.default_language
    known(language, LANGUAGES, "language")
    if language not in spec.localizations:
        raise InvalidArgument(
            f"scenario {spec.id!r} is not available in {language!r}; it is in {', '.join(spec.languages)}",
            details={"language": "not available for this scenario"},
        )
    return language
