"""Write the gateway's OpenAPI document to web/openapi.json, the source of the web client's types.

    uv run python scripts/export_openapi.py           # write it
    uv run python scripts/export_openapi.py --check   # fail if it is out of date (CI)

The document is built from the routes alone: nothing is started and no database is opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from parla.gateway.config import GatewaySettings
from parla.gateway.main import create_app

TARGET = Path(__file__).resolve().parent.parent / "web" / "openapi.json"


def document() -> str:
    app = create_app(GatewaySettings(), run_relay=False)
    return json.dumps(app.openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if web/openapi.json is out of date")
    wanted = document()
    if parser.parse_args().check:
        if not TARGET.exists() or TARGET.read_text() != wanted:
            print(f"{TARGET.relative_to(Path.cwd())} is out of date: run `uv run python scripts/export_openapi.py`")
            return 1
        print("the web client's OpenAPI document matches the gateway")
        return 0
    TARGET.write_text(wanted)
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
