"""Ports for test servers: below the ephemeral range, each handed out once, never one in use, and
a slice of their own for each pytest-xdist worker."""

from __future__ import annotations

import socket

from parla.devstack import ports


def test_ports_are_below_the_ephemeral_range_and_each_is_handed_out_once(monkeypatch) -> None:
    monkeypatch.setattr(ports, "_next", {})
    handed = [ports.free_port() for _ in range(500)]
    assert len(set(handed)) == len(handed)
    assert max(handed) < ports._ephemeral_start()


def test_a_port_something_listens_on_is_skipped(monkeypatch) -> None:
    monkeypatch.setattr(ports, "_next", {})
    first = ports.free_port()
    monkeypatch.setattr(ports, "_next", {})
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", first))
        taken.listen()
        low, high = ports._slice()
        ports._next[(low, high)] = first  # the next turn would be the taken port
        assert ports.free_port() != first


def test_each_xdist_worker_has_a_slice_of_its_own(monkeypatch) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER_COUNT", "2")
    slices = []
    for worker in ("gw0", "gw1"):
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
        slices.append(ports._slice())
    (_, high0), (low1, high1) = slices
    assert high0 < low1 and high1 < ports._ephemeral_start()


def test_a_block_of_ports_is_free_and_the_next_port_handed_out_lies_past_it(monkeypatch) -> None:
    monkeypatch.setattr(ports, "_next", {})
    base = ports.free_ports(12)
    assert all(ports._bindable(port) for port in range(base, base + 12))
    assert not base <= ports.free_port() < base + 12
