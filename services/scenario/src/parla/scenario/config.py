from __future__ import annotations

from parla.chassis.settings import ServiceSettings


class ScenarioSettings(ServiceSettings):
    service_name: str = "scenario"
    grpc_port: int = 50051
