"""AI budgets (persona service): a learner's own, and admin configuration."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from parla.contracts.rpc.persona.v1 import budget_pb2 as pb
from parla.gateway.deps import AdminRoute, Clients, SignedIn
from parla.gateway.persona_schemas import AdminBudgetIn, BudgetOut, BudgetResetIn, MyBudgetIn, UsageOut
from parla.gateway.schemas import from_message

router = APIRouter(tags=["budget"], dependencies=[SignedIn])
# The persona service checks the role too; the gateway checks it first, before it reads the body.
admin_router = APIRouter(prefix="/admin", tags=["budget"], route_class=AdminRoute, dependencies=[SignedIn])


@router.get("/me/budget")
async def my_budget(clients: Clients) -> BudgetOut:
    """Your limit, period, what you spent in it, and the alert level."""
    return from_message(BudgetOut, await clients.budgets.GetMyBudget(pb.GetMyBudgetRequest()))


@router.get("/me/budget/usage")
async def my_usage(clients: Clients, limit: Annotated[int, Query(ge=1, le=200)] = 50) -> UsageOut:
    """Your AI calls, newest first, and the totals by provider."""
    return from_message(UsageOut, await clients.budgets.GetMyUsage(pb.GetMyUsageRequest(limit=limit)))


@router.put("/me/budget")
async def set_my_budget(body: MyBudgetIn, clients: Clients) -> BudgetOut:
    """Choose your period and a limit up to the most an admin allows you."""
    request = pb.SetMyBudgetRequest(limit_usd=body.limit_usd, period=body.period, custom_days=body.custom_days)
    return from_message(BudgetOut, await clients.budgets.SetMyBudget(request))


@admin_router.get("/budgets/{user_id}")
async def get_budget(user_id: uuid.UUID, clients: Clients) -> BudgetOut:
    return from_message(BudgetOut, await clients.budgets.GetBudget(pb.GetBudgetRequest(user_id=str(user_id))))


@admin_router.put("/budgets/{user_id}")
async def configure_budget(user_id: uuid.UUID, body: AdminBudgetIn, clients: Clients) -> BudgetOut:
    request = pb.ConfigureBudgetRequest(
        user_id=str(user_id),
        limit_usd=body.limit_usd,
        max_limit_usd=body.max_limit_usd or 0.0,
        period=body.period,
        custom_days=body.custom_days,
        enforce=body.enforce,
        thresholds=body.thresholds,
    )
    return from_message(BudgetOut, await clients.budgets.ConfigureBudget(request))


@admin_router.post("/budgets/{user_id}/reset")
async def reset_budget(user_id: uuid.UUID, body: BudgetResetIn, clients: Clients) -> BudgetOut:
    """Start a new period now; the reason is logged with the admin who gave it."""
    request = pb.ResetBudgetRequest(user_id=str(user_id), reason=body.reason)
    return from_message(BudgetOut, await clients.budgets.ResetBudget(request))
