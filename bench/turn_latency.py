"""Turn latency through the gateway: POST /api/v1/runs/{id}/turns (gateway -> scenario gRPC ->
judge, tutor, database) at a fixed request rate, against the no-op route GET /livez at the same
rate in the same run, on the same stack.

    uv run python bench/turn_latency.py --rate 20 --seconds 15

Starts the whole local stack (Kafka and SQLite files, as `make run` does) in a temporary folder.
Requests are sent open-loop on a fixed schedule, so a slow answer does not slow the sender and
queueing shows up in the percentiles.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time

import httpx
from _common import percentile, running_stack

LINES = [
    "Buenas tardes, quería reservar una mesa para cenar.",
    "Para el sábado a las nueve, somos cuatro personas.",
    "¿Tienen mesa en la terraza?",
    "Me gusta mucho el fútbol.",
]


async def fixed_rate(rate: float, seconds: float, request) -> list[float]:
    """Latencies (ms) of ``request(i)`` fired every 1/rate s for ``seconds``, open loop."""
    latencies: list[float] = []

    async def one(index: int) -> None:
        started = time.perf_counter()
        answer = await request(index)
        answer.raise_for_status()
        latencies.append((time.perf_counter() - started) * 1000)

    tasks = []
    begin = time.perf_counter()
    for index in range(int(rate * seconds)):
        await asyncio.sleep(max(0.0, begin + index / rate - time.perf_counter()))
        tasks.append(asyncio.create_task(one(index)))
    await asyncio.gather(*tasks)
    return latencies


async def measure(base: str, rate: float, seconds: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        account = await client.post(
            "/api/v1/auth/register", json={"email": "bench@example.com", "password": "bench password", "display_name": "Bench"}
        )
        headers = {"Authorization": f"Bearer {account.json()['access_token']}"}
        # Turns on one run are taken one at a time (a second one racing it gets a 409), so the
        # open-loop load is spread over runs, each seeing a turn every two seconds or so.
        runs_needed = max(2, int(rate * 2))
        runs = [
            (await client.post("/api/v1/runs", json={"scenario_id": "restaurant-dinner-reservation"}, headers=headers)).json()[
                "id"
            ]
            for _ in range(runs_needed)
        ]

        async def turn(index: int) -> httpx.Response:
            return await client.post(
                f"/api/v1/runs/{runs[index % len(runs)]}/turns", json={"text": LINES[index % len(LINES)]}, headers=headers
            )

        async def noop(_index: int) -> httpx.Response:
            return await client.get("/livez")

        # Warm-up: connections, and the lemmatizer's dictionary, which loads on a language's first turn.
        await fixed_rate(rate, 2, noop)
        started = time.perf_counter()
        (await client.post(f"/api/v1/runs/{runs[-1]}/turns", json={"text": LINES[0]}, headers=headers)).raise_for_status()
        first_turn = (time.perf_counter() - started) * 1000
        await fixed_rate(rate, 2, turn)
        baseline = await fixed_rate(rate, seconds, noop)
        turns = await fixed_rate(rate, seconds, turn)
    print(f"{len(turns)} requests each, {rate:g}/s for {seconds:g} s; first turn after start-up: {first_turn:.0f} ms")
    for name, values in (("baseline GET /livez (no-op)", baseline), ("POST /api/v1/runs/{id}/turns", turns)):
        p50, p99 = percentile(values, 0.50), percentile(values, 0.99)
        print(f"{name:32s} p50 {p50:7.1f} ms   p99 {p99:7.1f} ms   mean {statistics.fmean(values):7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=20.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=15.0)
    options = parser.parse_args()
    with running_stack() as stack:
        asyncio.run(measure(stack.config.url(), options.rate, options.seconds))


if __name__ == "__main__":
    main()
