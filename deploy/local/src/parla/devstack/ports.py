"""Ports for the servers tests and benches start, chosen below the kernel's ephemeral range.

Why not the kernel's own choice (binding port 0): that is a port of the ephemeral range, which
every outgoing connection also draws its local port from. A service the tests stop and start
again (a kill, a restart) must find its port free when it comes back; in between, any of the
hundreds of connections a loaded test opens may have taken it, and the restarted process then
fails to listen (its metrics page silently, as ``serve_metrics`` allows). Below the range, only
a server that binds the port on purpose can hold it.

Each pytest-xdist worker takes its ports from a slice of its own, in turn from a random start:
two workers never hand out the same port, and one worker hands out each port once per lap.
"""

from __future__ import annotations

import os
import random
import socket
from pathlib import Path

# Where the ports come from when the kernel's range cannot be read (Linux's default range
# starts at 32768).
EPHEMERAL_FROM = 32_768
# How far below the ephemeral range the ports go, and the lowest port ever used.
SPAN = 12_000
LOWEST = 10_000

_next: dict[tuple[int, int], int] = {}


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now, below the ephemeral range."""
    low, high = _slice()
    if high - low < 100:  # a machine whose ephemeral range leaves no room below it
        return _kernels_choice()
    start = _next.get((low, high)) or random.randint(low, high)
    for port in (*range(start, high + 1), *range(low, start)):  # one lap, from where the last ended
        if _bindable(port):
            _next[(low, high)] = port + 1 if port < high else low
            return port
    return _kernels_choice()


def free_ports(count: int) -> int:
    """The first of ``count`` consecutive ports that nothing listens on now, for a launcher that
    numbers its servers from one base (``make run``'s ``--grpc-port-base``). The ports after it
    are not handed out again this lap."""
    while True:
        base = free_port()
        if all(_bindable(port) for port in range(base + 1, base + count)):
            low, high = _slice()
            if low <= base <= high:
                _next[(low, high)] = base + count if base + count <= high else low
            return base


def _slice() -> tuple[int, int]:
    """This worker's share of the ports below the ephemeral range."""
    top = _ephemeral_start() - 1
    bottom = max(LOWEST, top - SPAN)
    workers = max(1, int(os.environ.get("PYTEST_XDIST_WORKER_COUNT") or 1))
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker[2:]) % workers if worker.startswith("gw") and worker[2:].isdigit() else 0
    share = (top - bottom + 1) // workers
    low = bottom + share * index
    return low, low + share - 1


def _ephemeral_start() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return EPHEMERAL_FROM


def _bindable(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _kernels_choice() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
