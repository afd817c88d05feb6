from __future__ import annotations

from pydantic import Field, model_validator

from parla.chassis.settings import ServiceSettings


class PersonaSettings(ServiceSettings):
    """The persona service's settings (environment variables ``PARLA_<NAME>``).

    Time for a tutor reply (``TutorService.Reply``): the caller's deadline, at most
    ``tutor_reply_max_seconds``, less ``tutor_reply_margin_seconds`` kept for recording the usage
    and answering, is shared by every request to the AI provider for that reply (the first one,
    the retries after transient errors, and the one more try after an unusable answer). Each
    request may take ``ai_timeout_seconds`` or what is left, whichever is less; when too little
    is left for another request, the offline engine answers with a notice, so a slow provider
    never makes the call itself run past its deadline.
    """

    service_name: str = "persona"
    grpc_port: int = 50053
    # An OpenAI-compatible endpoint (Ollama: http://127.0.0.1:11434/v1). Empty: the offline tutor.
    ai_base_url: str = ""
    ai_model: str = "llama3.1"
    ai_api_key: str = ""
    # The longest one request to the AI provider may take (less when the reply's time is short).
    ai_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    # Requests repeated after a transient error (connection, timeout, 408, 409, 429, 5xx), only
    # while the reply's time allows another one.
    ai_max_retries: int = Field(default=2, ge=0, le=5)
    # US dollars per 1,000 tokens by model, e.g. {"gpt-4o-mini": [0.00015, 0.0006]}; a model not
    # listed is free (a local server). The offline tutor always costs nothing.
    ai_prices: dict[str, tuple[float, float]] = Field(default_factory=dict)
    # The longest a tutor reply may take: the caller's deadline when it is shorter (the scenario
    # service allows about 6 s), this when the caller set none (grpcurl).
    tutor_reply_max_seconds: float = Field(default=15.0, gt=0, le=300)
    # Kept back from a reply's time for what follows the provider: recording the usage and answering.
    tutor_reply_margin_seconds: float = Field(default=0.5, ge=0.05, le=5)

    @model_validator(mode="after")
    def _margin_leaves_time_for_the_provider(self) -> PersonaSettings:
        if self.tutor_reply_margin_seconds >= self.tutor_reply_max_seconds:
            raise ValueError("tutor_reply_margin_seconds must be less than tutor_reply_max_seconds")
        return self
