"""The AsyncAPI catalogue as the gateway serves it: the document, and a page that loads nothing
from the internet."""

from __future__ import annotations

import json
import re
from importlib import resources

from .conftest import _client_of, _settings


async def client_with_viewer(tmp_path, signing_keys, viewer):
    settings = _settings(tmp_path, signing_keys, f"sqlite+aiosqlite:///{tmp_path / 'gateway.db'}", asyncapi_ui_dir=viewer)
    return _client_of(settings)


async def test_the_document_is_the_catalogue_generated_from_the_code(tmp_path, signing_keys):
    async for client in await client_with_viewer(tmp_path, signing_keys, tmp_path / "none"):
        answer = await client.get("/asyncapi.json")
        assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
        expected = json.loads(resources.files("parla.contracts").joinpath("asyncapi.json").read_text())
        assert answer.json() == expected and answer.json()["asyncapi"] == "3.0.0"


async def test_without_the_viewer_the_page_says_how_to_install_it(tmp_path, signing_keys):
    async for client in await client_with_viewer(tmp_path, signing_keys, tmp_path / "none"):
        answer = await client.get("/asyncapi")
        assert answer.status_code == 503 and "scripts/bootstrap.sh" in answer.text and "/asyncapi.json" in answer.text


async def test_the_page_and_its_viewer_come_from_the_gateway_and_offer_no_publishing(tmp_path, signing_keys):
    viewer = tmp_path / "react-component"
    (viewer / "browser" / "standalone").mkdir(parents=True)
    (viewer / "styles").mkdir()
    (viewer / "browser" / "standalone" / "index.js").write_text("window.AsyncApiStandalone = {};")
    (viewer / "styles" / "default.min.css").write_text("body{}")
    async for client in await client_with_viewer(tmp_path, signing_keys, viewer):
        page = await client.get("/asyncapi")
        assert page.status_code == 200
        loaded = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert loaded and all(url.startswith("/asyncapi") for url in loaded), loaded
        assert "try" not in page.text.lower()
        script = await client.get("/asyncapi/assets/index.js")
        assert script.status_code == 200 and script.text == "window.AsyncApiStandalone = {};"
        assert (await client.get("/asyncapi/assets/default.min.css")).text == "body{}"
        assert (await client.get("/asyncapi/assets/..%2F..%2Fpackage.json")).status_code == 404
        assert (await client.get("/asyncapi/assets/other.js")).status_code == 404
