"""A process started by a launcher stops when the launcher is gone, even one killed outright."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from parla.chassis.parent import stop_with_parent

# The process under watch: it records its pid, watches the launcher that started it, and says
# how it ended (SIGTERM handled as the services handle it: a clean stop).
WATCHED = textwrap.dedent(
    """
    import os, signal, sys, time
    from pathlib import Path
    from parla.chassis.parent import stop_with_parent

    out = Path(sys.argv[1])
    signal.signal(signal.SIGTERM, lambda *_: (out.write_text("stopped by SIGTERM"), sys.exit(0)))
    stop_with_parent(os.getppid(), every=0.05)
    out.write_text(f"watching {os.getpid()}")
    time.sleep(60)
    out.write_text("never stopped")
    """
)

# The launcher: starts the watched process and waits until it watches, then dies without clean-up.
LAUNCHER = textwrap.dedent(
    """
    import subprocess, sys, time, os
    from pathlib import Path

    out = Path(sys.argv[2])
    subprocess.Popen([sys.executable, "-c", sys.argv[1], str(out)], start_new_session=True)
    while not out.exists() or not out.read_text().startswith("watching"):
        time.sleep(0.02)
    os._exit(0)
    """
)


def test_a_process_whose_launcher_died_is_stopped_with_sigterm(tmp_path: Path) -> None:
    out = tmp_path / "watched.txt"
    subprocess.run([sys.executable, "-c", LAUNCHER, WATCHED, str(out)], check=True, timeout=30)
    deadline = time.monotonic() + 20
    while out.read_text() != "stopped by SIGTERM" and time.monotonic() < deadline:
        time.sleep(0.05)
    assert out.read_text() == "stopped by SIGTERM"


def test_without_a_launcher_nothing_is_watched() -> None:
    assert stop_with_parent(0) is None


def test_a_living_launcher_is_watched_and_nothing_happens() -> None:
    watcher = stop_with_parent(os.getppid(), every=0.01)
    assert watcher is not None
    time.sleep(0.1)
    assert watcher.is_alive(), "the parent lives: the watcher keeps watching"
