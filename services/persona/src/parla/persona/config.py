from __future__ import annotations

from pydantic import Field

from parla.chassis.settings import ServiceSettings


class PersonaSettings(ServiceSettings):
    service_name: str = "persona"
    grpc_port: int = 50053
    # An OpenAI-compatible endpoint (Ollama: http://127.0.0.1:11434/v1). Empty: the offline tutor.
    ai_base_url: str = ""
    ai_model: str = "llama3.1"
    ai_api_key: str = ""
    ai_timeout_seconds: float = Field(default=20.0, gt=0)
    # Retries on transient errors (connection, 429, 5xx), done by the SDK with backoff.
    ai_max_retries: int = Field(default=2, ge=0, le=5)
    # US dollars per 1,000 tokens by model, e.g. {"gpt-4o-mini": [0.00015, 0.0006]}; a model not
    # listed is free (a local server). The offline tutor always costs nothing.
    ai_prices: dict[str, tuple[float, float]] = Field(default_factory=dict)
