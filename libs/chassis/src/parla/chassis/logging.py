"""Structured logs (structlog) that carry the current trace id."""

from __future__ import annotations

import logging
import sys

import structlog
from aiokafka.errors import CoordinatorNotAvailableError
from opentelemetry import trace


def _add_trace_ids(_logger: object, _method: str, event_dict: dict) -> dict:
    context = trace.get_current_span().get_span_context()
    if context.is_valid:
        event_dict["trace_id"] = format(context.trace_id, "032x")
        event_dict["span_id"] = format(context.span_id, "016x")
    return event_dict


def _expected_while_kafka_starts(record: logging.LogRecord) -> int | None:
    """The level an aiokafka record deserves when it reports what a normal start goes through."""
    if not isinstance(record.msg, str):
        return None
    if record.msg.startswith('Unable connect to "'):
        # A refused bootstrap connection: the client's start fails next, and its caller (the
        # chassis retries with its own warning) says what happens, so the line adds nothing.
        return logging.DEBUG
    args = record.args if isinstance(record.args, tuple) else ()
    if record.msg.startswith("Group Coordinator Request failed") and args and isinstance(args[0], CoordinatorNotAvailableError):
        # A fresh broker creates its offsets topic on the first group's request; aiokafka retries.
        return logging.WARNING
    return None


class KafkaStartNoise(logging.Filter):
    """Lowers aiokafka's ERROR lines for what every start against a booting broker goes through.

    Connection failures of a client that is running, and every other error, are left as they
    are, so an outage still shows.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        level = _expected_while_kafka_starts(record)
        if level is None or level >= record.levelno:
            return True
        record.levelno, record.levelname = level, logging.getLevelName(level)
        return logging.getLogger(record.name).isEnabledFor(level)


# The loggers aiokafka writes those records to (a logger's filters see only its own records).
KAFKA_START_LOGGERS = ("aiokafka", "aiokafka.consumer.group_coordinator")


def quiet_kafka_start() -> None:
    """Install ``KafkaStartNoise`` once on the loggers that need it."""
    for name in KAFKA_START_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, KafkaStartNoise) for existing in logger.filters):
            logger.addFilter(KafkaStartNoise())


def configure_logging(service: str, level: str = "INFO", as_json: bool = True) -> None:
    renderer = structlog.processors.JSONRenderer() if as_json else structlog.dev.ConsoleRenderer(colors=False)
    shared = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        _add_trace_ids,
    ]
    structlog.configure(
        processors=[*shared, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(sys.stderr),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)
    # Libraries (aiokafka, grpc, uvicorn) log through the standard library: route them through
    # the same renderer so one process writes one format.
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(processor=renderer, foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name])
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("aiokafka").setLevel(max(logging.WARNING, root.level))
    quiet_kafka_start()


def get_logger(name: str | None = None) -> structlog.stdlib.BoundLogger:
    return structlog.get_logger(name)
