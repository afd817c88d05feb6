"""Every page on a phone: 360 px wide, nothing wider than the screen, nothing an accessibility
check finds serious, and every header link reachable."""

from __future__ import annotations

from playwright.async_api import expect

from .conftest import PHONE, checked

PAGES = ["/", "/discover", "/review", "/documents", "/library", "/dashboard", "/tutor", "/author", "/budget", "/profile"]


async def test_every_page_fits_a_phone_and_passes_the_accessibility_check(page, learner):
    await page.set_viewport_size(PHONE)
    too_wide: dict[str, int] = {}
    for path in PAGES:
        await page.goto(path)
        await expect(page.get_by_role("heading", level=1)).to_be_visible()
        await expect(page.locator("[aria-busy=true]")).to_have_count(0)
        width = await page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
        await checked(page, "phone" + path.replace("/", "-").rstrip("-"))
    assert not too_wide, f"pages wider than a {PHONE['width']} px phone: {too_wide}"


async def test_the_header_links_lead_to_pages_by_keyboard_alone(page, learner):
    await page.goto("/")
    links = page.get_by_role("navigation").get_by_role("link")
    names = await links.all_inner_texts()
    assert {"Discover", "Review", "Documents", "Library", "Progress"} <= set(names), names
    # Tab from the top of the page to the review link, and follow it with Enter.
    for _ in range(len(names) + 2):
        await page.keyboard.press("Tab")
        if await page.evaluate("document.activeElement?.textContent") == "Review":
            break
    await page.keyboard.press("Enter")
    await expect(page).to_have_url("/review")
