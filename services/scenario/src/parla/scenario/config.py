from __future__ import annotations

from parla.chassis.settings import ServiceSettings


class ScenarioSettings(ServiceSettings):
    service_name: str = "scenario"
    grpc_port: int = 50051
    # The persona service's TutorService answers every tutor turn.
    persona_addr: str = "127.0.0.1:50053"
    # The longest a turn waits for the persona service's tutor before the offline tutor answers
    # with a notice. It sits inside the gateway's deadline for a turn (10 s), and a call never
    # gets more than what the turn has left (parla.chassis.deadlines): a slow tutor ends in an
    # offline reply, not in the learner's 504.
    tutor_deadline_seconds: float = 6.0
