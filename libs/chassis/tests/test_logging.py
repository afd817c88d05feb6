"""Library log lines during a normal start: aiokafka's noise while the broker boots is lowered,
while errors of a running client still show."""

from __future__ import annotations

import logging

import pytest
from aiokafka.errors import CoordinatorNotAvailableError, KafkaConnectionError, NotCoordinatorError

from parla.chassis.logging import KafkaStartNoise, configure_logging

COORDINATOR = "aiokafka.consumer.group_coordinator"


@pytest.fixture
def service_logging(caplog) -> pytest.LogCaptureFixture:
    """Logging configured as a service configures it, with the records it emits captured."""
    root, kafka = logging.getLogger(), logging.getLogger("aiokafka")
    handlers, root_level, kafka_level = root.handlers[:], root.level, kafka.level
    configure_logging("test-service", "INFO", as_json=True)
    root.addHandler(caplog.handler)
    yield caplog
    root.handlers[:] = handlers
    root.setLevel(root_level)
    kafka.setLevel(kafka_level)
    for name in ("aiokafka", COORDINATOR):
        logger = logging.getLogger(name)
        logger.filters[:] = [f for f in logger.filters if not isinstance(f, KafkaStartNoise)]


def emitted(caplog: pytest.LogCaptureFixture) -> list[tuple[str, str]]:
    return [(record.levelname, record.getMessage()) for record in caplog.records]


def test_a_refused_bootstrap_connection_while_the_broker_boots_is_not_logged(service_logging):
    error = KafkaConnectionError("Connect call failed ('127.0.0.1', 9092)")
    logging.getLogger("aiokafka").error('Unable connect to "%s:%s": %s', "127.0.0.1", 9092, error)

    assert emitted(service_logging) == []


def test_a_running_client_that_cannot_reach_its_broker_still_logs_an_error(service_logging):
    logging.getLogger("aiokafka").error("Unable connect to node with id %s: %s", 1, KafkaConnectionError("refused"))

    assert emitted(service_logging) == [("ERROR", "Unable connect to node with id 1: KafkaConnectionError: refused")]


def test_the_coordinator_not_there_yet_on_a_fresh_broker_is_a_warning(service_logging):
    logging.getLogger(COORDINATOR).error("Group Coordinator Request failed: %s", CoordinatorNotAvailableError())

    [(level, message)] = emitted(service_logging)
    assert level == "WARNING" and message.startswith("Group Coordinator Request failed")


def test_other_coordinator_failures_stay_errors(service_logging):
    logging.getLogger(COORDINATOR).error("Group Coordinator Request failed: %s", NotCoordinatorError())

    [(level, _)] = emitted(service_logging)
    assert level == "ERROR"


def test_at_debug_level_the_refused_connection_shows_as_debug(service_logging):
    logging.getLogger("aiokafka").setLevel(logging.DEBUG)
    logging.getLogger("aiokafka").error('Unable connect to "%s:%s": %s', "127.0.0.1", 9092, "refused")

    assert emitted(service_logging) == [("DEBUG", 'Unable connect to "127.0.0.1:9092": refused')]


def test_configuring_twice_installs_the_filter_once(service_logging):
    configure_logging("test-service", "INFO", as_json=True)

    assert sum(isinstance(f, KafkaStartNoise) for f in logging.getLogger("aiokafka").filters) == 1


def test_the_kafka_brokers_records_are_rendered_as_the_services_own_less_the_topic_creation_warning(service_logging):
    from parla.chassis.consumer import broker_logger

    logger = broker_logger()
    logger.warning("Auto create topics is disabled. Make sure the topics exist.")
    logger.info("Consumer c-1 assigned to partitions: (TopicPartition(topic='t', partition=0))")
    assert not logger.handlers and logger.propagate  # the service's one handler, not FastStream's own
    assert emitted(service_logging) == [("INFO", "Consumer c-1 assigned to partitions: (TopicPartition(topic='t', partition=0))")]
