"""A local single-node Apache Kafka (KRaft: broker and controller in one JVM).

The broker jars are the official ones, resolved from Maven Central by Maven from
``deploy/kafka/pom.xml``; data and logs live under the project's data directory.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import signal
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from parla.devstack.paths import REPO_ROOT

POM = REPO_ROOT / "deploy" / "kafka" / "pom.xml"

SERVER_PROPERTIES = """\
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:{controller_port}
listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:{port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs={log_dirs}
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
"""

LOG4J2 = """\
status = warn
appender.file.type = File
appender.file.name = FILE
appender.file.fileName = {log_file}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FILE
logger.kafka.name = org.apache.kafka
logger.kafka.level = WARN
"""


class KafkaSetupError(RuntimeError):
    pass


def _require(tool: str, hint: str) -> str:
    found = shutil.which(tool)
    if found is None:
        raise KafkaSetupError(f"`{tool}` is not installed; {hint}")
    return found


def resolve_classpath(cache_dir: Path) -> str:
    """The broker classpath, resolved by Maven once and cached beside the pom's hash."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(POM.read_bytes()).hexdigest()[:16]
    cached = cache_dir / f"classpath-{digest}.txt"
    if cached.exists():
        classpath = cached.read_text().strip()
        if all(Path(jar).exists() for jar in classpath.split(os.pathsep)):
            return classpath
    mvn = _require("mvn", "install Maven (Debian: apt-get install maven) so the Kafka jars can be resolved")
    result = subprocess.run(
        [mvn, "-B", "-q", "-f", str(POM), "dependency:build-classpath", f"-Dmdep.outputFile={cached}"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not cached.exists():
        raise KafkaSetupError(f"Maven could not resolve the Kafka jars:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return cached.read_text().strip()


@dataclass
class KafkaRunner:
    data_dir: Path
    port: int = 9092
    controller_port: int = 9093
    heap: str = "768m"
    process: subprocess.Popen | None = field(default=None, init=False)

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    def _java(self, classpath: str, main_class: str, *args: str) -> list[str]:
        java = _require("java", "install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)")
        return [
            java,
            "-Xms256m",
            f"-Xmx{self.heap}",
            "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20",
            "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={self.data_dir / 'log4j2.properties'}",
            "-cp",
            classpath,
            main_class,
            *args,
        ]

    def prepare(self) -> str:
        """Resolve jars, write configuration and format storage on first use. Returns the classpath."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        classpath = resolve_classpath(self.data_dir.parent / "kafka-classpath")
        properties = self.data_dir / "server.properties"
        properties.write_text(
            SERVER_PROPERTIES.format(port=self.port, controller_port=self.controller_port, log_dirs=self.data_dir / "data")
        )
        (self.data_dir / "log4j2.properties").write_text(LOG4J2.format(log_file=self.log_file))
        if not (self.data_dir / "data" / "meta.properties").exists():
            cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
            result = subprocess.run(
                self._java(classpath, "kafka.tools.StorageTool", "format", "-t", cluster_id, "-c", str(properties)),
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise KafkaSetupError(f"formatting Kafka storage failed:\n{result.stdout}\n{result.stderr}")
        return classpath

    def start(self) -> None:
        """Start the broker in the background; readiness is polled by ``topics.ensure_topics``."""
        if self.process is not None and self.process.poll() is None:
            return
        classpath = self.prepare()
        console = open(self.data_dir / "console.log", "ab")  # noqa: SIM115 - handed to the child process
        self.process = subprocess.Popen(
            self._java(classpath, "kafka.Kafka", str(self.data_dir / "server.properties")),
            stdout=console,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        console.close()

    def stop(self, timeout: float = 30.0) -> None:
        """Controlled shutdown (SIGTERM), then a kill if the JVM does not exit in time."""
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None
