"""The reply use case against small fakes: a learner always gets a reply in time, and a hold on
the budget never outlives its call, whatever the provider does."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass, field

import grpc
import pytest

from parla.chassis.auth import Principal, TokenVerifier
from parla.chassis.grpc_server import GrpcServer, ServiceRegistration
from parla.contracts.rpc.persona.v1 import tutor_pb2 as tpb
from parla.contracts.rpc.persona.v1 import tutor_pb2_grpc
from parla.devstack.testing import eventually, free_port
from parla.persona import grpc_api
from parla.persona.budget import Price
from parla.persona.budgeting import Reservation
from parla.persona.fallback import Fallback
from parla.persona.library import load_library
from parla.persona.replies import ReplyService
from parla.persona.service import Preference
from parla.persona.tutor import (
    Deadline,
    ProviderAnswerUnusable,
    ProviderUnreachable,
    Reply,
    TurnContext,
)

LIBRARY = load_library()
CALLER = Principal(subject=str(uuid.uuid4()), roles=frozenset({"learner"}))
PRICES = {"paid-model": Price(0.1, 0.2)}


class FakePersonas:
    library = LIBRARY

    def known(self, persona_type: str):
        return LIBRARY.personas[persona_type]

    async def preference(self, caller: Principal) -> Preference:
        return Preference(LIBRARY.default, "", "beginner", is_default=True)


@dataclass
class FakeBudgets:
    """Budgets in memory: holds by call id, and what each settled call was charged."""

    allow: bool = True
    made: bool = True
    holds: dict[str, float] = field(default_factory=dict)
    charged: dict[str, tuple[str, str, int, int, float]] = field(default_factory=dict)
    reserved: int = 0
    # Set to hold settling until a test lets it go on.
    settle_gate: asyncio.Event | None = None
    settling: asyncio.Event = field(default_factory=asyncio.Event)

    async def reserve(self, user_id, call_id, provider, model, estimate) -> Reservation | None:
        self.reserved += 1
        if not self.allow:
            return None
        self.holds[call_id] = estimate
        return Reservation(user_id, call_id, made=self.made)

    async def release(self, reservation: Reservation) -> None:
        if reservation.made:
            self.holds.pop(reservation.call_id, None)

    async def settle(self, user_id, call_id, *, provider, model, tokens_in, tokens_out, cost) -> None:
        self.settling.set()
        if self.settle_gate is not None:
            await self.settle_gate.wait()
        self.holds.pop(call_id, None)
        self.charged[call_id] = (provider, model, tokens_in, tokens_out, cost)


class FakeProvider:
    """Answers after ``delay`` seconds, or raises ``error`` having reported ``reported`` tokens."""

    name, model = "openai-compatible", "paid-model"

    def __init__(self, *, delay: float = 0.0, error: BaseException | None = None, reported: tuple[int, int] = (0, 0)):
        self.delay, self.error, self.reported = delay, error, reported
        self.calls = 0
        self.started = asyncio.Event()

    async def reply(self, persona, prompt, turn, *, deadline, usage) -> Reply:
        self.calls += 1
        usage.add(*self.reported)
        self.started.set()
        await asyncio.sleep(self.delay)
        if self.error is not None:
            raise self.error
        return Reply("¡Claro que sí!", ["Good."], [], self.name, model=self.model)


def turn() -> TurnContext:
    return TurnContext(run_id="r", language="es", learner_text="Hola", tutor_lines=["Dígame."], next_phase_opening="")


def service(provider, budgets: FakeBudgets) -> ReplyService:
    return ReplyService(personas=FakePersonas(), budgets=budgets, provider=provider, prices=PRICES)


async def ask(provider, budgets: FakeBudgets, deadline: Deadline | None = None) -> Reply:
    _, reply = await service(provider, budgets).reply(
        CALLER, persona_type="", phase=None, turn=turn(), call_id="r:1", deadline=deadline or Deadline.within(30)
    )
    return reply


async def test_a_paid_reply_is_held_then_charged_what_the_provider_reported():
    budgets = FakeBudgets()
    reply = await ask(FakeProvider(reported=(1000, 500)), budgets)
    assert (reply.provider, reply.notice) == ("openai-compatible", "")
    assert budgets.holds == {} and budgets.charged["r:1"] == ("openai-compatible", "paid-model", 1000, 500, 0.2)


async def test_a_provider_slower_than_the_deadline_yields_the_offline_reply_with_a_notice_and_gives_the_hold_back():
    budgets, provider = FakeBudgets(), FakeProvider(delay=30)
    reply = await ask(provider, budgets, Deadline.within(1.0))
    assert provider.calls == 1  # it was asked, and cut off at the deadline
    assert (reply.provider, reply.notice, reply.tutor_line) == ("offline", Fallback.OUT_OF_TIME.notice, "Dígame.")
    assert budgets.holds == {} and budgets.charged["r:1"][-1] == 0.0


@pytest.mark.parametrize(
    ("error", "reported", "reason", "cost"),
    [
        pytest.param(ProviderUnreachable("down"), (0, 0), Fallback.UNREACHABLE, 0.0, id="unreachable"),
        pytest.param(ProviderAnswerUnusable("not JSON"), (200, 40), Fallback.UNUSABLE, 0.028, id="unusable, paid for"),
    ],
)
async def test_a_provider_that_fails_hands_over_with_the_reason_and_charges_only_what_it_reported(error, reported, reason, cost):
    budgets = FakeBudgets()
    reply = await ask(FakeProvider(error=error, reported=reported), budgets)
    assert (reply.provider, reply.notice) == ("offline", reason.notice)
    assert budgets.holds == {}
    assert budgets.charged["r:1"] == ("offline", "paid-model", *reported, cost)


async def test_a_provider_that_raises_unexpectedly_releases_its_hold_and_the_error_is_not_hidden():
    budgets = FakeBudgets()
    with pytest.raises(RuntimeError, match="bug"):
        await ask(FakeProvider(error=RuntimeError("bug")), budgets)
    assert budgets.holds == {} and budgets.charged == {}


@pytest.mark.parametrize(("reported", "charged"), [((0, 0), {}), ((1000, 500), {"r:1": 0.2})])
async def test_a_cancelled_reply_gives_its_hold_back_and_charges_only_what_was_reported(reported, charged):
    budgets, provider = FakeBudgets(), FakeProvider(delay=30, reported=reported)
    call = asyncio.create_task(ask(provider, budgets))
    await provider.started.wait()
    assert budgets.holds
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call

    async def hold_given_back() -> bool:
        return not budgets.holds

    await eventually(hold_given_back, timeout=5)
    assert {call_id: costs[-1] for call_id, costs in budgets.charged.items()} == charged


async def test_a_caller_that_goes_away_while_the_usage_is_recorded_does_not_stop_the_recording():
    budgets = FakeBudgets(settle_gate=asyncio.Event())
    call = asyncio.create_task(ask(FakeProvider(reported=(1000, 500)), budgets))
    await budgets.settling.wait()
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    budgets.settle_gate.set()

    async def recorded() -> bool:
        return "r:1" in budgets.charged

    await eventually(recorded, timeout=5)
    assert budgets.holds == {} and budgets.charged["r:1"][-1] == 0.2


async def test_over_budget_the_offline_tutor_answers_and_the_provider_is_not_asked():
    budgets, provider = FakeBudgets(allow=False), FakeProvider()
    reply = await ask(provider, budgets)
    assert provider.calls == 0 and reply.notice == Fallback.OVER_BUDGET.notice
    assert budgets.charged["r:1"] == ("offline", "offline", 0, 0, 0.0)


async def test_with_too_little_time_left_nothing_is_held_and_the_provider_is_not_asked():
    budgets, provider = FakeBudgets(), FakeProvider()
    reply = await ask(provider, budgets, Deadline.within(0.0))
    assert provider.calls == 0 and budgets.reserved == 0 and reply.notice == Fallback.OUT_OF_TIME.notice


async def test_a_retried_call_leaves_the_hold_and_its_record_to_the_attempt_that_made_it():
    budgets = FakeBudgets(made=False)
    with pytest.raises(RuntimeError):
        await ask(FakeProvider(error=RuntimeError("bug")), budgets)
    assert "r:1" in budgets.holds  # the first attempt's hold stays for it to settle
    await ask(FakeProvider(reported=(1000, 500)), budgets)
    assert budgets.charged == {}


async def test_over_grpc_a_slow_provider_ends_in_an_offline_reply_before_the_callers_deadline(signing_keys):
    # The scenario service allows about 6 s; 2 s here. The provider would take 30.
    budgets = FakeBudgets()
    servicer = grpc_api.TutorServicer(service(FakeProvider(delay=30), budgets), longest=15.0, margin=0.5)
    port = free_port()
    server = GrpcServer(
        host="127.0.0.1",
        port=port,
        registrations=[ServiceRegistration(grpc_api.add_tutor_to_server, servicer, grpc_api.TUTOR_SERVICE_NAME)],
        verifier=TokenVerifier(signing_keys.public_pem),
    )
    await server.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            answer = await tutor_pb2_grpc.TutorServiceStub(channel).Reply(
                tpb.ReplyRequest(run_id="r", call_id="r:1", language="es", learner_text="Hola"),
                timeout=2.0,
                metadata=(("authorization", f"Bearer {signing_keys.token(CALLER.subject)}"),),
            )
    finally:
        await server.stop(grace=0)
    assert (answer.provider, answer.notice) == ("offline", Fallback.OUT_OF_TIME.notice)
    assert budgets.holds == {}
