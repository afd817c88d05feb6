from __future__ import annotations

from parla.chassis.settings import ServiceSettings


class OrganizationSettings(ServiceSettings):
    service_name: str = "organization"
    grpc_port: int = 50054
