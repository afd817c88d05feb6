"""The AsyncAPI catalogue of events, for internal teams: ``/asyncapi`` (a page) and
``/asyncapi.json`` (the document, generated from the code by ``scripts/gen_asyncapi.py``).

The page's viewer (``@asyncapi/react-component``, installed with npm from
``gateway/asyncapi-ui/package-lock.json`` by ``scripts/bootstrap.sh``) is served from here: the page
loads nothing from the internet, and it offers no way to publish.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, HTMLResponse, Response

router = APIRouter(include_in_schema=False)

# The viewer's two files, inside the npm package.
ASSETS = {"index.js": "browser/standalone/index.js", "default.min.css": "styles/default.min.css"}

_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Parla events (AsyncAPI)</title>
  <link rel="stylesheet" href="/asyncapi/assets/default.min.css">
</head>
<body>
  <div id="asyncapi"></div>
  <script src="/asyncapi/assets/index.js"></script>
  <script>
    AsyncApiStandalone.render(
      {schema: {url: "/asyncapi.json"}, config: {show: {sidebar: true}, sidebar: {showOperations: "byDefault"}}},
      document.getElementById("asyncapi"),
    );
  </script>
</body>
</html>
"""

_NO_VIEWER = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parla events (AsyncAPI)</title></head>
<body>
  <p>The AsyncAPI viewer is not installed: run <code>scripts/bootstrap.sh</code> (it runs
  <code>npm ci</code> in <code>gateway/asyncapi-ui</code>), then reload.</p>
  <p>The document itself is at <a href="/asyncapi.json">/asyncapi.json</a>.</p>
</body></html>
"""


@cache
def _document() -> bytes:
    return resources.files("parla.contracts").joinpath("asyncapi.json").read_bytes()


@router.get("/asyncapi.json")
async def asyncapi_document() -> Response:
    return Response(_document(), media_type="application/json")


@router.get("/asyncapi")
async def asyncapi_page(request: Request) -> HTMLResponse:
    viewer = request.app.state.asyncapi_ui_dir
    if not all((viewer / path).is_file() for path in ASSETS.values()):
        return HTMLResponse(_NO_VIEWER, status_code=503)
    return HTMLResponse(_PAGE)


@router.get("/asyncapi/assets/{name}")
async def asyncapi_asset(name: str, request: Request) -> Response:
    path = ASSETS.get(name)
    target = request.app.state.asyncapi_ui_dir / path if path else None
    if target is None or not target.is_file():
        return Response(status_code=404)
    return FileResponse(target)
