"""Bodies of the persona and AI budget API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from parla.gateway.schemas import Level, PlainText, _In

# --- personas -------------------------------------------------------------------------------


class PersonaOut(BaseModel):
    type: str
    name: str
    description: str
    traits: list[str]
    best_for: list[str]
    is_default: bool
    version: str


class PersonasOut(BaseModel):
    personas: list[PersonaOut]
    default_type: str


class PersonaPreferenceOut(BaseModel):
    persona: PersonaOut
    subject: str
    learner_level: str
    is_default: bool = Field(description="True while you have not chosen and the default applies")


class PersonaPreferenceIn(_In):
    persona_type: str = Field(min_length=1, max_length=40, pattern=r"^[a-z_]+$")
    subject: Annotated[PlainText, Field(max_length=200)] = ""
    learner_level: Level = "beginner"


# --- budgets --------------------------------------------------------------------------------

Period = Literal["monthly", "weekly", "daily", "custom"]


class BudgetOut(BaseModel):
    user_id: uuid.UUID
    limit_usd: float
    max_limit_usd: float
    period: str
    custom_days: int
    period_start: datetime
    spent_usd: float
    remaining_usd: float
    percent_used: float
    level: Literal["green", "yellow", "orange", "red", "critical"]
    enforce: bool
    thresholds: list[int]


class UsageEntryOut(BaseModel):
    provider: str
    model: str
    tokens_in: int
    tokens_out: int
    cost_usd: float
    at: datetime


class ProviderTotalOut(BaseModel):
    provider: str
    calls: int
    tokens_in: int
    tokens_out: int
    cost_usd: float


class UsageOut(BaseModel):
    entries: list[UsageEntryOut]
    by_provider: list[ProviderTotalOut]


# Every number a request carries has bounds the service can hold (int32 and double in the proto),
# so an out-of-range value is a 422 naming its field, not an error deep in a service.
Usd = Annotated[float, Field(ge=0, le=10_000, allow_inf_nan=False)]
Percent = Annotated[int, Field(ge=1, le=200)]


class MyBudgetIn(_In):
    limit_usd: Usd
    period: Period = "monthly"
    custom_days: int = Field(default=0, ge=0, le=366)


class AdminBudgetIn(MyBudgetIn):
    max_limit_usd: Usd | None = Field(default=None, description="The most the learner may set")
    enforce: bool = True
    thresholds: list[Percent] = Field(
        default_factory=lambda: [50, 75, 90, 100], max_length=10, description="Alert levels, in percent of the limit"
    )


class BudgetResetIn(_In):
    reason: Annotated[PlainText, Field(min_length=3, max_length=500)]
