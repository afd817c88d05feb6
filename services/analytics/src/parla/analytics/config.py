from __future__ import annotations

from pydantic import Field

from parla.chassis.settings import ServiceSettings


class AnalyticsSettings(ServiceSettings):
    service_name: str = "analytics"
    grpc_port: int = 50055
    # Trending engagement halves every this many hours (at least 24; changing it needs a rebuild).
    trending_half_life_hours: float = Field(default=72.0, ge=24.0)
    # A scenario is top rated with at least this many ratings.
    top_rated_minimum_ratings: int = Field(default=5, ge=1)
