"""Requests per second through the gateway against a bare Starlette hello-world app served by
uvicorn with the gateway's own settings (the baseline), in the same run, on the same machine.

    uv run python bench/gateway.py                      # wrk -t2 -c32 for 10 s per target
    uv run python bench/gateway.py --seconds 5 --connections 16

Starts the whole local stack (Kafka, every service and the gateway on SQLite files, logging as
`make run` does) on a temporary data directory, signs a learner in, and loads in turn: the bare
app, the same app making one gRPC call per request (the scenario service's health check: the
cost of the hop every API route pays, with no work behind it), GET /livez (no other service
asked), the catalogue's first page (GET /api/v1/scenarios)
with 1,000 learner-authored published scenarios besides the shipped ones, and GET
/api/v1/progress. Then 9,000 more scenarios go in and the catalogue page is loaded again: its
99th percentile should not grow with the catalogue. Each time scenarios go in, the load waits
until the stack is quiet again (the organization service tags every new scenario). Uses wrk
when installed (apt-get install wrk), else a closed loop of httpx clients, which loads far less.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from dataclasses import dataclass

import grpc
import httpx
import uvicorn
from _catalogue import publish_scenarios, wait_until_published
from _common import database_url, running_stack, sign_up, start_run, wait_until_quiet
from _load import Load, generator, load
from grpc_health.v1 import health_pb2, health_pb2_grpc
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from parla.devstack.stack import Stack
from parla.devstack.testing import free_port
from parla.gateway.config import GatewaySettings

CATALOGUE = "/api/v1/scenarios?language=es&limit=20"
TARGETS = (
    "/livez >= 0.5x bare Starlette; catalogue page and progress each >= 0.15x; catalogue p99 at 10,000 <= 1.3x its p99 at 1,000"
)


# --- the baselines: a bare Starlette app, and the same app with one gRPC hop -----------------------


async def hello(_request) -> JSONResponse:
    return JSONResponse({"hello": "world"})


def hop_route(grpc_address: str) -> Route:
    """``/hop``: one gRPC health check of a service per request, on one channel as the gateway
    keeps, and no interceptors: the least any route that asks a service can cost."""
    channel: grpc.aio.Channel | None = None

    async def hop(_request) -> JSONResponse:
        nonlocal channel
        if channel is None:  # made in the server's event loop
            channel = grpc.aio.insecure_channel(grpc_address)
        answer = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=5)
        return JSONResponse({"status": health_pb2.HealthCheckResponse.ServingStatus.Name(answer.status)})

    return Route("/hop", hop)


def serve_starlette(port: int, grpc_address: str) -> None:
    """The baseline app, run by uvicorn exactly as the gateway's main() runs the gateway."""
    settings = GatewaySettings()
    uvicorn.run(
        Starlette(routes=[Route("/", hello), hop_route(grpc_address)]),
        host="127.0.0.1",
        port=port,
        log_config=None,
        timeout_graceful_shutdown=10,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
    )


def start_starlette(grpc_address: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, __file__, "--serve-starlette", str(port), "--hop-to", grpc_address])
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("the bare Starlette app did not answer within 30 s")


# --- the gateway ----------------------------------------------------------------------------


async def signed_in_learner(base: str) -> dict[str, str]:
    """A learner with one completed run, so that progress has something to sum up."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        headers = await sign_up(client, f"reader-{time.time_ns()}@example.com")
        run_id = await start_run(client, headers, "restaurant-dinner-reservation")
        text = "Buenas noches, quería reservar una mesa para dos personas."
        (await client.post(f"/api/v1/runs/{run_id}/turns", json={"text": text}, headers=headers)).raise_for_status()
        (await client.post(f"/api/v1/runs/{run_id}/complete", headers=headers)).raise_for_status()
        return headers


async def catalogue_total(base: str, headers: dict[str, str]) -> int:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        answer = await client.get(CATALOGUE, headers=headers)
        answer.raise_for_status()
        return answer.json()["total"]


async def grow_catalogue(stack: Stack, headers: dict[str, str], first: int, count: int) -> int:
    """``count`` more published scenarios; returns the catalogue's total as the API reports it."""
    url = database_url(stack, "scenario")
    began = time.perf_counter()
    await publish_scenarios(url, first, count)
    unsent = await wait_until_published(url)
    total = await catalogue_total(stack.config.url(), headers)
    if total < first + count:
        raise RuntimeError(f"the catalogue lists {total} scenarios after {first + count} were published")
    # The other services take in the scenarios' events (the organization service tags each one):
    # a page measured meanwhile would share the CPU with that, not show what a page costs.
    waited = wait_until_quiet(stack, timeout=600)
    note = f", {unsent} events still unsent" if unsent else ""
    print(
        f"  (put in {count} scenarios in {time.perf_counter() - began - waited:.0f} s; the catalogue lists {total}{note}; "
        f"the stack was quiet {waited:.0f} s later)"
    )
    return total


# --- measuring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    seconds: float
    connections: int
    threads: int
    scenarios: int
    more_scenarios: int


def measure(name: str, url: str, headers: dict[str, str], options: Options, *baselines: Load) -> Load:
    """A short warm-up, then the measured load; prints one line, with the ratio to each baseline."""
    load(url, headers, seconds=2, connections=options.connections, threads=options.threads)
    result = load(url, headers, seconds=options.seconds, connections=options.connections, threads=options.threads)
    ratios = "  ".join(f"{result.per_second / baseline.per_second:6.3f}x" for baseline in baselines) or "baseline"
    print(
        f"{name:44s} {result.per_second:8.1f} req/s  {ratios:16s} p50 {result.p50_ms:8.1f} ms   "
        f"p99 {result.p99_ms:8.1f} ms   failures: {result.describe_failures()}",
        flush=True,
    )
    return result


def bench(options: Options) -> None:
    print(
        f"{generator()}: {options.threads} threads, {options.connections} connections, {options.seconds:g} s per target "
        f"(after a 2 s warm-up); ratios are to bare Starlette, then to Starlette with one gRPC hop",
        flush=True,
    )
    with running_stack("sqlite", log_level="INFO") as stack:
        starlette, starlette_url = start_starlette(f"127.0.0.1:{stack.config.grpc_ports['scenario']}")
        try:
            base = stack.config.url()
            headers = asyncio.run(signed_in_learner(base))
            asyncio.run(grow_catalogue(stack, headers, 0, options.scenarios))
            bare = measure("bare Starlette hello world", starlette_url, {}, options)
            hop = measure("bare Starlette, one gRPC call", f"{starlette_url}hop", {}, options, bare)
            livez = measure("GET /livez", f"{base}/livez", {}, options, bare)
            page = measure(f"GET {CATALOGUE}", f"{base}{CATALOGUE}", headers, options, bare, hop)
            progress = measure("GET /api/v1/progress", f"{base}/api/v1/progress", headers, options, bare, hop)
            more = options.more_scenarios - options.scenarios
            asyncio.run(grow_catalogue(stack, headers, options.scenarios, more))
            name = f"  the same, {options.more_scenarios:,} scenarios"
            large = measure(name, f"{base}{CATALOGUE}", headers, options, bare, hop)
        finally:
            starlette.terminate()
            starlette.wait(timeout=15)
    report(bare, hop, livez, page, progress, large, options)


def report(bare: Load, hop: Load, livez: Load, page: Load, progress: Load, large: Load, options: Options) -> None:
    growth = large.p99_ms / page.p99_ms if page.p99_ms else float("inf")
    checks = {
        "/livez >= 0.5x": livez.per_second >= 0.5 * bare.per_second,
        "catalogue >= 0.15x": page.per_second >= 0.15 * bare.per_second,
        "progress >= 0.15x": progress.per_second >= 0.15 * bare.per_second,
        f"catalogue p99 {options.more_scenarios:,} / {options.scenarios:,} = {growth:.2f}x <= 1.3x": growth <= 1.3,
        "no failures": not any(r.failures for r in (bare, hop, livez, page, progress, large)),
    }
    print(f"\ntarget: {TARGETS}")
    print("result: " + "; ".join(f"{name} {'met' if met else 'NOT met'}" for name, met in checks.items()))
    print(
        f"floor: one gRPC call behind bare Starlette already answers {hop.per_second / bare.per_second:.3f}x bare; "
        f"the catalogue page answers {page.per_second / hop.per_second:.2f}x and progress "
        f"{progress.per_second / hop.per_second:.2f}x of that floor"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per target")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--scenarios", type=int, default=1000, help="published scenarios for the first measurements")
    parser.add_argument("--more-scenarios", type=int, default=10_000, help="published scenarios for the last one")
    parser.add_argument("--serve-starlette", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--hop-to", metavar="ADDRESS", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve_starlette:
        serve_starlette(options.serve_starlette, options.hop_to)
        return
    bench(Options(options.seconds, options.connections, options.threads, options.scenarios, options.more_scenarios))


if __name__ == "__main__":
    main()
