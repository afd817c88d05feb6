"""The web client in Debian's Chromium, driven by Playwright, against the shared stack: the gateway
serves the built client (web/dist) and the real services answer it. Each journey test walks one
journey as a learner would, runs axe-core on every page it reaches, and saves a screenshot of it
under test-output/browser/."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import orjson
import pytest
from playwright.async_api import Browser, Page, async_playwright

REPO = Path(__file__).resolve().parents[3]
CHROMIUM = Path(os.environ.get("PARLA_CHROMIUM", "/usr/bin/chromium"))
AXE = REPO / "web" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = REPO / "test-output" / "browser"
# As root Chromium needs --no-sandbox; the rest keep it from reaching for Google's hosts, which a
# closed network refuses, many times a second.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
# A step the client takes on the learner's behalf (a tutor reply, a sync) may wait on several
# services on a loaded 2-core machine.
STEP_MS = 20_000


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not at {CHROMIUM}: run scripts/bootstrap.sh --for-tests (or set PARLA_CHROMIUM)")
    if not (REPO / "web" / "dist" / "index.html").exists() or not AXE.exists():
        pytest.fail("the web client is not built: run scripts/bootstrap.sh --for-tests")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


@dataclass
class Client:
    """One browser tab on the client, and what went wrong in it that no assertion looked at."""

    page: Page
    errors: list[str]


@pytest.fixture
async def client(browser, stack) -> AsyncIterator[Client]:
    context = await browser.new_context(base_url=stack.config.url(), viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(STEP_MS)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" and _unexpected(message.text) else None
    )
    yield Client(page, errors)
    await context.close()
    assert not errors, f"the client reported errors: {errors}"


def _unexpected(text: str) -> bool:
    # A refused request the page shows to the learner (a 4xx it handles) is logged by Chromium too.
    return "Failed to load resource" not in text


@pytest.fixture
async def page(client) -> Page:
    return client.page


@dataclass(frozen=True)
class SignedIn:
    user_id: str
    email: str
    password: str
    access_token: str
    refresh_token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


async def register(api: httpx.AsyncClient, **profile: object) -> SignedIn:
    email, password = f"{uuid.uuid4().hex[:12]}@example.com", "a long password"
    body = {"email": email, "password": password, "display_name": "Ana", "target_languages": ["es"], **profile}
    answer = await api.post("/api/v1/auth/register", json=body)
    assert answer.status_code == 201, answer.text
    tokens = answer.json()
    return SignedIn(tokens["user"]["id"], email, password, tokens["access_token"], tokens["refresh_token"])


async def sign_in(page: Page, learner: SignedIn, *, expires_in_s: float = 600) -> None:
    """Starts the tab signed in as ``learner``, as the client keeps a session between visits."""
    stored = {"access": learner.access_token, "refresh": learner.refresh_token, "expiresAt": (time.time() + expires_in_s) * 1000}
    script = f"localStorage.setItem('parla.tokens', {orjson.dumps(orjson.dumps(stored).decode()).decode()});"
    await page.context.add_init_script(script)


@pytest.fixture
async def learner(api, page) -> SignedIn:
    """A new learner of Spanish, signed in in the tab."""
    signed = await register(api)
    await sign_in(page, signed)
    return signed


async def checked(page: Page, name: str) -> None:
    """axe-core finds no serious or critical violation on the page as it is now; then a screenshot
    of it is saved as test-output/browser/<name>.png."""
    await page.add_script_tag(path=str(AXE))
    found = await page.evaluate(
        """async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`)"""
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=SHOTS / f"{name}.png", full_page=True)
    assert not found, f"accessibility violations on {name}: {found}"


async def eventually(read, expected, *, timeout_s: float = 15.0):
    """``read()`` until it returns ``expected``: what the client saved in the background (an
    optimistic move, a sync) reaches the server moments after the page shows it."""
    deadline = time.monotonic() + timeout_s
    while (found := await read()) != expected and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    assert found == expected
