"""The dashboard's time to first render in the browser, against a page that asks the API nothing.

    uv run python bench/web_dashboard.py                 # 20 loads of each page
    uv run python bench/web_dashboard.py --loads 50

Starts the whole local stack as `make run` does (SQLite), gives one learner a month's worth of
activity through the API (completed runs, cards and their reviews), then opens pages in
Debian's Chromium (Playwright, `executable_path`), signed in as that learner, each load in a new
tab of a warm browser:

- the baseline: the sign-in page, drawn without any API call, until its heading is on screen;
- the dashboard's first render: until its level and streak are on screen (drawn from
  `/gamification` alone, before the charts' bigger answer arrives);
- the dashboard complete: until every chart is drawn and nothing on the page is loading.

Each time is the page's own clock (``performance.now()``, from the navigation's start) when the
element first shows, watched on every animation frame.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
import uuid

import httpx
import orjson
from _common import PASSWORD, percentile, running_stack, sign_up, start_run
from playwright.async_api import Page, async_playwright

TARGET = "first render (level and streak) p50 <= 500 ms and every chart p50 <= 1,000 ms on the local stack"
CHROMIUM = os.environ.get("PARLA_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip
SCENARIOS = ["hotel-check-in", "restaurant-dinner-reservation", "at-the-pharmacy", "clothes-shopping"]
SIGN_IN_SHOWN = "document.querySelector('main h1')"
STANDING_SHOWN = "document.getElementById('dashboard-standing')"
CHARTS_SHOWN = "document.querySelectorAll('main [role=img]').length >= 3 && !document.querySelector('[aria-busy=true]')"


async def give_activity(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    """Completed runs (each with a phrase said) and reviewed cards: every chart has data."""
    for scenario_id in SCENARIOS:
        run_id = await start_run(client, headers, scenario_id)
        scenario = (await client.get(f"/api/v1/scenarios/{scenario_id}", params={"language": "es"}, headers=headers)).json()
        for phrase in scenario["phases"][0]["phrases"]:
            (await client.post(f"/api/v1/runs/{run_id}/turns", json={"text": phrase["text"]}, headers=headers)).raise_for_status()
        (await client.post(f"/api/v1/runs/{run_id}/complete", headers=headers)).raise_for_status()
    for n in range(20):
        card = await client.post(
            "/api/v1/cards", json={"language": "es", "front": f"palabra {n}", "back": f"word {n}"}, headers=headers
        )
        card.raise_for_status()
        review = {"card_id": card.json()["id"], "rating": "good" if n % 3 else "again", "client_review_id": str(uuid.uuid4())}
        (await client.post("/api/v1/reviews", json=review, headers=headers)).raise_for_status()


async def shown_after(page: Page, path: str, condition: str) -> float:
    """Milliseconds from the navigation's start until ``condition`` holds on the page."""
    await page.goto(path, wait_until="commit")
    handle = await page.wait_for_function(f"() => ({condition}) && performance.now()", polling="raf", timeout=30_000)
    return float(await handle.json_value())


async def measure(base_url: str, tokens: dict, loads: int) -> dict[str, list[float]]:
    stored = orjson.dumps(orjson.dumps(tokens).decode()).decode()
    times: dict[str, list[float]] = {"sign-in page (baseline)": [], "dashboard: first render": [], "dashboard: every chart": []}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        anonymous = await browser.new_context(base_url=base_url)
        signed = await browser.new_context(base_url=base_url)
        await signed.add_init_script(f"localStorage.setItem('parla.tokens', {stored});")
        for page_of in (anonymous, signed):  # warm: the client's files are cached, as on a second visit
            warm = await page_of.new_page()
            await warm.goto("/sign-in")
            await warm.close()
        for _ in range(loads):
            page = await anonymous.new_page()
            times["sign-in page (baseline)"].append(await shown_after(page, "/sign-in", SIGN_IN_SHOWN))
            await page.close()
            page = await signed.new_page()
            times["dashboard: first render"].append(await shown_after(page, "/dashboard", STANDING_SHOWN))
            await page.wait_for_function(f"() => {CHARTS_SHOWN}", polling="raf", timeout=30_000)
            times["dashboard: every chart"].append(await page.evaluate("performance.now()"))
            await page.close()
        await browser.close()
    return times


async def active_learner(base_url: str) -> dict:
    """A learner with activity, signed in: the tokens the client keeps."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
        headers = await sign_up(client, email)
        await give_activity(client, headers)
        login = (await client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})).json()
    await asyncio.sleep(3)  # the analytics consumer applies the activity
    return {"access": login["access_token"], "refresh": login["refresh_token"], "expiresAt": (time.time() + 3600) * 1000}


def main(loads: int) -> None:
    with running_stack("sqlite") as stack:
        tokens = asyncio.run(active_learner(stack.config.url()))
        times = asyncio.run(measure(stack.config.url(), tokens, loads))
    print(f"\nweb dashboard, {loads} loads each in a warm Chromium, local stack (SQLite)   target: {TARGET}")
    for name, found in times.items():
        print(f"  {name:26} p50 {percentile(found, 0.5):7.0f} ms   p95 {percentile(found, 0.95):7.0f} ms")
    first, every = percentile(times["dashboard: first render"], 0.5), percentile(times["dashboard: every chart"], 0.5)
    base = percentile(times["sign-in page (baseline)"], 0.5)
    print(f"  first render {first / base:.2f}× the sign-in page; every chart {every / base:.2f}×")
    print(f"  target {'met' if first <= 500 and every <= 1000 else 'NOT met'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=20)
    main(parser.parse_args().loads)
