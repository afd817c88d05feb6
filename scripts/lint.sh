#!/usr/bin/env bash
# Static checks: architecture contracts, generated-code drift, lint.
set -euo pipefail
cd "$(dirname "$0")/.."
uv run --frozen lint-imports
uv run --frozen python scripts/gen_protos.py --check
uv run --frozen python scripts/gen_asyncapi.py --check
uv run --frozen python scripts/export_openapi.py --check
uv run --frozen ruff check .
uv run --frozen ruff format --check .
