"""The gateway serves the web client: its files, its index page for any path the client routes
itself (so any page can be reloaded), a real 404 for a missing file, and the API untouched."""

from __future__ import annotations

from .conftest import _client_of, _settings


async def test_the_client_is_served_at_the_root_and_its_own_routes_reload(tmp_path, signing_keys):
    built = tmp_path / "dist"
    (built / "assets").mkdir(parents=True)
    (built / "index.html").write_text("<!doctype html><title>Parla client</title>")
    (built / "assets" / "app.js").write_text("console.log('parla')")
    settings = _settings(tmp_path, signing_keys, f"sqlite+aiosqlite:///{tmp_path / 'g.db'}", web_dir=built)
    async for client in _client_of(settings):
        assert "Parla client" in (await client.get("/")).text
        assert (await client.get("/assets/app.js")).text == "console.log('parla')"
        for page in ("/dashboard", "/review/session", "/sign-in"):
            answer = await client.get(page)
            assert answer.status_code == 200 and "Parla client" in answer.text, page
        assert (await client.get("/assets/missing.js")).status_code == 404
        api = await client.get("/api/v1/no-such-route")
        assert api.status_code == 404 and "Parla client" not in api.text


async def test_until_the_client_is_built_a_page_says_how_to_build_it(tmp_path, signing_keys):
    settings = _settings(tmp_path, signing_keys, f"sqlite+aiosqlite:///{tmp_path / 'g.db'}", web_dir=tmp_path / "missing")
    async for client in _client_of(settings):
        page = await client.get("/")
        assert page.status_code == 200 and "make run" in page.text
