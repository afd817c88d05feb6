"""Review: a session by keyboard (space, 1-4, undo) with each rating's interval shown, and going
offline in the middle of it: the reviews made offline are kept in the browser and synced when
the connection returns (on whatever page the learner is by then), none lost and none doubled."""

from __future__ import annotations

import re

from playwright.async_api import expect

from .conftest import checked, eventually

WORDS = {"la mesa": "the table", "la silla": "the chair", "la ventana": "the window", "la puerta": "the door"}


async def queued(page, learner) -> int:
    """How many reviews wait in the browser's queue (IndexedDB) for this learner."""
    return await page.evaluate(
        """(name) => new Promise((resolve, reject) => {
            const opened = indexedDB.open(name);
            opened.onerror = () => reject(opened.error);
            opened.onsuccess = () => {
                const count = opened.result.transaction("reviews").objectStore("reviews").count();
                count.onsuccess = () => { resolve(count.result); opened.result.close(); };
            };
        })""",
        f"parla.reviews.{learner.user_id}",
    )


async def test_a_session_by_keyboard_goes_offline_midway_and_every_review_arrives_once(page, learner, api):
    card_ids = {}
    for front, back in WORDS.items():
        added = await api.post("/api/v1/cards", json={"language": "es", "front": front, "back": back}, headers=learner.headers)
        assert added.status_code == 201, added.text
        card_ids[front] = added.json()["id"]

    await page.goto("/review")
    await expect(page.get_by_role("heading", name="Review", level=1)).to_be_visible()
    await expect(page.get_by_role("button", name="Show answer")).to_be_visible()
    await checked(page, "review-question")
    await page.keyboard.press("Space")
    await expect(page.get_by_role("heading", name="Answer")).to_be_visible()
    ratings = page.get_by_role("group", name="How well did you remember it?")
    for name in ("Again", "Hard", "Good", "Easy"):
        # A new card: each rating names where it would send the card ("1 min", "10 min", "1 d"...).
        await expect(ratings.get_by_role("button", name=re.compile(rf"^{name}\s*\d+\s*(min|h|d)"))).to_be_visible()
    await checked(page, "review-answer")
    await page.keyboard.press("3")  # Good
    await expect(page.get_by_text("3 cards left", exact=True)).to_be_visible()
    await page.keyboard.press("u")  # undo: that card comes back, its answer shown
    await expect(page.get_by_text("4 cards left", exact=True)).to_be_visible()
    await expect(page.get_by_role("heading", name="Answer")).to_be_visible()
    await page.keyboard.press("3")
    await expect(page.get_by_text("3 cards left", exact=True)).to_be_visible()

    await page.context.set_offline(True)
    for key, left in (("4", "2 cards left"), ("3", "1 card left")):
        await page.keyboard.press("Space")
        await expect(page.get_by_role("heading", name="Answer")).to_be_visible()
        await page.keyboard.press(key)
        await expect(page.get_by_text(left, exact=True)).to_be_visible()
    await expect(page.get_by_role("status").filter(has_text=re.compile(r"Offline"))).to_be_visible()
    await checked(page, "review-offline")
    await page.keyboard.press("Space")
    await expect(page.get_by_role("heading", name="Answer")).to_be_visible()
    await page.keyboard.press("3")  # the last card: the session ends with its rating kept offline
    await expect(page.get_by_role("heading", name="Session complete")).to_be_visible()
    # The three made offline, and the one before them: held for undo until the next rating, which
    # came after the connection had gone.
    assert await queued(page, learner) == 4

    # The learner moves on while still offline; the connection returns on another page.
    await page.get_by_role("navigation").get_by_role("link", name="Progress").click()
    await expect(page.get_by_role("heading", name="Your progress", level=1)).to_be_visible()
    await page.context.set_offline(False)

    async def counts() -> dict[str, int]:
        found = {}
        for front, card_id in card_ids.items():
            found[front] = (await api.get(f"/api/v1/cards/{card_id}", headers=learner.headers)).json()["reviews"]
        return found

    await eventually(counts, dict.fromkeys(WORDS, 1))
    assert await queued(page, learner) == 0
    await page.get_by_role("navigation").get_by_role("link", name="Review").click()
    await expect(page.get_by_role("heading", name="Review", level=1)).to_be_visible()
    await expect(page.locator("[aria-busy=true]")).to_have_count(0)
    await checked(page, "review-after-sync")
