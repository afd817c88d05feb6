"""A local single-node Apache Kafka (KRaft: broker and controller in one JVM).

The broker jars are the official ones, resolved from Maven Central by Maven from
``deploy/kafka/pom.xml``; data and logs live under the project's data directory. What does not
depend on the data (the resolved classpath, a class-data archive of the broker's classes) is
cached per machine, so a fresh data directory costs a storage format and a broker start only.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import uuid
from collections.abc import Sequence
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

# A development broker carries a trickle of events, so start-up is what its JVM spends most CPU
# on: the optimising compiler's threads and loading the same few thousand classes every time.
# C1 alone and the serial collector halve the CPU a broker start takes (about 8 to 4 CPU-seconds
# on a 2-core machine); the class archive below (``ClassArchive``) saves another third.
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Djava.awt.headless=true")


class KafkaSetupError(RuntimeError):
    pass


def machine_cache_dir() -> Path:
    """Per-machine cache (``$XDG_CACHE_HOME/parla``): facts about installed jars, not project data."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "parla"


def _require(tool: str, hint: str) -> str:
    found = shutil.which(tool)
    if found is None:
        raise KafkaSetupError(f"`{tool}` is not installed; {hint}")
    return found


def _digest(content: str | bytes) -> str:
    return hashlib.sha256(content.encode() if isinstance(content, str) else content).hexdigest()[:16]


def resolve_classpath(cache_dir: Path) -> str:
    """The broker classpath, resolved by Maven once and cached beside the pom's hash."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = cache_dir / f"kafka-classpath-{_digest(POM.read_bytes())}.txt"
    if cached.exists():
        classpath = cached.read_text().strip()
        if classpath and all(Path(jar).exists() for jar in classpath.split(os.pathsep)):
            return classpath
    mvn = _require("mvn", "install Maven (Debian: apt-get install maven) so the Kafka jars can be resolved")
    # Written aside and renamed: a concurrent start never reads half a classpath.
    partial = cached.with_suffix(f".{os.getpid()}.partial")
    result = subprocess.run(
        [mvn, "-B", "-q", "-f", str(POM), "dependency:build-classpath", f"-Dmdep.outputFile={partial}"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or not partial.exists():
        raise KafkaSetupError(f"Maven could not resolve the Kafka jars:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    partial.replace(cached)
    return cached.read_text().strip()


def new_cluster_id() -> str:
    """A random cluster id as Kafka writes them (22 URL-safe base64 characters). Never one that
    starts with "-", which the storage tool would read as an option (as Kafka's own ids avoid)."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


def _java_binary() -> str:
    return _require("java", "install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)")


@dataclass(frozen=True)
class ClassArchive:
    """A CDS archive of the broker's classes: the JVM maps them instead of loading and verifying
    each one. The first broker on a machine records it when it exits cleanly; later starts, and
    the storage formatter, use it. Its name covers the JVM and every jar, and the JVM itself
    ignores (with a warning on the broker's console log) an archive that does not match."""

    path: Path

    @classmethod
    def for_runtime(cls, cache_dir: Path, java: str, classpath: str) -> ClassArchive:
        files = [Path(java).resolve(), *map(Path, classpath.split(os.pathsep))]
        identity = "\n".join(f"{file}:{file.stat().st_mtime_ns}" for file in files)
        return cls(cache_dir / f"kafka-classes-{_digest(identity)}.jsa")

    def use_options(self) -> list[str]:
        return [f"-XX:SharedArchiveFile={self.path}", "-Xshare:auto"] if self.path.exists() else []

    def new_recording(self) -> Path:
        # Unique per broker: two brokers started at once (a test session's) never share a file.
        return self.path.with_name(f"{self.path.stem}.{uuid.uuid4().hex}.recording")

    def keep(self, recording: Path) -> None:
        if recording.exists() and recording.stat().st_size > 0:
            recording.replace(self.path)


@dataclass
class KafkaRunner:
    data_dir: Path
    port: int = 9092
    controller_port: int = 9093
    heap: str = "768m"
    cache_dir: Path = field(default_factory=machine_cache_dir)
    process: subprocess.Popen | None = field(default=None, init=False)
    # The class archive this broker records at exit, on the first start on a machine.
    _recording: tuple[ClassArchive, Path] | None = field(default=None, init=False, repr=False)

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "server.log"

    def _java(self, classpath: str, main_class: str, *args: str, archive: Sequence[str] = ()) -> list[str]:
        return [
            _java_binary(),
            "-Xms256m",
            f"-Xmx{self.heap}",
            *JVM_OPTIONS,
            *archive,
            f"-Dlog4j2.configurationFile={self.data_dir / 'log4j2.properties'}",
            "-cp",
            classpath,
            main_class,
            *args,
        ]

    def _archive(self, classpath: str) -> ClassArchive:
        return ClassArchive.for_runtime(self.cache_dir, _java_binary(), classpath)

    def prepare(self) -> str:
        """Resolve jars, write configuration and format storage on first use. Returns the classpath."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        classpath = resolve_classpath(self.cache_dir)
        properties = self.data_dir / "server.properties"
        properties.write_text(
            SERVER_PROPERTIES.format(port=self.port, controller_port=self.controller_port, log_dirs=self.data_dir / "data")
        )
        (self.data_dir / "log4j2.properties").write_text(LOG4J2.format(log_file=self.log_file))
        if not (self.data_dir / "data" / "meta.properties").exists():
            format_storage = ("kafka.tools.StorageTool", "format", "-t", new_cluster_id(), "-c", str(properties))
            result = subprocess.run(
                self._java(classpath, *format_storage, archive=self._archive(classpath).use_options()),
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise KafkaSetupError(f"formatting Kafka storage failed:\n{result.stdout}\n{result.stderr}")
        return classpath

    def start(self) -> None:
        """Start the broker in the background: ``topics.ensure_topics`` waits until it answers,
        and ``check`` tells whether it exited meanwhile."""
        if self.process is not None and self.process.poll() is None:
            return
        for port in (self.port, self.controller_port):
            if not _port_is_free(port):
                raise KafkaSetupError(f"port {port} is already in use; choose another Kafka port")
        classpath = self.prepare()
        archive = self._archive(classpath)
        options = archive.use_options()
        if not options:
            recording = archive.new_recording()
            self._recording = (archive, recording)
            options = [f"-XX:ArchiveClassesAtExit={recording}"]
        console = open(self.data_dir / "console.log", "ab")  # noqa: SIM115 - handed to the child process
        self.process = subprocess.Popen(
            self._java(classpath, "kafka.Kafka", str(self.data_dir / "server.properties"), archive=options),
            stdout=console,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        console.close()

    def check(self) -> None:
        """Raise if the broker process has exited (a bad configuration, a port taken meanwhile)."""
        if self.process is not None and self.process.poll() is not None:
            tail = "\n".join(self.log_file.read_text(errors="replace").splitlines()[-20:]) if self.log_file.exists() else ""
            raise KafkaSetupError(f"Kafka exited with code {self.process.returncode} while starting; see {self.log_file}\n{tail}")

    def stop(self, timeout: float = 30.0) -> None:
        """Controlled shutdown (SIGTERM), then a kill if the JVM does not exit in time."""
        if self.process is None or self.process.poll() is not None:
            self.process = None
            self._settle_recording(keep=False)
            return
        self.process.send_signal(signal.SIGTERM)
        clean = True
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            clean = False
        self.process = None
        self._settle_recording(keep=clean)

    def kill(self) -> None:
        """SIGKILL, as a crash or an OOM kill would: no controlled shutdown (the reliability suite)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None
        self._settle_recording(keep=False)

    def _settle_recording(self, *, keep: bool) -> None:
        """Keep the class archive a cleanly stopped broker recorded; drop a killed or crashed one's."""
        if self._recording is None:
            return
        (archive, recording), self._recording = self._recording, None
        if keep:
            archive.keep(recording)
        recording.unlink(missing_ok=True)

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


def _port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        # As the broker binds: connections of a previous broker in TIME_WAIT do not hold the port.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
