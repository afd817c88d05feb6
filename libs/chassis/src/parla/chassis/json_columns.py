"""How every engine writes and reads JSON columns: with orjson rather than the standard library.

A batch of events writes thousands of JSON values (each outbox row's trace headers, a card's
tags), and a run's scenario is read back with each of its turns: ``json.dumps`` was a tenth of
the content consumer's time (its in-process ingest went from 2,462-2,694 to 2,762-3,023 events a
second with orjson). Mapping keys that are not strings (an int) are written as strings, as
``json`` writes them."""

from __future__ import annotations

from typing import Any

import orjson


def dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


# Keyword arguments for ``create_engine`` and ``create_async_engine``.
JSON_CODEC: dict[str, Any] = {"json_serializer": dumps, "json_deserializer": orjson.loads}
