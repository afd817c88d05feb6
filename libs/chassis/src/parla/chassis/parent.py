"""A process that stops when the launcher that started it is gone.

`make run` and the test suite start each service in a session of its own (so that Ctrl-C reaches
the launcher, which stops them in order). A launcher killed outright (SIGKILL, a crashed test
worker, a full disk) runs no clean-up, and its services would go on running, unowned: holding
ports and files, and taking CPU from whatever runs next on the machine.
"""

from __future__ import annotations

import os
import signal
import threading
import time

from parla.chassis.logging import get_logger

log = get_logger(__name__)

# How long a graceful stop may take before the process ends anyway.
STOP_GRACE_SECONDS = 30.0


def stop_with_parent(parent_pid: int, *, every: float = 1.0) -> threading.Thread | None:
    """When ``parent_pid`` is set, watch it from a daemon thread: once this process's parent is
    another (the launcher died, and the process was handed to init), send this process SIGTERM,
    which stops it as Ctrl-C would, and end it if that has not happened in STOP_GRACE_SECONDS."""
    if not parent_pid:
        return None
    watcher = threading.Thread(target=_watch, args=(parent_pid, every), name="parent watcher", daemon=True)
    watcher.start()
    return watcher


def _watch(parent_pid: int, every: float) -> None:
    while os.getppid() == parent_pid:
        time.sleep(every)
    log.warning("the process that started this one is gone; stopping", parent_pid=parent_pid)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(STOP_GRACE_SECONDS)
    os._exit(1)
