"""The worker process a document's stages run in: a real process, replaced after a crash or a
timeout, and gone with the service even when the service is killed."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from parla.content.documents.runner import ProcessRunner, StageCrashed

ORPHAN = """
import asyncio, os, signal
from parla.content.documents.runner import ProcessRunner
runner = ProcessRunner(timeout_seconds=60, memory_bytes=0)
print(asyncio.run(runner(os.getpid)), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""

LOGGING = """
import asyncio, logging
from parla.content.documents.runner import ProcessRunner
runner = ProcessRunner(timeout_seconds=60, memory_bytes=0, log=("content", "INFO", True))
asyncio.run(runner(logging.warning, "a line from the worker"))
runner.close()
"""


@pytest.fixture
async def runner():
    runner = ProcessRunner(timeout_seconds=2, memory_bytes=0)
    yield runner
    runner.close()


async def test_a_stage_runs_in_a_process_of_its_own_kept_between_stages(runner):
    first, second = await runner(os.getpid), await runner(os.getpid)
    assert first == second != os.getpid()


async def test_a_stage_whose_process_dies_or_overruns_is_a_crash_and_the_next_stage_gets_a_new_process(runner):
    before = await runner(os.getpid)
    with pytest.raises(StageCrashed, match="stopped"):
        await runner(os._exit, 1)
    with pytest.raises(StageCrashed, match="ran past"):
        await runner(time.sleep, 30)
    assert await runner(os.getpid) not in (before, os.getpid())


def test_the_worker_process_ends_when_the_service_is_killed():
    service = subprocess.run([sys.executable, "-c", ORPHAN], capture_output=True, text=True, timeout=60)
    worker = int(service.stdout.strip())
    deadline = time.monotonic() + 10
    while os.path.exists(f"/proc/{worker}") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not os.path.exists(f"/proc/{worker}"), "the worker outlived the service killed with SIGKILL"


def test_the_worker_process_logs_as_its_service_does():
    import json

    service = subprocess.run([sys.executable, "-c", LOGGING], capture_output=True, text=True, timeout=60, check=True)
    [line] = [json.loads(line) for line in service.stderr.splitlines() if "a line from the worker" in line]
    assert line["service"] == "content" and line["level"] == "warning"
