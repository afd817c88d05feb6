"""Account: sign up, sign out, sign in, a silent token refresh, the profile, and the interface in
Spanish."""

from __future__ import annotations

import uuid

from playwright.async_api import expect

from .conftest import checked, eventually, register, sign_in


async def test_a_new_learner_signs_up_signs_out_and_signs_back_in(page, api):
    email = f"{uuid.uuid4().hex[:12]}@example.com"
    await page.goto("/")
    await expect(page).to_have_url("/sign-in")
    await checked(page, "account-sign-in")
    await page.get_by_role("link", name="New here? Create an account").click()
    await page.get_by_label("Your name").fill("Ana")
    await page.get_by_label("E-mail").fill(email)
    await page.get_by_label("Password").fill("short")
    await page.get_by_role("button", name="Create my account").click()
    await expect(page).to_have_url("/sign-up")  # the browser refused a password under 8 characters
    await page.get_by_label("Password").fill("a long password")
    await checked(page, "account-sign-up")
    await page.get_by_role("button", name="Create my account").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Ana")
    await checked(page, "account-home")

    session = await page.evaluate("JSON.parse(localStorage.getItem('parla.tokens'))")
    await page.get_by_role("button", name="Sign out").click()
    await expect(page).to_have_url("/sign-in")
    assert await page.evaluate("localStorage.getItem('parla.tokens')") is None

    async def refresh_refused() -> bool:
        answer = await api.post("/api/v1/auth/refresh", json={"refresh_token": session["refresh"]})
        return answer.status_code == 401

    await eventually(refresh_refused, True)  # signing out ended the session on the server too
    await page.get_by_label("E-mail").fill(email)
    await page.get_by_label("Password").fill("not my password")
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("alert")).not_to_be_empty()
    await page.get_by_label("Password").fill("a long password")
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Ana")


async def test_an_access_token_about_to_lapse_is_refreshed_without_the_learner_noticing(page, api):
    learner = await register(api)
    await sign_in(page, learner, expires_in_s=5)
    await page.goto("/profile")
    await expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    stored = await page.evaluate("JSON.parse(localStorage.getItem('parla.tokens'))")
    assert stored["refresh"] != learner.refresh_token, "the refresh token rotated"
    assert stored["access"] != learner.access_token


async def test_the_profile_is_saved_and_the_interface_speaks_spanish(page, api):
    learner = await register(api)
    await sign_in(page, learner)
    await page.goto("/profile")
    await page.get_by_label("Your level").select_option("intermediate")
    await page.get_by_label("Your time zone (your streak's days are counted in it)").select_option("Europe/Madrid")
    await checked(page, "account-profile")
    await page.get_by_role("button", name="Save").click()
    await expect(page.get_by_role("status")).to_have_text("Saved.")
    me = (await api.get("/api/v1/me", headers=learner.headers)).json()
    assert (me["level"], me["timezone"]) == ("intermediate", "Europe/Madrid")

    await page.get_by_label("Interface language").select_option("es")
    await expect(page.get_by_role("button", name="Salir")).to_be_visible()
    await page.reload()
    await expect(page.get_by_role("heading", name="Tu perfil")).to_be_visible()
    assert await page.evaluate("document.documentElement.lang") == "es"
