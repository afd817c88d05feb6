"""AI budgets (persona service): a learner's own, and admin configuration."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from parla.contracts.rpc.persona.v1 import budget_pb2 as pb
from parla.gateway.deps import Clients, CurrentUser
from parla.gateway.schemas import AdminBudgetIn, BudgetOut, BudgetResetIn, MyBudgetIn, UsageOut, from_message

router = APIRouter(tags=["budget"])


@router.get("/me/budget")
async def my_budget(caller: CurrentUser, clients: Clients) -> BudgetOut:
    """Your limit, period, what you spent in it, and the alert level."""
    answer = await clients.budgets.GetMyBudget(pb.GetMyBudgetRequest(), timeout=clients.deadline, metadata=caller.metadata)
    return from_message(BudgetOut, answer)


@router.get("/me/budget/usage")
async def my_usage(caller: CurrentUser, clients: Clients, limit: Annotated[int, Query(ge=1, le=200)] = 50) -> UsageOut:
    """Your AI calls, newest first, and the totals by provider."""
    answer = await clients.budgets.GetMyUsage(
        pb.GetMyUsageRequest(limit=limit), timeout=clients.deadline, metadata=caller.metadata
    )
    return from_message(UsageOut, answer)


@router.put("/me/budget")
async def set_my_budget(body: MyBudgetIn, caller: CurrentUser, clients: Clients) -> BudgetOut:
    """Choose your period and a limit up to the most an admin allows you."""
    answer = await clients.budgets.SetMyBudget(
        pb.SetMyBudgetRequest(limit_usd=body.limit_usd, period=body.period, custom_days=body.custom_days),
        timeout=clients.deadline,
        metadata=caller.metadata,
    )
    return from_message(BudgetOut, answer)


@router.get("/admin/budgets/{user_id}")
async def get_budget(user_id: uuid.UUID, caller: CurrentUser, clients: Clients) -> BudgetOut:
    answer = await clients.budgets.GetBudget(
        pb.GetBudgetRequest(user_id=str(user_id)), timeout=clients.deadline, metadata=caller.metadata
    )
    return from_message(BudgetOut, answer)


@router.put("/admin/budgets/{user_id}")
async def configure_budget(user_id: uuid.UUID, body: AdminBudgetIn, caller: CurrentUser, clients: Clients) -> BudgetOut:
    answer = await clients.budgets.ConfigureBudget(
        pb.ConfigureBudgetRequest(
            user_id=str(user_id),
            limit_usd=body.limit_usd,
            max_limit_usd=body.max_limit_usd or 0.0,
            period=body.period,
            custom_days=body.custom_days,
            enforce=body.enforce,
            thresholds=body.thresholds,
        ),
        timeout=clients.deadline,
        metadata=caller.metadata,
    )
    return from_message(BudgetOut, answer)


@router.post("/admin/budgets/{user_id}/reset")
async def reset_budget(user_id: uuid.UUID, body: BudgetResetIn, caller: CurrentUser, clients: Clients) -> BudgetOut:
    """Start a new period now; the reason is logged with the admin who gave it."""
    answer = await clients.budgets.ResetBudget(
        pb.ResetBudgetRequest(user_id=str(user_id), reason=body.reason), timeout=clients.deadline, metadata=caller.metadata
    )
    return from_message(BudgetOut, answer)
