from __future__ import annotations

from pathlib import Path

from pydantic import Field

from parla.chassis.settings import ServiceSettings

# gateway/src/parla/gateway/config.py -> the repository root holds web/.
_REPO_ROOT = Path(__file__).resolve().parents[4]


class GatewaySettings(ServiceSettings):
    service_name: str = "gateway"
    http_host: str = "127.0.0.1"
    http_port: int = 8000
    jwt_private_key_file: Path | None = None
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    scenario_addr: str = "127.0.0.1:50051"
    content_addr: str = "127.0.0.1:50052"
    persona_addr: str = "127.0.0.1:50053"
    organization_addr: str = "127.0.0.1:50054"
    analytics_addr: str = "127.0.0.1:50055"
    grpc_deadline_seconds: float = Field(default=5.0, gt=0)
    # A turn waits on the tutor: the scenario service gives its call to the persona service
    # about 6 s, and the AI provider behind that has less still, so a slow tutor ends in the
    # offline reply before this deadline rather than in a 504.
    turn_deadline_seconds: float = Field(default=10.0, gt=0)
    # Work a learner starts and waits for: fitting their FSRS parameters, bringing a deck
    # forward for a deadline (the content service stops a fit after 120 s).
    work_deadline_seconds: float = Field(default=130.0, gt=0)
    # Origins other than the gateway's own whose pages may call the API from a browser (CORS),
    # as a JSON list: PARLA_CORS_ORIGINS='["https://app.example.org"]'. Empty: none; the web
    # client is served from the gateway itself and needs none.
    cors_origins: list[str] = Field(default_factory=list)
    # uvicorn's line per request (PARLA_ACCESS_LOG=true); errors are logged either way.
    access_log: bool = False
    # limits syntax, per client address, on sign-up, sign-in and refresh.
    auth_rate_limit: str = "30/minute"
    # Proxies whose X-Forwarded-For is believed (comma-separated addresses, or "*"): behind a
    # load balancer, rate limits must count the learner's address, not the balancer's.
    forwarded_allow_ips: str = "127.0.0.1"
    # The web client as built (`npm run build` in web/, which `make run` does when it is stale);
    # until it is, a page that says how to build it.
    web_dir: Path = _REPO_ROOT / "web" / "dist"
    web_fallback_dir: Path = _REPO_ROOT / "web" / "fallback"
    # The AsyncAPI viewer's npm package (gateway/asyncapi-ui, installed by scripts/bootstrap.sh).
    asyncapi_ui_dir: Path = _REPO_ROOT / "gateway" / "asyncapi-ui" / "node_modules" / "@asyncapi" / "react-component"

    def jwt_private_key(self) -> bytes:
        if self.jwt_private_key_file is None:
            raise RuntimeError(
                "PARLA_JWT_PRIVATE_KEY_FILE is not set: create keys with "
                "`uv run python -m parla.gateway.cli generate-keys --out .data/keys`"
            )
        return self.jwt_private_key_file.read_bytes()

    def service_addresses(self) -> dict[str, str]:
        return {
            "scenario": self.scenario_addr,
            "content": self.content_addr,
            "persona": self.persona_addr,
            "organization": self.organization_addr,
            "analytics": self.analytics_addr,
        }
