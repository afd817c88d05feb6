"""Where a document's stages run: a worker process of their own.

Why a process: extraction and analysis are CPU-bound Python (a 500,000-word book takes seconds)
and parse files a stranger sent. In the service's own process they would stall every gRPC call
and Kafka batch on the event loop for as long, and a parser that recursed too deep, ran away
with memory or crashed would take the service down with it. A process keeps the loop free,
bounds the memory a stage may take, and can be killed when a stage runs past its time.
"""

from __future__ import annotations

import asyncio
import ctypes
import gc
import multiprocessing
import os
import resource
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

PR_SET_PDEATHSIG = 1


class StageCrashed(Exception):
    """The stage did not finish: its process died, ran out of memory or time. Worth another try
    (a restart, a busy machine) a few times; not forever."""


# How the worker logs, as its service does: (service name, level, as JSON). Spawned, it starts
# with logging as the libraries leave it, which would write its lines in another format.
LogSettings = tuple[str, str, bool]


def _prepare_worker(max_bytes: int, parent: int, log: LogSettings | None = None) -> None:
    """In the worker process, first: it ends with the service (even one killed with SIGKILL,
    which runs no clean-up), its address space is capped, and it logs as the service does."""
    _end_with_parent(parent)
    if max_bytes > 0:
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
    if log is not None:
        from parla.chassis.logging import configure_logging

        configure_logging(*log)


def _end_with_parent(parent: int) -> None:
    # Linux's PR_SET_PDEATHSIG: the kernel sends the signal when the parent dies. Elsewhere the
    # worker notices at its next task, when the pipe to the service is gone.
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the service died before the line above
        os._exit(0)


def _run_stage(stage: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """In the worker process: the stage, with the cyclic garbage collector paused. A stage makes
    hundreds of thousands of objects (a lemma table, sentences), and each collection they set off
    walks every object the language models hold: a quarter of a 50,000-word analysis went to it.
    What a stage leaves is freed by reference counting; the rare cycle waits for the next
    collection."""
    gc.disable()
    try:
        return stage(*args)
    finally:
        gc.enable()


class ProcessRunner:
    """Runs one stage at a time in a long-lived worker process (its language models stay loaded
    between documents), replaced after a crash or a timeout."""

    def __init__(self, *, timeout_seconds: float, memory_bytes: int, log: LogSettings | None = None) -> None:
        self._timeout = timeout_seconds
        self._memory = memory_bytes
        self._log = log
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the service's process has gRPC and Kafka threads a fork would copy
            # mid-flight.
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_prepare_worker,
                initargs=(self._memory, os.getpid(), self._log),
            )
        return self._pool

    async def __call__(self, stage: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._executor(), _run_stage, stage, *args), self._timeout)
        except TimeoutError:
            self.close()
            raise StageCrashed(f"the stage ran past {self._timeout:.0f} s") from None
        except BrokenProcessPool:
            self.close()
            raise StageCrashed("the worker process stopped") from None
        except MemoryError:
            self.close()
            raise StageCrashed("the stage ran out of memory") from None

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        # A stage cannot be cancelled once running: its process is stopped instead. The
        # executor keeps its processes in a private mapping; there is no public way to do this.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)


async def run_inline(stage: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """Runs a stage in this process: for use-case tests with small fake stages."""
    return stage(*args)
