from __future__ import annotations

from parla.chassis.settings import ServiceSettings


class AnalyticsSettings(ServiceSettings):
    service_name: str = "analytics"
    grpc_port: int = 50055
