"""Progress and the rest of a learner's settings: the dashboard's charts after some learning (and
its empty state before), achievements and the leaderboard; choosing a tutor persona; the AI
budget; authoring a scenario from a template, editing and publishing it."""

from __future__ import annotations

import re

from playwright.async_api import expect

from ..conftest import Learner, play
from .conftest import checked, eventually


async def test_the_dashboard_draws_a_learners_activity_and_says_what_to_do_before_there_is_any(page, learner, api):
    await page.goto("/dashboard")
    await expect(page.get_by_role("heading", name="Your progress", level=1)).to_be_visible()
    await expect(page.get_by_role("heading", name="Nothing to show yet")).to_be_visible()
    await expect(page.get_by_role("link", name="Find a scenario to play")).to_be_visible()

    run = await play(api, Learner(learner.user_id, learner.access_token), "hotel-check-in", phases=2)

    async def xp() -> bool:
        granted = await api.get(f"/api/v1/gamification/runs/{run['id']}", headers=learner.headers)
        return granted.status_code == 200

    await eventually(xp, True, timeout_s=30)
    await page.reload()
    await expect(page.get_by_role("heading", name="Level and streak")).to_be_visible()
    await expect(page.get_by_role("progressbar", name=re.compile(r"^Progress through level"))).to_be_visible()
    for chart in ("Minutes per day", "XP per day", "Reviews per day"):
        await expect(page.get_by_role("img", name=re.compile(rf"^{chart} over the last 30 days"))).to_be_visible()
    await expect(page.get_by_role("heading", name="Skills")).to_be_visible()
    await expect(page.get_by_role("heading", name="Achievements")).to_be_visible()
    await expect(page.get_by_role("heading", name="This week's leaderboard")).to_be_visible()
    await page.get_by_text("Show the numbers: Minutes per day").first.click()
    await expect(page.get_by_role("table").first).to_be_visible()
    await page.get_by_role("radio", name="Last 7 days").check()
    await expect(page.get_by_role("img", name=re.compile(r"^Minutes per day over the last 7 days"))).to_be_visible()
    await checked(page, "dashboard")


async def test_a_tutor_persona_is_chosen_and_kept(page, learner, api):
    personas = (await api.get("/api/v1/personas", headers=learner.headers)).json()["personas"]
    chosen = personas[-1]
    await page.goto("/tutor")
    await expect(page.get_by_role("heading", name="Your tutor", level=1)).to_be_visible()
    await page.get_by_role("radio", name=chosen["name"]).check()
    await checked(page, "tutor")
    await page.get_by_role("button", name="Save my choice").click()
    await expect(page.get_by_role("status").filter(has_text=chosen["name"])).to_be_visible()
    mine = (await api.get("/api/v1/me/persona", headers=learner.headers)).json()
    assert mine["persona"]["type"] == chosen["type"], mine


async def test_the_ai_budget_shows_its_use_and_takes_a_new_limit(page, learner, api):
    await page.goto("/budget")
    await expect(page.get_by_role("heading", name="Your AI budget", level=1)).to_be_visible()
    await expect(page.get_by_role("meter", name="Share of your limit spent")).to_be_visible()
    await expect(page.get_by_text(re.compile(r"^Alert level:"))).to_be_visible()
    await checked(page, "budget")
    limit = page.get_by_label("Limit in US dollars")
    await limit.fill("-3")
    await page.get_by_role("button", name="Save settings").click()
    await expect(page.get_by_role("alert").or_(page.locator(":invalid")).first).to_be_visible()
    await limit.fill("2.5")
    await page.get_by_role("button", name="Save settings").click()
    await expect(page.get_by_role("status").filter(has_text="Settings saved.")).to_be_visible()
    budget = (await api.get("/api/v1/me/budget", headers=learner.headers)).json()
    assert float(budget["limit_usd"]) == 2.5, budget


async def test_a_scenario_is_written_from_a_template_edited_and_published(page, learner, api):
    await page.goto("/author")
    await expect(page.get_by_role("heading", name="Write your own scenarios", level=1)).to_be_visible()
    await page.get_by_label("Language to write it in").select_option("es")
    await page.get_by_role("radio").first.check()
    await page.get_by_role("textbox", name="Title (optional)").fill("Mi escenario de prueba")
    await checked(page, "author-templates")
    await page.get_by_role("button", name="Create and edit").click()
    await expect(page.get_by_role("heading", name=re.compile(r"^Editing"), level=1)).to_be_visible()
    scenario_id = page.url.rsplit("/", 1)[-1]

    await page.get_by_role("textbox", name="Title", exact=True).fill("En la estación de tren")
    await page.get_by_role("button", name="Add a phase").click()
    await page.get_by_role("textbox", name="Title", exact=True).fill("")
    await page.get_by_role("button", name="Save").click()
    await expect(page.get_by_role("alert").filter(has_text="The scenario was not saved")).to_be_visible()
    await page.get_by_role("textbox", name="Title", exact=True).fill("En la estación de tren")
    await page.get_by_role("button", name="Remove phase", exact=False).last.click()
    await page.get_by_role("button", name="Save").click()
    await expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    await checked(page, "author-editor")
    await page.get_by_role("button", name="Publish").click()
    await expect(page.get_by_role("button", name="Unpublish")).to_be_visible()
    draft = (await api.get(f"/api/v1/scenarios/{scenario_id}/draft", headers=learner.headers)).json()
    assert draft["summary"]["title"] == "En la estación de tren" and draft["summary"]["visibility"] == "public", draft["summary"]

    await page.reload()  # opened again from its draft
    await expect(page.get_by_role("textbox", name="Title", exact=True)).to_have_value("En la estación de tren")
