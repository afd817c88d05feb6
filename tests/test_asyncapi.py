"""The AsyncAPI catalogue of events: complete, and generated from the code it describes."""

from __future__ import annotations

import importlib.util
import json
from importlib import resources
from pathlib import Path

from parla.contracts.events import EVENT_MODELS
from parla.contracts.topics import topic_for

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gen_asyncapi.py"


def generator():
    spec = importlib.util.spec_from_file_location("gen_asyncapi", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def checked_in() -> dict:
    return json.loads(resources.files("parla.contracts").joinpath("asyncapi.json").read_text())


def test_the_checked_in_catalogue_is_what_the_code_generates():
    assert json.loads(generator().document()) == checked_in(), "run: uv run python scripts/gen_asyncapi.py"


def test_every_event_type_is_published_by_exactly_one_service_on_its_own_topic():
    document = checked_in()
    sent = {
        name: document["channels"][name]["address"]
        for name, operation in document["operations"].items()
        if operation["action"] == "send"
    }
    for event_type, _version in EVENT_MODELS:
        publishers = [name for name, address in sent.items() if address == topic_for(event_type).name]
        assert len(publishers) == 1, (event_type, publishers)


def test_each_consumer_group_receives_batches_of_its_event_model():
    document = checked_in()
    received = {name for name, operation in document["operations"].items() if operation["action"] == "receive"}
    organization = {
        f"organization:{event_type}"
        for event_type in (
            "scenario.published",
            "scenario.updated",
            "scenario.deleted",
            "scenario.completed",
            "content.imported",
            "content.deleted",
            "content.studied",
        )
    }
    analytics = {
        f"analytics:{event_type}"
        for event_type in (
            "user.registered",
            "user.updated",
            "scenario.published",
            "scenario.updated",
            "scenario.deleted",
            "scenario.viewed",
            "scenario.started",
            "scenario.completed",
            "rating.submitted",
            "rating.deleted",
            "bookmark.added",
            "bookmark.removed",
            "collection.changed",
            "content.studied",
            "review.recorded",
        )
    }
    assert received == {"content:scenario.completed"} | analytics | organization
    schemas = document["components"]["schemas"]
    for name in received:
        [message] = document["channels"][name]["messages"].values()
        payload = document["components"]["messages"][message["$ref"].split("/")[-1]]["payload"]
        batch = schemas[payload["$ref"].split("/")[-1]]
        assert batch["type"] == "array", batch
        assert batch["items"]["$ref"].endswith("/" + EVENT_MODELS[(name.split(":")[1], 1)].__name__)
