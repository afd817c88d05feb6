"""Generate the AsyncAPI catalogue of every event from the services' own declarations.

    uv run python scripts/gen_asyncapi.py          # regenerate
    uv run python scripts/gen_asyncapi.py --check  # fail if the committed document has drifted

Each service (and the gateway) declares what it publishes and consumes in ``events()``; the
chassis renders them with FastStream (``parla.chassis.events_catalogue``). The document is kept
in ``parla.contracts`` (``asyncapi.json``), where the gateway serves it at ``/asyncapi``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from parla.chassis.events_catalogue import catalogue

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "libs" / "contracts" / "src" / "parla" / "contracts" / "asyncapi.json"
DECLARATIONS = [f"parla.{name}.consumers" for name in ("scenario", "content", "persona", "organization", "analytics")]
DECLARATIONS.append("parla.gateway.events")
VERSION = "1"


def document() -> str:
    declared = [importlib.import_module(module).events() for module in DECLARATIONS]
    return json.dumps(catalogue(declared, version=VERSION), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed document differs")
    options = parser.parse_args()
    text = document()
    if options.check:
        if not TARGET.exists() or TARGET.read_text() != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run `uv run python scripts/gen_asyncapi.py`", file=sys.stderr)
            sys.exit(1)
        print("the AsyncAPI catalogue matches the code")
        return
    TARGET.write_text(text)
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
