"""``python -m parla.devstack run``: the whole system on this machine (what ``make run`` does).

Starts a local Apache Kafka broker, every service and the gateway with SQLite files under the
data directory, waits until ``/healthz`` is green, prints the URL, and stops everything on Ctrl-C.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import time

from parla.devstack.kafka import KafkaRunner, KafkaSetupError
from parla.devstack.keys import ensure_keys
from parla.devstack.paths import data_dir
from parla.devstack.stack import SERVICES, Stack, StackConfig, StackError
from parla.devstack.topics import ensure_topics


def run(http_port: int, kafka_port: int, grpc_port_base: int) -> int:
    root = data_dir()
    stop_requested = False
    started = False

    def request_stop(_signum: int, _frame: object) -> None:
        nonlocal stop_requested
        stop_requested = True
        if not started:
            # Still starting: interrupt whatever is being waited for (Maven, the broker, health).
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    kafka = KafkaRunner(root / "kafka", port=kafka_port, controller_port=kafka_port + 1)
    private, public = ensure_keys(root / "keys")
    stack = Stack(
        StackConfig(
            data_dir=root,
            kafka_bootstrap=kafka.bootstrap,
            private_key=private,
            public_key=public,
            http_port=http_port,
            grpc_ports={name: grpc_port_base + offset for offset, name in enumerate(SERVICES)},
        )
    )
    began = time.monotonic()
    try:
        print(f"starting Apache Kafka on {kafka.bootstrap} (first run resolves its jars with Maven) ...", flush=True)
        kafka.start()
        asyncio.run(ensure_topics(kafka.bootstrap))
        kafka_ready = time.monotonic() - began
        print(f"Kafka ready in {kafka_ready:.1f} s; starting services ...", flush=True)
        stack.start()
        stack.wait_healthy()
        started = True
        print(
            f"\nParla is running: http://127.0.0.1:{http_port}  (API docs: http://127.0.0.1:{http_port}/docs)\n"
            f"healthy {time.monotonic() - began:.1f} s after start; logs in {root / 'logs'}; Ctrl-C stops everything.",
            flush=True,
        )
        while not stop_requested:
            dead = stack.dead()
            if dead:
                name, code = next(iter(dead.items()))
                print(
                    f"{name} exited with code {code}; stopping. Last lines of its log:\n{stack.log_tail(name)}", file=sys.stderr
                )
                return 1
            if not kafka.running():
                print(f"Kafka stopped unexpectedly; see {kafka.log_file}", file=sys.stderr)
                return 1
            time.sleep(0.5)
        return 0
    except (StackError, KafkaSetupError, TimeoutError) as error:
        print(f"could not start Parla: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        print("stopping ...", flush=True)
        stack.stop()
        kafka.stop()
        print("stopped.", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m parla.devstack", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_command = commands.add_parser("run", help="start everything in the foreground")
    run_command.add_argument("--port", type=int, default=int(os.environ.get("PARLA_HTTP_PORT", "8000")))
    run_command.add_argument("--kafka-port", type=int, default=int(os.environ.get("PARLA_KAFKA_PORT", "9092")))
    run_command.add_argument(
        "--grpc-port-base",
        type=int,
        default=int(os.environ.get("PARLA_GRPC_PORT_BASE", "50051")),
        help="services listen on this port and the next four",
    )
    options = parser.parse_args()
    sys.exit(run(options.port, options.kafka_port, options.grpc_port_base))


if __name__ == "__main__":
    main()
