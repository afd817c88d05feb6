"""The token-signing key pair of a local stack, made by the gateway's own CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def ensure_keys(folder: Path) -> tuple[Path, Path]:
    """(private, public) PEM paths in ``folder``; created on first use, kept afterwards."""
    private, public = folder / "jwt_private.pem", folder / "jwt_public.pem"
    if not (private.exists() and public.exists()):
        subprocess.run(
            [sys.executable, "-m", "parla.gateway.cli", "generate-keys", "--out", str(folder)],
            check=True,
            capture_output=True,
        )
    return private, public
