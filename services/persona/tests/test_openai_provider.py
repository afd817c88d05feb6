"""The OpenAI-compatible provider against a fake OpenAI-compatible HTTP server started here.

The server records what the tutor sends and answers with canned replies: good JSON, malformed
JSON, errors, and answers that come too late. The provider either replies or raises a
``ProviderFailure`` saying why; what the learner then gets is the reply use case's decision.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parla.chassis.db import CallInsideTransaction
from parla.devstack.testing import free_port
from parla.persona.domain import PhaseContext, PromptRequest, build_prompt
from parla.persona.library import load_library
from parla.persona.providers import OpenAICompatibleProvider
from parla.persona.tutor import (
    Deadline,
    Mistake,
    ProviderAnswerUnusable,
    ProviderOutOfTime,
    ProviderUnreachable,
    TurnContext,
    Usage,
)

LIBRARY = load_library()
GOOD = {
    "tutor_line": "Perfecto, ¿me deja su pasaporte?",
    "feedback": ["Well done."],
    "mistakes": [{"said": "yo tener", "correction": "yo tengo", "explanation": "conjugate tener"}],
}


@dataclass
class FakeOpenAI:
    """Serves /v1/chat/completions from a script of (status, content, delay) answers."""

    script: list[tuple[int, str, float]] = field(default_factory=list)
    requests: list[dict] = field(default_factory=list)

    def answer(self) -> tuple[int, str, float]:
        return self.script.pop(0) if self.script else (200, json.dumps(GOOD), 0.0)


@pytest.fixture
def fake() -> Iterator[tuple[FakeOpenAI, str]]:
    server_state = FakeOpenAI()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            server_state.requests.append(body)
            status, content, delay = server_state.answer()
            time.sleep(delay)
            payload = (
                {
                    "id": "c1",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body["model"],
                    "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
                    "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
                }
                if status == 200
                else {"error": {"message": "boom", "type": "server_error"}}
            )
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting, as it should

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server_state, f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def provider(base_url: str, *, timeout: float = 2.0, retries: int = 0) -> OpenAICompatibleProvider:
    return OpenAICompatibleProvider(base_url=base_url, model="tutor-test", api_key="k", timeout=timeout, max_retries=retries)


def turn() -> TurnContext:
    return TurnContext(
        run_id="r1",
        language="es",
        learner_text="Yo tener una reserva.",
        tutor_lines=["Hotel Sol, dígame."],
        next_phase_opening="",
        missing=["Show your passport."],
        mistakes=[Mistake("reserba", "reserva", "spelling")],
    )


def prompt(persona_type: str) -> str:
    phase = PhaseContext(
        "Hotel check-in", "guest", "receptionist", "A hotel.", "Arrival", "Say you have a booking.", ["la reserva"], []
    )
    request = PromptRequest(
        persona=LIBRARY.personas[persona_type], language="es", learner_level="beginner", subject="travel", phase=phase
    )
    return build_prompt(LIBRARY, request)


async def ask(url: str, persona_type: str, *, deadline: Deadline | None = None, usage: Usage | None = None, **options):
    return await provider(url, **options).reply(
        LIBRARY.personas[persona_type], prompt(persona_type), turn(), deadline=deadline, usage=usage
    )


async def test_the_persona_prompt_and_the_turn_reach_the_model_and_its_answer_is_used(fake):
    server, url = fake
    usage = Usage()
    reply = await ask(url, "expert_scholar", usage=usage)
    [sent] = server.requests
    assert sent["model"] == "tutor-test" and sent["response_format"] == {"type": "json_object"}
    assert "Expert Scholar" in sent["messages"][0]["content"] and "Answer format" in sent["messages"][0]["content"]
    assert json.loads(sent["messages"][1]["content"])["learner_said"] == "Yo tener una reserva."
    assert reply.tutor_line == GOOD["tutor_line"] and reply.provider == "openai-compatible" and not reply.notice
    assert (reply.model, usage.tokens_in, usage.tokens_out) == ("tutor-test", 100, 20)
    assert [m.said for m in reply.mistakes] == ["reserba", "yo tener"]


async def test_a_malformed_answer_is_asked_for_once_more(fake):
    server, url = fake
    server.script = [(200, "{not json", 0.0)]
    usage = Usage()
    reply = await ask(url, "encouraging_coach", usage=usage)
    assert len(server.requests) == 2 and reply.provider == "openai-compatible"
    assert (usage.tokens_in, usage.tokens_out) == (200, 40)  # the malformed answer was paid for too


async def test_two_unusable_answers_are_a_failure_and_both_are_reported_as_spent(fake):
    server, url = fake
    server.script = [(200, "{not json", 0.0), (200, json.dumps({"feedback": ["no line"]}), 0.0)]
    usage = Usage()
    with pytest.raises(ProviderAnswerUnusable):
        await ask(url, "encouraging_coach", usage=usage)
    assert (usage.tokens_in, usage.tokens_out) == (200, 40)


@pytest.mark.parametrize("failure", ["server error", "timeout"])
async def test_a_provider_that_fails_or_is_too_slow_is_retried_then_unreachable(fake, failure):
    server, url = fake
    server.script = [(500, "", 0.0)] * 3 if failure == "server error" else [(200, json.dumps(GOOD), 3.0)] * 3
    with pytest.raises(ProviderUnreachable):
        await ask(url, "creative_mentor", timeout=0.5, retries=1)
    assert len(server.requests) == 2  # the transient failure was retried once


async def test_a_request_that_is_refused_outright_is_not_retried(fake):
    server, url = fake
    server.script = [(400, "", 0.0)] * 3
    with pytest.raises(ProviderUnreachable):
        await ask(url, "creative_mentor", retries=2)
    assert len(server.requests) == 1


async def test_a_provider_that_is_down_is_unreachable():
    down = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(ProviderUnreachable):
        await ask(down, "guiding_challenger")


async def test_every_request_shares_the_replys_deadline_and_none_starts_without_time_for_it(fake):
    server, url = fake
    server.script = [(200, json.dumps(GOOD), 3.0)] * 3
    # Each request could take 10 s and be retried twice; the reply has 1 s in all.
    with pytest.raises(ProviderOutOfTime):
        await ask(url, "creative_mentor", timeout=10.0, retries=2, deadline=Deadline.within(1.0))
    assert len(server.requests) == 1


async def test_with_no_time_left_nothing_is_sent(fake):
    server, url = fake
    with pytest.raises(ProviderOutOfTime):
        await ask(url, "creative_mentor", deadline=Deadline.within(0.0))
    assert server.requests == []


async def test_the_provider_refuses_to_wait_inside_an_open_database_transaction(fake, db):
    server, url = fake
    async with db.transaction():
        with pytest.raises(CallInsideTransaction, match="AI provider"):
            await ask(url, "friendly_conversational")
    assert server.requests == []
