from __future__ import annotations

from parla.chassis.settings import ServiceSettings


class ScenarioSettings(ServiceSettings):
    service_name: str = "scenario"
    grpc_port: int = 50051
    # The persona service's TutorService answers every tutor turn.
    persona_addr: str = "127.0.0.1:50053"
    tutor_deadline_seconds: float = 5.0
