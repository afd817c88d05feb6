"""``python -m parla.devstack run``: the whole system on this machine (what ``make run`` does).

Starts a local Apache Kafka broker and, while it boots, every service and the gateway (SQLite
files under the data directory); creates the topics once the broker answers, waits until
``/healthz`` is green, prints the URL, and stops everything on Ctrl-C.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from parla.devstack.kafka import KafkaRunner, KafkaSetupError
from parla.devstack.keys import ensure_keys
from parla.devstack.observe import JaegerRunner, ObserveSetupError, PrometheusRunner
from parla.devstack.paths import data_dir
from parla.devstack.stack import SERVICES, Stack, StackConfig, StackError, metrics_ports


def _log_libraries_to_file(log_dir: Path) -> None:
    """The console tells what the launcher does; what the libraries it uses log goes to a file."""
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_dir / "devstack.log")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


@dataclass
class Launch:
    """One ``run``: what it started, so that whatever happens everything started is stopped."""

    root: Path
    kafka: KafkaRunner
    http_port: int
    grpc_ports: dict[str, int]
    metrics_ports: dict[str, int] = field(default_factory=dict)
    # `make observe`: Jaeger receives every process's spans; Prometheus scrapes their metrics.
    jaeger: JaegerRunner | None = None
    prometheus: PrometheusRunner | None = None
    stack: Stack | None = None
    kafka_starting: Future | None = field(default=None, repr=False)

    def start(self, background: ThreadPoolExecutor) -> tuple[float, float]:
        """Seconds until Kafka was ready and until the stack was healthy.

        Nothing but the topics needs the broker: its storage format and JVM run in the background
        while the keys are made and the services import, migrate and start serving; their Kafka
        clients wait for the broker.
        """
        began = time.monotonic()
        self.kafka_starting = background.submit(self.kafka.start)
        extra_env = {}
        if self.jaeger is not None:  # first: the processes export their spans from their start
            self.jaeger.start()
            extra_env["OTEL_EXPORTER_OTLP_ENDPOINT"] = self.jaeger.otlp_endpoint
        private, public = ensure_keys(self.root / "keys")
        self.stack = Stack(
            StackConfig(
                data_dir=self.root,
                kafka_bootstrap=self.kafka.bootstrap,
                private_key=private,
                public_key=public,
                http_port=self.http_port,
                grpc_ports=self.grpc_ports,
                metrics_ports=self.metrics_ports,
                extra_env=extra_env,
            )
        )
        self.stack.start()
        self.kafka_starting.result()
        # Imported only now: loading the Kafka client library is work the processes need not wait for.
        from parla.devstack.topics import ensure_topics

        asyncio.run(ensure_topics(self.kafka.bootstrap, check=self._check))
        kafka_ready = time.monotonic() - began
        print(f"Kafka ready in {kafka_ready:.1f} s", flush=True)
        self.stack.wait_healthy()
        healthy = time.monotonic() - began
        if self.prometheus is not None:
            self.prometheus.start()
        return kafka_ready, healthy

    def _check(self) -> None:
        self.kafka.check()
        if self.stack is not None:
            self.stack.check()

    def watch(self, stop_requested: Callable[[], bool]) -> int:
        """Until Ctrl-C (0) or until a process dies (1)."""
        assert self.stack is not None
        while not stop_requested():
            dead = self.stack.dead()
            if dead:
                name, code = next(iter(dead.items()))
                tail = self.stack.log_tail(name)
                print(f"{name} exited with code {code}; stopping. Last lines of its log:\n{tail}", file=sys.stderr)
                return 1
            if not self.kafka.running():
                print(f"Kafka stopped unexpectedly; see {self.kafka.log_file}", file=sys.stderr)
                return 1
            time.sleep(0.5)
        return 0

    def stop(self) -> None:
        if self.prometheus is not None:
            self.prometheus.stop()
        if self.stack is not None:
            self.stack.stop()
        if self.kafka_starting is not None:
            # A broker still being started would otherwise come up after this stop.
            wait([self.kafka_starting])
        self.kafka.stop()
        if self.jaeger is not None:  # last: the services flush their last spans as they stop
            self.jaeger.stop()

    def observing(self) -> str:
        lines = []
        if self.jaeger is not None:
            lines.append(f"traces (Jaeger): {self.jaeger.ui_url}")
        if self.prometheus is not None:
            lines.append(f"metrics and alerts (Prometheus): {self.prometheus.url}/alerts")
        return "".join(f"\n{line}" for line in lines)


def run(http_port: int, kafka_port: int, grpc_port_base: int, metrics_port_base: int, prometheus_port: int | None = None) -> int:
    """The whole stack until Ctrl-C; with ``prometheus_port``, also Jaeger and Prometheus."""
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
    _log_libraries_to_file(root / "logs")
    ports = metrics_ports(metrics_port_base)
    launch = Launch(
        root=root,
        kafka=KafkaRunner(root / "kafka", port=kafka_port, controller_port=kafka_port + 1),
        http_port=http_port,
        grpc_ports={name: grpc_port_base + offset for offset, name in enumerate(SERVICES)},
        metrics_ports=ports,
    )
    if prometheus_port is not None:
        launch.jaeger = JaegerRunner(root / "jaeger")
        targets = {name: f"127.0.0.1:{port}" for name, port in ports.items()}
        launch.prometheus = PrometheusRunner(root / "prometheus", targets=targets, port=prometheus_port)
    print(
        f"starting Apache Kafka on {launch.kafka.bootstrap} and the services (a first run resolves Kafka's jars with Maven) ...",
        flush=True,
    )
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kafka-start") as background:
        try:
            kafka_ready, healthy = launch.start(background)
            started = True
            print(
                f"\nParla is running: http://127.0.0.1:{http_port}  (API docs: http://127.0.0.1:{http_port}/docs)\n"
                f"healthy {healthy:.1f} s after start (Kafka ready after {kafka_ready:.1f} s); logs in {root / 'logs'}; "
                "Ctrl-C stops everything.\n"
                f"metrics (Prometheus): {metrics_port_base}-{metrics_port_base + len(SERVICES)} "
                f"({', '.join(f'{name} :{port}' for name, port in launch.metrics_ports.items())}), at /metrics"
                f"{launch.observing()}",
                flush=True,
            )
            return launch.watch(lambda: stop_requested)
        except (StackError, KafkaSetupError, ObserveSetupError, TimeoutError) as error:
            print(f"could not start Parla: {error}", file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 130
        finally:
            print("stopping ...", flush=True)
            launch.stop()
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
    run_command.add_argument(
        "--metrics-port-base",
        type=int,
        default=int(os.environ.get("PARLA_METRICS_PORT_BASE", "9101")),
        help="services and the gateway serve Prometheus metrics on this port and the next five",
    )
    run_command.add_argument(
        "--observe",
        action="store_true",
        help="also start Jaeger (traces) and Prometheus (metrics and alerts) and send them everything",
    )
    run_command.add_argument("--prometheus-port", type=int, default=int(os.environ.get("PARLA_PROMETHEUS_PORT", "9090")))
    options = parser.parse_args()
    prometheus_port = options.prometheus_port if options.observe else None
    sys.exit(run(options.port, options.kafka_port, options.grpc_port_base, options.metrics_port_base, prometheus_port))


if __name__ == "__main__":
    main()
