"""Starting the local broker: waiting for it quietly, giving up as soon as it cannot come up, and
the per-machine class archive that makes later starts cheaper."""

from __future__ import annotations

import logging
import socket
import uuid

import pytest

from parla.devstack import kafka as kafka_module
from parla.devstack.kafka import ClassArchive, KafkaRunner, KafkaSetupError, new_cluster_id
from parla.devstack.testing import free_port
from parla.devstack.topics import wait_for_broker


class BrokerExited(Exception):
    pass


async def test_waiting_for_a_broker_gives_up_at_once_when_its_process_has_exited():
    def check() -> None:
        raise BrokerExited

    with pytest.raises(BrokerExited):
        await wait_for_broker(f"127.0.0.1:{free_port()}", timeout=60, check=check)


async def test_waiting_for_a_broker_that_does_not_listen_yet_logs_no_client_errors(caplog):
    caplog.set_level(logging.DEBUG, logger="aiokafka")

    with pytest.raises(TimeoutError, match="did not answer"):
        await wait_for_broker(f"127.0.0.1:{free_port()}", timeout=0.5)

    assert [record.getMessage() for record in caplog.records if record.name.startswith("aiokafka")] == []


def test_a_kafka_port_that_is_taken_is_refused_before_any_jvm_starts(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        runner = KafkaRunner(tmp_path / "kafka", port=port, controller_port=free_port(), cache_dir=tmp_path / "cache")

        with pytest.raises(KafkaSetupError, match=f"port {port} is already in use"):
            runner.start()

    assert runner.process is None and not (tmp_path / "cache").exists()


def test_a_recorded_class_archive_is_kept_and_an_empty_one_is_not(tmp_path):
    archive = ClassArchive(tmp_path / "kafka-classes-test.jsa")
    empty, recorded = archive.new_recording(), archive.new_recording()
    assert empty != recorded
    empty.touch()

    archive.keep(empty)
    assert archive.use_options() == []

    recorded.write_bytes(b"classes")
    archive.keep(recorded)
    assert archive.path.read_bytes() == b"classes"
    assert f"-XX:SharedArchiveFile={archive.path}" in archive.use_options()


def test_cluster_ids_never_start_with_a_dash_the_storage_tool_would_read_as_an_option(monkeypatch):
    # Random bytes whose base64 starts with "-" (0xf8...), then ordinary ones.
    draws = iter([uuid.UUID(bytes=b"\xf8" + bytes(15)), uuid.UUID(bytes=bytes(16))])
    monkeypatch.setattr(kafka_module.uuid, "uuid4", lambda: next(draws))

    assert new_cluster_id() == "AAAAAAAAAAAAAAAAAAAAAA"
