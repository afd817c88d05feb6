"""Simulated learners, through the public API only, as the web client uses it.

A learner signs up with a language to learn, then, until the run ends, does what learners do,
drawn by weight: plays a scenario (its phrases, now and then misspelt or off topic, then
completes it), reviews the cards that are due (answers drawn from their own memory,
``memory.Memory``), imports a short document, rates a scenario they finished, bookmarks one.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from parla.loadgen.memory import Memory
from parla.loadgen.report import Recorder

LANGUAGES = ("es", "fr", "de", "it", "pt")
ACTIONS = {"play": 5, "review": 4, "import": 1, "rate": 1, "bookmark": 1}
PASSWORD = "a simulated learner's password"
OFF_TOPIC = {"es": "No sé, me gusta el fútbol.", "fr": "Je ne sais pas, j'aime le football.", "de": "Ich weiß nicht."}


class Pace:
    """At most ``rate`` requests a second across every learner, evenly spaced."""

    def __init__(self, rate: float) -> None:
        self._interval = 1.0 / rate
        self._next = time.monotonic()
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            now = time.monotonic()
            self._next = max(self._next + self._interval, now)
            delay = self._next - now
        if delay > 0:
            await asyncio.sleep(delay)


@dataclass
class Learner:
    api: httpx.AsyncClient
    pace: Pace
    recorder: Recorder
    rng: random.Random
    language: str = ""
    email: str = ""
    user_id: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    finished: list[str] = field(default_factory=list)  # scenarios completed, to rate
    completed_runs: list[str] = field(default_factory=list)  # what the API said it completed (2xx)
    memory: Memory = field(init=False)

    def __post_init__(self) -> None:
        self.memory = Memory(self.rng)
        self.language = self.language or self.rng.choice(LANGUAGES)

    async def call(self, action: str, method: str, path: str, **kwargs) -> httpx.Response | None:
        """One request, paced and recorded; None when it failed or was refused."""
        await self.pace.wait()
        began = time.monotonic()
        try:
            answer = await self.api.request(method, path, headers=self.headers, **kwargs)
        except httpx.HTTPError:
            self.recorder.record(action, time.monotonic() - began, 0)
            return None
        self.recorder.record(action, time.monotonic() - began, answer.status_code, answer.headers.get("retry-after"))
        if answer.status_code == 401 and self.email:  # the access token lapsed: sign in again
            await self.sign_in()
        return answer if answer.status_code < 400 else None

    async def sign_up(self) -> bool:
        self.email = f"learner-{uuid.uuid4().hex[:12]}@loadgen.example"
        body = {"email": self.email, "password": PASSWORD, "display_name": "Simulated learner"}
        body |= {"target_languages": [self.language], "native_language": "en"}
        answer = await self.call("sign up", "POST", "/api/v1/auth/register", json=body)
        if answer is not None:
            self.headers = {"Authorization": f"Bearer {answer.json()['access_token']}"}
            self.user_id = answer.json()["user"]["id"]
        return answer is not None

    async def sign_in(self) -> None:
        self.headers = {}
        body = {"email": self.email, "password": PASSWORD}
        answer = await self.call("sign in", "POST", "/api/v1/auth/login", json=body)
        if answer is not None:
            self.headers = {"Authorization": f"Bearer {answer.json()['access_token']}"}

    async def live(self, until: float, stopped: Callable[[], bool] = lambda: False) -> None:
        """Act until ``until`` (monotonic) or ``stopped()``; a learner who could not sign up goes home."""
        if not await self.sign_up():
            return
        actions: dict[str, Callable[[], Awaitable[None]]] = {
            "play": self.play,
            "review": self.review,
            "import": self.import_document,
            "rate": self.rate,
            "bookmark": self.bookmark,
        }
        while time.monotonic() < until and not stopped():
            choice = self.rng.choices(list(ACTIONS), weights=list(ACTIONS.values()))[0]
            await actions[choice]()
            await asyncio.sleep(self.rng.uniform(0.1, 0.5))  # reading, thinking

    async def _a_scenario(self) -> dict | None:
        page = await self.call("catalogue", "GET", "/api/v1/scenarios", params={"language": self.language, "limit": 20})
        items = page.json()["items"] if page is not None else []
        if not items:
            return None
        chosen = self.rng.choice(items)
        scenario = await self.call("scenario", "GET", f"/api/v1/scenarios/{chosen['id']}", params={"language": self.language})
        return scenario.json() if scenario is not None else None

    async def play(self) -> None:
        scenario = await self._a_scenario()
        if scenario is None:
            return
        scenario_id = scenario["summary"]["id"]
        run = await self.call("start run", "POST", "/api/v1/runs", json={"scenario_id": scenario_id, "language": self.language})
        if run is None:
            return
        run_id = run.json()["id"]
        for phase in scenario["phases"][: self.rng.randint(1, len(scenario["phases"]))]:
            for phrase in self.rng.sample(phase["phrases"], k=min(len(phase["phrases"]), self.rng.randint(1, 3))):
                said = await self.call("turn", "POST", f"/api/v1/runs/{run_id}/turns", json={"text": self._say(phrase["text"])})
                if said is None:
                    return
        if await self.call("complete run", "POST", f"/api/v1/runs/{run_id}/complete") is not None:
            self.finished.append(scenario_id)
            self.completed_runs.append(run_id)

    def _say(self, phrase: str) -> str:
        """The phrase as a learner says it: mostly right, sometimes misspelt or off topic."""
        roll = self.rng.random()
        if roll < 0.1:
            return OFF_TOPIC.get(self.language, "...")
        if roll < 0.35 and len(phrase) > 4:  # a typo: two neighbouring letters swapped
            at = self.rng.randrange(1, len(phrase) - 2)
            return phrase[:at] + phrase[at + 1] + phrase[at] + phrase[at + 2 :]
        return phrase

    async def review(self) -> None:
        session = await self.call("start review", "POST", "/api/v1/review/sessions", json={})
        if session is None:
            return
        session_id = session.json()["id"]
        for _ in range(self.rng.randint(3, 15)):
            shown = await self.call("next card", "GET", f"/api/v1/review/sessions/{session_id}/next")
            card = shown.json()["card"] if shown is not None else None
            if card is None:
                return
            rating, _ = self.memory.answer(card["id"], datetime.now(UTC))
            review = {
                "client_review_id": str(uuid.uuid4()),
                "card_id": card["id"],
                "rating": rating,
                "duration_ms": self.rng.randint(1500, 12000),
                "session_id": session_id,
            }
            if await self.call("review", "POST", "/api/v1/reviews", json=review) is None:
                return

    async def import_document(self) -> None:
        scenario = await self._a_scenario()
        if scenario is None:
            return
        sentences = [phrase["text"] for phase in scenario["phases"] for phrase in phase["phrases"]]
        text = " ".join(self.rng.sample(sentences, k=min(len(sentences), 12)))
        title = f"Notes on {scenario['summary']['title']}"
        await self.call("import", "POST", "/api/v1/content", json={"text": text, "title": title})

    async def rate(self) -> None:
        if not self.finished:
            return
        stars = lambda: self.rng.choices((1, 2, 3, 4, 5), weights=(1, 1, 3, 5, 4))[0]  # noqa: E731
        dimensions = {name: stars() for name in ("difficulty_accuracy", "engagement", "learning_effectiveness")}
        body = {"overall": stars(), "dimensions": {**dimensions, "cultural_authenticity": stars()}}
        await self.call("rate", "PUT", f"/api/v1/scenarios/{self.rng.choice(self.finished)}/ratings", json=body)

    async def bookmark(self) -> None:
        scenario = await self._a_scenario()
        if scenario is not None:
            body = {"kind": "scenario", "id": scenario["summary"]["id"]}
            await self.call("bookmark", "POST", "/api/v1/bookmarks/toggle", json=body)
