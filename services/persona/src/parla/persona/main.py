"""Composition root of the persona service: ``python -m parla.persona.main``."""

from __future__ import annotations

from pathlib import Path

from parla.chassis.db import Database
from parla.chassis.grpc_server import ServiceRegistration
from parla.chassis.runtime import Components, service_main
from parla.persona import grpc_api
from parla.persona.budget import Price
from parla.persona.budgeting import BudgetService
from parla.persona.config import PersonaSettings
from parla.persona.library import load_library
from parla.persona.metrics import AiMetrics
from parla.persona.replies import ReplyService
from parla.persona.service import PersonaService
from parla.persona.tutor import OfflineProvider, Provider

MIGRATIONS = Path(__file__).parent / "migrations"


def provider_for(settings: PersonaSettings) -> Provider:
    if not settings.ai_base_url:
        return OfflineProvider()
    # Imported only when configured: the OpenAI SDK costs about a second of CPU to import, which
    # every start of the offline default would pay while the other services start beside it.
    from parla.persona.providers import OpenAICompatibleProvider

    return OpenAICompatibleProvider(
        base_url=settings.ai_base_url,
        model=settings.ai_model,
        api_key=settings.ai_api_key,
        timeout=settings.ai_timeout_seconds,
        max_retries=settings.ai_max_retries,
    )


async def build(db: Database, settings: PersonaSettings) -> Components:
    # Each use case is built once here and handed to whatever needs it.
    prices = {model: Price(*pair) for model, pair in settings.ai_prices.items()}
    personas = PersonaService(db=db, library=load_library())
    budgets = BudgetService(db=db)
    ai_metrics = AiMetrics()
    replies = ReplyService(personas=personas, budgets=budgets, provider=provider_for(settings), prices=prices, metrics=ai_metrics)
    tutor = grpc_api.TutorServicer(replies, longest=settings.tutor_reply_max_seconds, margin=settings.tutor_reply_margin_seconds)
    return Components(
        registrations=[
            ServiceRegistration(grpc_api.add_to_server, grpc_api.PersonaServicer(personas), grpc_api.SERVICE_NAME),
            ServiceRegistration(grpc_api.add_tutor_to_server, tutor, grpc_api.TUTOR_SERVICE_NAME),
            ServiceRegistration(grpc_api.add_budget_to_server, grpc_api.BudgetServicer(budgets), grpc_api.BUDGET_SERVICE_NAME),
        ],
        metrics=ai_metrics.collectors(),
    )


def main() -> None:
    settings = PersonaSettings()
    service_main(settings, migrations=MIGRATIONS, build=lambda db: build(db, settings))


if __name__ == "__main__":
    main()
