from __future__ import annotations

from parla.chassis.settings import ServiceSettings


class ContentSettings(ServiceSettings):
    service_name: str = "content"
    grpc_port: int = 50052
