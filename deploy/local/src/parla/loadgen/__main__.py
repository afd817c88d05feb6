"""``python -m parla.loadgen``: simulated learners against a Parla on this machine.

    python -m parla.loadgen --learners 50 --duration 60 --rate 40

Bounded on purpose: at most 1,000 learners, an hour and 1,000 requests a second, and only
against a loopback address (a load test is not a way to flood someone else's server). Learners
join over the first tenth of the run (at most 10 s). At the end it prints throughput, latency percentiles per
action and failures, then waits (up to ``--drain`` seconds) for the consumers to catch up and
reports their lag. Exit status 1 when any request failed (429s and 409s are counted apart). Start the
stack with ``PARLA_AUTH_RATE_LIMIT=100000/minute`` so that sign-ups are not rate limited.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from collections.abc import Callable, Sequence
from urllib.parse import urlparse

import httpx

from parla.loadgen.learners import Learner, Pace
from parla.loadgen.report import Recorder, consumer_lag

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
LIMITS = {"learners": 1000, "duration": 3600.0, "rate": 1000.0}
DEFAULT_METRICS = ",".join(f"http://127.0.0.1:{port}/metrics" for port in range(9101, 9106))


def options(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m parla.loadgen", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the gateway (loopback only)")
    parser.add_argument("--learners", type=int, default=20, help=f"1 to {LIMITS['learners']:,}")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds, up to an hour")
    parser.add_argument("--rate", type=float, default=20.0, help="requests a second, all learners together")
    parser.add_argument("--metrics", default=DEFAULT_METRICS, help="the services' /metrics pages, comma-separated")
    parser.add_argument("--drain", type=float, default=30.0, help="seconds to wait for the consumers to catch up")
    parser.add_argument("--seed", type=int, default=None)
    chosen = parser.parse_args(argv)
    host = urlparse(chosen.url).hostname
    if host not in LOOPBACK:
        parser.error(f"--url must be a loopback address ({', '.join(sorted(LOOPBACK))}), not {host!r}")
    if not 1 <= chosen.learners <= LIMITS["learners"]:
        parser.error(f"--learners must be 1 to {LIMITS['learners']:,}")
    if not 0 < chosen.duration <= LIMITS["duration"]:
        parser.error("--duration must be more than 0 and at most 3600 seconds")
    if not 0 < chosen.rate <= LIMITS["rate"]:
        parser.error(f"--rate must be more than 0 and at most {LIMITS['rate']:,.0f} requests a second")
    if any(urlparse(url).hostname not in LOOPBACK for url in chosen.metrics.split(",") if url):
        parser.error("--metrics must be loopback addresses")
    return chosen


async def run(
    chosen: argparse.Namespace, population: list[Learner] | None = None, stopped: Callable[[], bool] = lambda: False
) -> Recorder:
    """The simulated learners until ``chosen.duration`` has passed (or ``stopped()``); each is
    also put in ``population``, for a caller that checks what the API told them (the
    reliability suite)."""
    rng = random.Random(chosen.seed)
    recorder, pace = Recorder(), Pace(chosen.rate)
    until = time.monotonic() + chosen.duration
    limits = httpx.Limits(max_connections=min(chosen.learners, 200))
    async with httpx.AsyncClient(base_url=chosen.url, timeout=30, limits=limits) as api:

        async def one(index: int) -> None:
            # Joining over a tenth of the run (at most 10 s), not all in the same second.
            await asyncio.sleep(min(chosen.duration * 0.1, 10.0) * index / chosen.learners)
            learner = Learner(api, pace, recorder, random.Random(rng.random()))
            if population is not None:
                population.append(learner)
            await learner.live(until, stopped)

        await asyncio.gather(*(one(index) for index in range(chosen.learners)))
    return recorder


async def settled_lag(metrics: list[str], drain: float) -> tuple[dict[str, float], float]:
    """The consumers' lag once it is zero or ``drain`` seconds have passed, and how long that took."""
    began = time.monotonic()
    async with httpx.AsyncClient(timeout=5) as client:
        while True:
            pages = []
            for url in metrics:
                try:
                    pages.append((await client.get(url)).text)
                except httpx.HTTPError:
                    continue
            lag = consumer_lag(pages)
            waited = time.monotonic() - began
            if not any(lag.values()) or waited >= drain:
                return lag, waited
            await asyncio.sleep(0.5)


def main(argv: Sequence[str] | None = None) -> int:
    chosen = options(argv)
    print(f"{chosen.learners} learners for {chosen.duration:.0f} s at up to {chosen.rate:g} requests/s against {chosen.url} ...")
    recorder = asyncio.run(run(chosen))
    metrics = [url for url in chosen.metrics.split(",") if url]
    lag, waited = asyncio.run(settled_lag(metrics, chosen.drain)) if metrics else ({}, 0.0)
    for line in recorder.lines(lag):
        print(line)
    if metrics:
        print(f"consumers {'caught up' if not any(lag.values()) else 'still behind'} {waited:.1f} s after the run")
    return 1 if recorder.failed else 0


if __name__ == "__main__":
    sys.exit(main())
