"""The library: a collection created, reordered by drag and drop and by keyboard, shared and
subscribed to by another learner; bookmarks moved into a folder; tags."""

from __future__ import annotations

from playwright.async_api import expect

from .conftest import checked, eventually, register, sign_in

SCENARIOS = ["hotel-check-in", "restaurant-dinner-reservation", "at-the-pharmacy"]


async def order(api, learner, collection_id: str) -> list[str]:
    found = (await api.get(f"/api/v1/collections/{collection_id}", headers=learner.headers)).json()
    return [item["item"]["ref"]["id"] for item in sorted(found["items"], key=lambda i: i["position"])]


async def titles(api, learner) -> dict[str, str]:
    """The scenarios' titles as the library shows them: in the interface language (English)."""
    found = {}
    for scenario_id in SCENARIOS:
        answer = await api.get(f"/api/v1/scenarios/{scenario_id}", params={"language": "en"}, headers=learner.headers)
        assert answer.status_code == 200, f"{scenario_id}: {answer.text}"
        found[scenario_id] = answer.json()["summary"]["title"]
    return found


async def test_a_collection_is_created_reordered_by_drag_and_by_keyboard_shared_and_subscribed_to(page, learner, api, browser):
    names = await titles(api, learner)
    await page.goto("/library")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await page.get_by_role("button", name="New collection").click()
    await page.get_by_label("Name (3 to 255 characters)").fill("Mi primer viaje")
    await checked(page, "library-new-collection")
    await page.get_by_role("button", name="Create the collection").click()
    await expect(page.get_by_role("heading", name="Mi primer viaje", level=1)).to_be_visible()
    collection_id = page.url.rsplit("/", 1)[-1]
    for scenario_id in SCENARIOS:  # added from the API as the scenario pages would
        added = await api.post(
            f"/api/v1/collections/{collection_id}/items", json={"kind": "scenario", "id": scenario_id}, headers=learner.headers
        )
        assert added.status_code == 200, added.text
    await page.reload()
    items = page.locator("[draggable=true]")
    await expect(items).to_have_count(3)

    await items.nth(2).drag_to(items.nth(0))
    await expect(page.get_by_role("status").filter(has_text="position 1")).to_be_visible()
    await eventually(lambda: order(api, learner, collection_id), [SCENARIOS[2], SCENARIOS[0], SCENARIOS[1]])
    await page.get_by_role("button", name=f"Move down {names[SCENARIOS[2]]}").click()
    await expect(page.get_by_role("status").filter(has_text="position 2")).to_be_visible()
    await eventually(lambda: order(api, learner, collection_id), [SCENARIOS[0], SCENARIOS[2], SCENARIOS[1]])

    await page.get_by_role("button", name="Make public").click()
    await expect(page.get_by_role("button", name="Make private")).to_be_visible()
    await checked(page, "library-collection")

    friend = await register(api)
    other = await browser.new_context(base_url=page.url.split("/collections")[0])
    try:
        tab = await other.new_page()
        await sign_in(tab, friend)
        await tab.goto(f"/collections/{collection_id}")
        await tab.get_by_role("button", name="Subscribe").click()
        await expect(tab.get_by_role("button", name="Unsubscribe")).to_be_visible()

        async def subscribed() -> list[str]:
            page = (await api.get("/api/v1/collections/subscribed", headers=friend.headers)).json()
            return [c["id"] for c in page["collections"]]

        await eventually(subscribed, [collection_id])
    finally:
        await other.close()


async def test_a_scenario_bookmarked_and_tagged_on_its_page_is_sorted_into_a_folder_and_found_by_its_tag(page, learner, api):
    names = await titles(api, learner)
    await page.goto(f"/scenarios/{SCENARIOS[0]}")
    keep = page.get_by_role("region", name="Keep it")
    await keep.get_by_role("button", name="Bookmark").click()
    await expect(keep.get_by_role("button", name="Bookmark")).to_have_attribute("aria-pressed", "true")
    await page.goto(f"/scenarios/{SCENARIOS[1]}")
    await keep.get_by_role("textbox", name="Add tags").fill("viajes")
    await keep.get_by_role("button", name="Add tags").click()
    await expect(keep.get_by_role("status").filter(has_text="Tagged: viajes")).to_be_visible()
    await checked(page, "scenario-keep-it")

    await page.goto("/library?tab=bookmarks")
    await page.get_by_label("New folder's name").fill("Para el verano")
    await page.get_by_role("button", name="Create folder").click()
    await expect(page.get_by_role("button", name="Para el verano (0)")).to_be_visible()
    title = names[SCENARIOS[0]]
    await page.get_by_label(f"Folder ({title})").select_option(label="Para el verano")
    await page.get_by_role("button", name=f"Move {title}").click()
    await expect(page.get_by_role("button", name="Para el verano (1)")).to_be_visible()
    await checked(page, "library-bookmarks")
    [bookmark] = (await api.get("/api/v1/bookmarks", headers=learner.headers)).json()["bookmarks"]
    assert bookmark["folder_id"]

    await page.get_by_role("tab", name="Tags").click()
    await page.get_by_role("button", name="viajes (1)").click()
    await expect(page.get_by_text(names[SCENARIOS[1]])).to_be_visible()
    await checked(page, "library-tags")
