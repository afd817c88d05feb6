"""gRPC servicer of gamification: translates messages and delegates to ``GamificationService``."""

from __future__ import annotations

from google.protobuf.timestamp_pb2 import Timestamp

from parla.analytics.gamification import achievements
from parla.analytics.gamification.service import BoardEntry, GamificationService
from parla.chassis.auth import principal
from parla.contracts.rpc.analytics.v1 import gamification_pb2 as pb
from parla.contracts.rpc.analytics.v1 import gamification_pb2_grpc

SERVICE_NAME = pb.DESCRIPTOR.services_by_name["GamificationService"].full_name
add_to_server = gamification_pb2_grpc.add_GamificationServiceServicer_to_server


def _timestamp(at) -> Timestamp | None:
    if at is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(at)
    return stamp


def _entry(entry: BoardEntry) -> pb.LeaderboardEntry:
    return pb.LeaderboardEntry(rank=entry.rank, display_name=entry.display_name, xp=entry.xp, is_you=entry.is_you)


class GamificationServicer(gamification_pb2_grpc.GamificationServiceServicer):
    def __init__(self, service: GamificationService) -> None:
        self._service = service

    async def GetGamification(self, request: pb.GetGamificationRequest, context) -> pb.Gamification:
        standing = await self._service.standing(principal().user_id)
        return pb.Gamification(
            xp=standing.xp,
            level=standing.level,
            level_xp=standing.level_xp,
            next_level_xp=standing.next_level_xp,
            streak=pb.Streak(
                current=standing.streak.current,
                longest=standing.longest_streak,
                freezes=standing.streak.freezes,
                freezes_used=standing.freezes_used,
                done_today=standing.streak.done_today,
            ),
            achievements=[
                pb.Achievement(
                    code=a.code, title=a.title, description=a.description, unlocked_at=_timestamp(standing.unlocked.get(a.code))
                )
                for a in achievements.CATALOGUE
            ],
        )

    async def GetRunXp(self, request: pb.GetRunXpRequest, context) -> pb.RunXp:
        grant = await self._service.run_xp(principal().user_id, request.run_id)
        return pb.RunXp(
            run_id=str(grant.run_id),
            amount=grant.amount,
            multiplier_percent=grant.multiplier_percent,
            granted_at=_timestamp(grant.granted_at),
        )

    async def GetLeaderboard(self, request: pb.GetLeaderboardRequest, context) -> pb.Leaderboard:
        board = await self._service.leaderboard(
            principal().user_id, language=request.language, week=request.week, limit=request.limit, offset=request.offset
        )
        return pb.Leaderboard(
            week_start=board.week_start.isoformat(),
            language=board.language,
            entries=[_entry(e) for e in board.entries],
            has_more=board.has_more,
            you=_entry(board.you) if board.you is not None else None,
        )
