"""Discover and play: find a scenario, open its page, play it with the tutor through its phases,
finish, read the summary (score, words, mistakes, cards added, XP), and rate it."""

from __future__ import annotations

import re

from playwright.async_api import expect

from .conftest import checked

SCENARIO = "hotel-check-in"


async def test_a_learner_finds_a_scenario_plays_it_through_and_sees_what_they_earned(page, learner, api):
    scenario = (await api.get(f"/api/v1/scenarios/{SCENARIO}", params={"language": "es"}, headers=learner.headers)).json()

    await page.goto("/discover")
    await expect(page.get_by_role("heading", name="Discover scenarios", level=1)).to_be_visible()
    await expect(page.get_by_role("heading", name="Trending now")).to_be_visible()
    await checked(page, "discover-hub")
    await page.get_by_role("searchbox", name="Words in the title or description").fill(scenario["summary"]["title"])
    await page.get_by_role("button", name="Search", exact=True).click()
    await expect(page.get_by_role("heading", name="Search results")).to_be_visible()
    await checked(page, "discover-search")
    await page.get_by_role("link", name=scenario["summary"]["title"]).first.click()

    await expect(page.get_by_role("heading", name=scenario["summary"]["title"], level=1)).to_be_visible()
    await expect(page.get_by_role("heading", name="Phases")).to_be_visible()
    await checked(page, "scenario-page")
    await page.get_by_role("button", name="Start").click()
    await expect(page).to_have_url(re.compile(r"/play/[0-9a-f-]+$"))

    await expect(page.get_by_role("log", name="Conversation")).to_be_visible()
    await checked(page, "play-start")
    reply = page.get_by_role("textbox", name="Your reply")
    first, *later = scenario["phases"]
    turns = page.locator(".play-turns > li")
    for phase in (first, *later[:1]):
        for phrase in phase["phrases"]:
            before = await turns.count()
            await reply.fill(phrase["text"])
            await reply.press("Enter")
            # Each turn is answered by the tutor in role before the next is sent.
            await expect(turns).to_have_count(before + 2, timeout=30_000)
    await reply.fill("un habitacion para dos noche")  # a mistake the tutor corrects
    await reply.press("Enter")
    await expect(page.get_by_role("list", name="Corrections").first).to_be_visible(timeout=30_000)
    await checked(page, "play-conversation")

    await page.get_by_role("button", name="Finish").click()
    await expect(page.get_by_role("heading", name="How it went")).to_be_visible()
    await expect(page.get_by_text("out of 100")).to_be_visible()
    await expect(page.get_by_role("heading", name="Words you missed")).to_be_visible()
    await expect(page.get_by_role("heading", name="Added to your review deck")).to_be_visible()
    await expect(page.get_by_role("status").filter(has_text=re.compile(r"^\+\d+ XP"))).to_be_visible(timeout=30_000)
    await expect(page.get_by_role("status").filter(has_text="Cards from this run in your review deck")).to_be_visible()
    await checked(page, "play-summary")

    await page.get_by_role("link", name="Rate this scenario").click()
    for dimension in ("Overall", "Cultural authenticity", "Difficulty accuracy", "Engagement", "Learning effectiveness"):
        await page.get_by_role("group", name=dimension, exact=True).get_by_role("radio", name=re.compile(r"^4")).check()
    await page.get_by_label("Your review").fill("Muy útil para practicar la llegada al hotel.")
    await checked(page, "rate-scenario")
    await page.get_by_role("button", name="Save my rating").click()
    await expect(page.get_by_role("status").filter(has_text="saved")).to_be_visible()
    mine = await api.get(f"/api/v1/scenarios/{SCENARIO}/ratings/mine", headers=learner.headers)
    assert mine.status_code == 200 and mine.json()["overall"] == 4, mine.text
