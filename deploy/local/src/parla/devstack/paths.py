"""Where the repository and its local data live."""

from __future__ import annotations

import os
from pathlib import Path

# deploy/local/src/parla/devstack/paths.py -> repository root
REPO_ROOT = Path(__file__).resolve().parents[5]


def data_dir() -> Path:
    """The project's data directory (``PARLA_DATA_DIR`` or ``.data`` in the repository)."""
    return Path(os.environ.get("PARLA_DATA_DIR", REPO_ROOT / ".data")).resolve()
