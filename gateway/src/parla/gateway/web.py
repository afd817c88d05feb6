"""Serving the web client: its files, and its index page for any other path it routes itself."""

from __future__ import annotations

from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import Scope


class SinglePageApp(StaticFiles):
    """Static files where a path that is not a file (``/review``, ``/dashboard``) answers the
    client's index page, so a learner can reload or share any page of the client. An API path
    that no route matched stays a 404, as does a missing file (a name with an extension)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        try:
            return await super().get_response(path, scope)
        except HTTPException as error:
            if error.status_code != 404 or path.startswith("api/") or "." in path.rsplit("/", 1)[-1]:
                raise  # a missing asset (a file name) is a real 404
            return await super().get_response("index.html", scope)
