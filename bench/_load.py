"""A bounded HTTP load on one URL: wrk when it is installed, else a closed loop of httpx clients.

Both keep a fixed number of connections busy for a fixed time and report requests per second,
the median and 99th percentile latency, and every answer that was not a success.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx
from _common import percentile

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}
# wrk only says how many answers were not 2xx/3xx; this counts answers by status, per thread.
_COUNT_STATUSES = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do io.write(string.format("status %d %d\\n", status, count)) end
  end
end
"""


@dataclass
class Load:
    requests: int
    per_second: float
    p50_ms: float
    p99_ms: float
    failures: Counter = field(default_factory=Counter)

    def describe_failures(self) -> str:
        return ", ".join(f"{name} x{count}" for name, count in sorted(self.failures.items())) or "none"


def generator() -> str:
    return "wrk" if shutil.which("wrk") else "httpx"


def load(url: str, headers: dict[str, str], *, seconds: float, connections: int, threads: int) -> Load:
    if generator() == "wrk":
        return _wrk(url, headers, seconds=seconds, connections=connections, threads=threads)
    return asyncio.run(_httpx(url, headers, seconds=seconds, connections=connections))


def _milliseconds(output: str, label: str) -> float:
    """A latency wrk printed after ``label``, in ms; NaN when no request was answered in time."""
    found = re.search(rf"{re.escape(label)}\s+([\d.]+)(us|ms|s|m)\b", output)
    return float(found.group(1)) * _UNITS[found.group(2)] if found else float("nan")


def _wrk(url: str, headers: dict[str, str], *, seconds: float, connections: int, threads: int) -> Load:
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(_COUNT_STATUSES)
        script.flush()
        command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--latency", "--timeout", "60s"]
        command += ["-s", script.name]
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    failures: Counter = Counter()
    for status, count in re.findall(r"^status (\d+) (\d+)$", output, re.MULTILINE):
        if int(status) >= 400:
            failures[status] += int(count)
    if found := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        for name, count in zip(("connect", "read", "write", "timeout"), found.groups(), strict=True):
            if int(count):
                failures[f"socket {name}"] = int(count)
    return Load(
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_milliseconds(output, "50%"),
        p99_ms=_milliseconds(output, "99%"),
        failures=failures,
    )


async def _httpx(url: str, headers: dict[str, str], *, seconds: float, connections: int) -> Load:
    latencies: list[float] = []
    failures: Counter = Counter()
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(headers=headers, timeout=60, limits=limits) as client:

        async def loop(until: float) -> None:
            while time.perf_counter() < until:
                started = time.perf_counter()
                try:
                    answer = await client.get(url)
                except httpx.HTTPError as error:
                    failures[type(error).__name__] += 1
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                if answer.status_code >= 400:
                    failures[str(answer.status_code)] += 1

        began = time.perf_counter()
        await asyncio.gather(*(loop(began + seconds) for _ in range(connections)))
        elapsed = time.perf_counter() - began
    return Load(len(latencies), len(latencies) / elapsed, percentile(latencies, 0.5), percentile(latencies, 0.99), failures)
