"""gRPC servicer of the dashboard: translates messages and delegates to ``DashboardService``."""

from __future__ import annotations

from google.protobuf.wrappers_pb2 import DoubleValue

from parla.analytics.dashboard.service import DashboardService
from parla.chassis.auth import principal
from parla.contracts.rpc.analytics.v1 import dashboard_pb2 as pb
from parla.contracts.rpc.analytics.v1 import dashboard_pb2_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["DashboardService"].full_name
add_to_server = dashboard_pb2_grpc.add_DashboardServiceServicer_to_server


def _maybe(value: float | None) -> DoubleValue | None:
    return DoubleValue(value=value) if value is not None else None


class DashboardServicer(dashboard_pb2_grpc.DashboardServiceServicer):
    def __init__(self, service: DashboardService) -> None:
        self._service = service

    async def GetDashboard(self, request: pb.GetDashboardRequest, context) -> pb.Dashboard:
        board = await self._service.dashboard(principal().user_id, days=request.days)
        return pb.Dashboard(
            days=[
                pb.Day(
                    day=row.day.isoformat(),
                    minutes=round(row.study_seconds / 60),
                    scenarios=row.scenarios,
                    documents=row.documents,
                    reviews=row.reviews,
                    xp=row.xp,
                )
                for row in board.days
            ],
            skills=[
                pb.SkillLevel(
                    skill=s.name,
                    level=_maybe(s.level),
                    trend=_maybe(s.trend),
                    samples=s.samples,
                    days=[
                        pb.SkillDay(day=day.isoformat(), mean=mean, samples=count)
                        for day, mean, count in board.skill_series.get(s.name, [])
                    ],
                )
                for s in board.skills
            ],
            retention=pb.Retention(
                reviews=board.due_reviews,
                true_retention=_maybe(board.true_retention),
                calibration=[
                    pb.CalibrationBin(
                        bin=row.bin,
                        reviews=row.reviews,
                        predicted=round(row.predicted / row.reviews, 4) if row.reviews else 0.0,
                        actual=round(row.recalled / row.reviews, 4) if row.reviews else 0.0,
                    )
                    for row in board.calibration
                ],
            ),
            missed_words=[pb.WeakSpot(key=w.key, language=w.language, times=w.times) for w in board.missed_words],
            grammar_points=[pb.WeakSpot(key=w.key, language=w.language, times=w.times) for w in board.grammar_points],
            weak_categories=[
                pb.WeakCategory(category=w.category, mean_score=w.mean_score, scenarios=w.scenarios)
                for w in board.weak_categories
            ],
            effective=[
                pb.Effect(
                    kind=e.kind,
                    subject_id=e.subject_id,
                    title=e.title,
                    skill=e.skill,
                    sessions=e.sessions,
                    first=e.first,
                    latest=e.latest,
                    gain=e.gain,
                )
                for e in board.effective
            ],
        )
