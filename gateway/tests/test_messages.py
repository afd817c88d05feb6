"""A service's answer read into a response body: the planned reading gives what protobuf's JSON
mapping gives, field kind by field kind, and what it cannot plan goes the JSON mapping's way."""

from __future__ import annotations

import math

import pytest
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.protobuf.json_format import MessageToDict
from pydantic import BaseModel, Field

from parla.contracts.rpc.analytics.v1 import progress_pb2
from parla.contracts.rpc.scenario.v1 import scenario_pb2
from parla.gateway import messages
from parla.gateway.messages import as_data, from_message
from parla.gateway.schemas import ProgressOut, ScenarioSummaryOut

F = descriptor_pb2.FieldDescriptorProto


def _message_types():
    """A message with a field of every kind a plan reads, and one with a map (never planned)."""
    file = descriptor_pb2.FileDescriptorProto(name="parla_messages_test.proto", package="parla.test", syntax="proto3")
    mood = file.enum_type.add(name="Mood")
    for number, name in enumerate(["MOOD_UNSPECIFIED", "MOOD_HAPPY"]):
        mood.value.add(name=name, number=number)
    inner = file.message_type.add(name="Inner")
    inner.field.add(name="word", number=1, type=F.TYPE_STRING, label=F.LABEL_OPTIONAL)
    inner.field.add(name="uses", number=2, type=F.TYPE_INT64, label=F.LABEL_OPTIONAL)
    outer = file.message_type.add(name="Outer")
    fields = [
        ("text", F.TYPE_STRING, F.LABEL_OPTIONAL, None),
        ("count", F.TYPE_INT32, F.LABEL_OPTIONAL, None),
        ("big", F.TYPE_INT64, F.LABEL_OPTIONAL, None),
        ("ratio", F.TYPE_DOUBLE, F.LABEL_OPTIONAL, None),
        ("flag", F.TYPE_BOOL, F.LABEL_OPTIONAL, None),
        ("mood", F.TYPE_ENUM, F.LABEL_OPTIONAL, ".parla.test.Mood"),
        ("tags", F.TYPE_STRING, F.LABEL_REPEATED, None),
        ("sizes", F.TYPE_UINT64, F.LABEL_REPEATED, None),
        ("inner", F.TYPE_MESSAGE, F.LABEL_OPTIONAL, ".parla.test.Inner"),
        ("inners", F.TYPE_MESSAGE, F.LABEL_REPEATED, ".parla.test.Inner"),
    ]
    for number, (name, kind, label, type_name) in enumerate(fields, start=1):
        field = outer.field.add(name=name, number=number, type=kind, label=label)
        if type_name:
            field.type_name = type_name
    # proto3 `optional string nickname = 20;`: a field with presence, in its synthetic oneof
    outer.oneof_decl.add(name="_nickname")
    outer.field.add(name="nickname", number=20, type=F.TYPE_STRING, label=F.LABEL_OPTIONAL, oneof_index=0, proto3_optional=True)
    with_map = file.message_type.add(name="WithMap")
    entry = with_map.nested_type.add(name="ScoresEntry", options=descriptor_pb2.MessageOptions(map_entry=True))
    entry.field.add(name="key", number=1, type=F.TYPE_STRING, label=F.LABEL_OPTIONAL)
    entry.field.add(name="value", number=2, type=F.TYPE_INT64, label=F.LABEL_OPTIONAL)
    with_map.field.add(
        name="scores", number=1, type=F.TYPE_MESSAGE, label=F.LABEL_REPEATED, type_name=".parla.test.WithMap.ScoresEntry"
    )
    pool = descriptor_pool.DescriptorPool()
    pool.Add(file)
    found = {name: pool.FindMessageTypeByName(f"parla.test.{name}") for name in ("Outer", "WithMap")}
    return {name: message_factory.GetMessageClass(descriptor) for name, descriptor in found.items()}


TYPES = _message_types()


class InnerOut(BaseModel):
    word: str
    uses: int


class OuterOut(BaseModel):
    text: str
    count: int
    big: int
    ratio: float | str
    flag: bool
    mood: str | int
    tags: list[str]
    sizes: list[int]
    inner: InnerOut | None = None
    inners: list[InnerOut]
    nickname: str | None = None


def json_mapping(model: type[BaseModel], message) -> dict:
    data = MessageToDict(message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True)
    return {name: value for name, value in data.items() if name in model.model_fields}


OUTERS = {
    "every field set": dict(
        text="hola",
        count=-3,
        big=2**62,
        ratio=0.25,
        flag=True,
        mood=1,
        tags=["a", "b"],
        sizes=[2**63],
        inner=dict(word="casa", uses=7),
        inners=[dict(word="mesa", uses=1), dict()],
        nickname="",
    ),
    "nothing set": {},
    "an enum number the type does not name": dict(mood=7),
    "not a number": dict(ratio=math.nan),
    "infinity": dict(ratio=-math.inf),
}


@pytest.mark.parametrize("fields", OUTERS.values(), ids=OUTERS.keys())
def test_a_planned_reading_gives_what_the_json_mapping_gives(fields: dict) -> None:
    message = TYPES["Outer"](**fields)
    assert messages._plan(OuterOut, message.DESCRIPTOR) is not None
    planned, mapped = as_data(OuterOut, message), json_mapping(OuterOut, message)
    if fields.get("ratio") is math.nan:  # NaN is not equal to itself: compared as written
        assert planned.pop("ratio") == mapped.pop("ratio") == "NaN"
    assert planned == mapped


def test_a_field_with_presence_is_left_out_unset_and_read_when_set_even_to_its_default() -> None:
    assert "nickname" not in as_data(OuterOut, TYPES["Outer"]())
    assert from_message(OuterOut, TYPES["Outer"](nickname="")).nickname == ""
    assert from_message(OuterOut, TYPES["Outer"]()).inner is None


class MapOut(BaseModel):
    scores: dict[str, int]


class LackingOut(BaseModel):
    text: str
    absent: str = "default"


class AliasedOut(BaseModel):
    count: int = Field(alias="big")  # the message's "big", not its "count"


def test_what_cannot_be_planned_goes_the_json_mappings_way() -> None:
    with_map = TYPES["WithMap"](scores={"a": 1})
    assert messages._plan(MapOut, with_map.DESCRIPTOR) is None
    assert from_message(MapOut, with_map).scores == {"a": 1}
    assert messages._plan(LackingOut, TYPES["Outer"].DESCRIPTOR) is None  # the message has no "absent"
    assert from_message(LackingOut, TYPES["Outer"](text="x")) == LackingOut(text="x")
    assert messages._plan(AliasedOut, TYPES["Outer"].DESCRIPTOR) is None  # validated by another name
    assert from_message(AliasedOut, TYPES["Outer"](count=3, big=5)).count == 5


def test_the_catalogues_and_progress_answers_are_planned_and_read_as_the_json_mapping_reads_them() -> None:
    summary = scenario_pb2.ScenarioSummary(
        id="tapas", author="system", visibility="public", title="Tapas", languages=["es", "en"], estimated_minutes=15
    )
    progress = progress_pb2.Progress(scenarios_completed=3, average_score=0.5)
    progress.recent_sessions.add(id="0b5f1fb8-0a9e-4c47-8a0e-9d6f3c1a2b3c", kind="review", accuracy=0.75)
    progress.recent_sessions[0].ended_at.FromJsonString("2026-12-02T10:30:00.250Z")
    for model, message in ((ScenarioSummaryOut, summary), (ProgressOut, progress)):
        assert messages._plan(model, message.DESCRIPTOR) is not None
        assert from_message(model, message) == model.model_validate(json_mapping(model, message))
