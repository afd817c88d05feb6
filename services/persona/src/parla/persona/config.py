from __future__ import annotations

from parla.chassis.settings import ServiceSettings


class PersonaSettings(ServiceSettings):
    service_name: str = "persona"
    grpc_port: int = 50053
