"""Errors a use case raises, each with a message a person can act on.

The gRPC layer turns them into status codes (and the gateway into HTTP statuses), so use cases
never deal with transport details.
"""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    code = "internal"

    def __init__(self, message: str, *, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class InvalidArgument(ServiceError):
    code = "invalid_argument"


class NotFound(ServiceError):
    code = "not_found"


class PermissionDenied(ServiceError):
    code = "permission_denied"


class Unauthenticated(ServiceError):
    code = "unauthenticated"


class Conflict(ServiceError):
    """The request contradicts the current state (e.g. a turn on a completed run)."""

    code = "failed_precondition"


def one_of(value: str, allowed: tuple[str, ...], field: str) -> str:
    """``value`` if it is one of ``allowed``; otherwise InvalidArgument naming the choices."""
    if value not in allowed:
        raise InvalidArgument(f"unknown {field} {value!r}; use one of {', '.join(allowed)}", details={field: f"unknown {field}"})
    return value
