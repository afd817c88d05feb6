"""How long `make run` takes to be healthy on a fresh data directory, against Kafka alone.

    uv run python bench/startup.py              # three starts of each, medians
    uv run python bench/startup.py --runs 5

The baseline is Kafka alone: the broker started by the project's runner on a fresh data
directory, timed until it answers and its topics exist, with nothing else starting. Then the
whole stack, exactly as `make run` starts it (`python -m parla.devstack run`) on a fresh data
directory of its own, timed to the line it prints when the gateway's /healthz says every
service is serving, and stopped with Ctrl-C. Its own figure for Kafka (ready while the services
start beside it) is printed too.

Last, the floor the processes set: the CPU seconds each service and the gateway take to import
their code, each in a fresh process. They all start at once, so on this machine's cores their
imports alone take at least their sum divided by the cores, before any of them migrates or
serves, and while the JVM starts beside them.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from parla.devstack.kafka import KafkaRunner
from parla.devstack.ports import free_ports
from parla.devstack.stack import SERVICES
from parla.devstack.testing import free_port
from parla.devstack.topics import ensure_topics

TARGET = "make run healthy within 1.5x the time Kafka alone takes to be ready"
HEALTHY = re.compile(r"healthy ([\d.]+) s after start \(Kafka ready after ([\d.]+) s\)")


def kafka_alone() -> float:
    """Seconds until a broker on a fresh data directory answers and has its topics."""
    with tempfile.TemporaryDirectory(prefix="parla-bench-") as tmp:
        kafka = KafkaRunner(Path(tmp) / "kafka", port=free_port(), controller_port=free_port())
        began = time.monotonic()
        kafka.start()
        try:
            asyncio.run(ensure_topics(kafka.bootstrap, check=kafka.check))
            return time.monotonic() - began
        finally:
            kafka.stop()


def stack_start() -> tuple[float, float]:
    """(seconds until healthy, seconds until Kafka was ready) as `make run` prints them."""
    with tempfile.TemporaryDirectory(prefix="parla-bench-") as tmp:
        # One block of free ports: HTTP, Kafka and its controller, each service's gRPC, then
        # each process's metrics.
        http = free_ports(3 + len(SERVICES) + len(SERVICES) + 1)
        command = [
            *(sys.executable, "-m", "parla.devstack", "run"),
            *("--port", str(http), "--kafka-port", str(http + 1)),
            *("--grpc-port-base", str(http + 3), "--metrics-port-base", str(http + 3 + len(SERVICES))),
        ]
        env = {**os.environ, "PARLA_DATA_DIR": tmp}
        launcher = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            assert launcher.stdout is not None
            output = []
            for line in launcher.stdout:
                found = HEALTHY.search(line)
                if found:
                    return float(found.group(1)), float(found.group(2))
                output.append(line)
            raise SystemExit(f"the stack exited before it was healthy (code {launcher.wait()}):\n{''.join(output[-20:])}")
        finally:
            launcher.send_signal(signal.SIGINT)
            launcher.wait(timeout=60)


def import_cpu_seconds(name: str) -> float:
    """CPU seconds (user and system) a fresh interpreter takes to import ``parla.<name>.main``."""
    script = (
        f"import resource, parla.{name}.main; "
        "usage = resource.getrusage(resource.RUSAGE_SELF); print(usage.ru_utime + usage.ru_stime)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(done.stdout)


def bench(runs: int) -> None:
    alone = [kafka_alone() for _ in range(runs)]
    starts = [stack_start() for _ in range(runs)]
    imports = {name: import_cpu_seconds(name) for name in (*SERVICES, "gateway")}
    baseline = statistics.median(alone)
    healthy = statistics.median(seconds for seconds, _ in starts)
    kafka_in_stack = statistics.median(kafka for _, kafka in starts)
    cores = os.cpu_count() or 1
    print(f"\nmedians of {runs} starts on fresh data directories, {cores} cores")
    print(f"  Kafka alone ready              {baseline:6.1f} s  baseline  ({', '.join(f'{s:.1f}' for s in alone)})")
    print(
        f"  make run healthy               {healthy:6.1f} s  {healthy / baseline:.2f}x  "
        f"({', '.join(f'{s:.1f}' for s, _ in starts)}; Kafka ready within it after {kafka_in_stack:.1f} s: "
        f"{healthy / kafka_in_stack:.2f}x that)"
    )
    total = sum(imports.values())
    print(
        f"  importing the processes' code  {total:6.1f} CPU s  ({', '.join(f'{n} {s:.1f}' for n, s in imports.items())}): "
        f"at least {total / cores:.1f} s on {cores} cores"
    )
    print(f"  target: {TARGET}\n  result: {'met' if healthy <= 1.5 * baseline else 'NOT met'}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    bench(parser.parse_args().runs)


if __name__ == "__main__":
    main()
