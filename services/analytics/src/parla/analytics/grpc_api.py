"""gRPC servicer: translates messages and delegates to ``ProgressService``."""

from __future__ import annotations

from parla.analytics.db import LearningSessionRow
from parla.analytics.service import ProgressService
from parla.chassis.auth import principal
from parla.chassis.grpc_server import timestamp
from parla.contracts.rpc.analytics.v1 import progress_pb2 as pb
from parla.contracts.rpc.analytics.v1 import progress_pb2_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["ProgressService"].full_name
add_to_server = progress_pb2_grpc.add_ProgressServiceServicer_to_server


def session_message(row: LearningSessionRow) -> pb.LearningSession:
    return pb.LearningSession(
        id=str(row.id),
        kind=row.kind,
        subject_id=row.subject_id,
        run_id=str(row.run_id or ""),
        language=row.language,
        duration_seconds=row.duration_seconds,
        items=row.items,
        accuracy=row.accuracy,
        score=row.score,
        ended_at=timestamp(row.ended_at),
    )


class ProgressServicer(progress_pb2_grpc.ProgressServiceServicer):
    def __init__(self, service: ProgressService) -> None:
        self._service = service

    async def GetProgress(self, request: pb.GetProgressRequest, context) -> pb.Progress:
        report = await self._service.progress(principal(), recent_limit=request.recent_limit)
        return pb.Progress(
            scenarios_completed=report.scenarios_completed,
            scenarios_started=report.scenarios_started,
            total_study_seconds=report.total_study_seconds,
            average_score=report.average_score,
            recent_sessions=[session_message(s) for s in report.recent_sessions],
        )
