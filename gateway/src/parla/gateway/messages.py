"""A service's answer (a protobuf message) as a response body (a pydantic model).

The plain way is protobuf's JSON mapping (``MessageToDict``) and then validation: correct for
every message, but MessageToDict walks each field through Python code, and for a page of twenty
scenarios it took more of the gateway's time than the call to the service did. Most answers are
made of strings, numbers and lists of them, nested in messages: for those the fields are read
straight from the message into the dict MessageToDict would have made (the same keys, the same
values), by a plan worked out once per model and message type. Anything else (bytes, 32-bit
floats, maps, google.protobuf's well-known types but times and durations, a model field the message lacks, a nested model the plan
cannot name) takes the plain way; a test holds the two to the same results.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import Any, TypeVar

from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.json_format import MessageToDict
from google.protobuf.message import Message
from pydantic import BaseModel
from pydantic.fields import FieldInfo

T = TypeVar("T", bound=BaseModel)

# Read = (model field name, how to read its value from the message, or None when the field is
# left out, as MessageToDict leaves out an unset field that has presence).
Read = Callable[[Message], Any]
_SKIP = object()

# Numbers that protobuf's JSON mapping writes as strings (they may not fit a JavaScript number).
_AS_STRING = {
    FieldDescriptor.TYPE_INT64,
    FieldDescriptor.TYPE_UINT64,
    FieldDescriptor.TYPE_SINT64,
    FieldDescriptor.TYPE_FIXED64,
    FieldDescriptor.TYPE_SFIXED64,
}
_AS_JSON_STRING = {"google.protobuf.Timestamp", "google.protobuf.Duration"}
# Not planned: bytes (base64 in JSON), and 32-bit floats (written as their shortest decimal).
_UNPLANNED = {FieldDescriptor.TYPE_BYTES, FieldDescriptor.TYPE_FLOAT}


def from_message(model: type[T], message: Message) -> T:
    """The model of ``message``: what validating its JSON mapping would give."""
    return model.model_validate(as_data(model, message))


def as_data(model: type[BaseModel], message: Message) -> dict[str, Any]:
    """``MessageToDict(message, preserving_proto_field_name=True,
    always_print_fields_with_no_presence=True)``, for the fields ``model`` has."""
    plan = _plan(model, message.DESCRIPTOR)
    if plan is None:
        return MessageToDict(message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True)
    data = dict(zip(plan.plain, plan.get_plain(message), strict=True)) if plan.plain else {}
    for name, read in plan.others:
        value = read(message)
        if value is not _SKIP:
            data[name] = value
    return data


@dataclass(frozen=True)
class _Plan:
    plain: tuple[str, ...]  # strings, bools and small numbers: read as they are, all at once
    others: tuple[tuple[str, Read], ...]

    def get_plain(self, message: Message) -> tuple[Any, ...]:
        values = attrgetter(*self.plain)(message)
        return values if len(self.plain) > 1 else (values,)


class _Unplannable(Exception):
    pass


_planning: set[tuple[type[BaseModel], str]] = set()  # a message that holds itself is not planned


@cache
def _plan(model: type[BaseModel], descriptor: Descriptor) -> _Plan | None:
    key = (model, descriptor.full_name)
    if key in _planning:
        return None
    _planning.add(key)
    try:
        readers = [(name, _reader(descriptor, name, field)) for name, field in model.model_fields.items()]
    except _Unplannable:
        return None
    finally:
        _planning.discard(key)
    plain = tuple(name for name, read in readers if read is None)
    return _Plan(plain, tuple((name, read) for name, read in readers if read is not None))


def _reader(descriptor: Descriptor, name: str, model_field: FieldInfo) -> Read | None:
    """How to read a field's value from the message; None for a field read as it is."""
    field = descriptor.fields_by_name.get(name)
    if field is None or field.type in _UNPLANNED or model_field.alias not in (None, name):
        raise _Unplannable  # (a field validated by another name than the message's)
    annotation = model_field.annotation
    repeated = field.is_repeated
    if field.type == FieldDescriptor.TYPE_MESSAGE:
        kind = field.message_type.full_name
        if kind in _AS_JSON_STRING:  # as the JSON mapping writes them: RFC 3339, "1.5s"
            one = _json_string
        elif field.message_type.GetOptions().map_entry or kind.startswith("google.protobuf."):
            raise _Unplannable
        else:
            nested = _model_in(annotation, repeated)
            if _plan(nested, field.message_type) is None:
                raise _Unplannable
            one = _value(nested)
    else:
        one = _scalar(field)
        if one is _same and not repeated and not field.has_presence:
            return None
    if repeated and one is _same:
        return lambda message: list(getattr(message, name))
    if repeated:
        return lambda message: [one(item) for item in getattr(message, name)]
    if field.has_presence:  # unset: left out, so the model's default applies
        return lambda message: one(getattr(message, name)) if message.HasField(name) else _SKIP
    return lambda message: one(getattr(message, name))


def _scalar(field: FieldDescriptor) -> Callable[[Any], Any]:
    if field.type == FieldDescriptor.TYPE_ENUM:
        if field.enum_type.full_name.startswith("google.protobuf."):  # NullValue is written as null
            raise _Unplannable
        names = {number: value.name for number, value in field.enum_type.values_by_number.items()}
        return lambda number: names.get(number, number)
    if field.type in _AS_STRING:
        return str
    if field.type == FieldDescriptor.TYPE_DOUBLE:
        return _json_float
    return _same


def _json_string(message: Any) -> str:
    return message.ToJsonString()


def _same(value: Any) -> Any:
    return value


def _json_float(value: float) -> float | str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def _value(model: type[BaseModel]) -> Callable[[Message], dict[str, Any]]:
    return lambda message: as_data(model, message)


def _model_in(annotation: Any, repeated: bool) -> type[BaseModel]:
    """The model a message field's annotation names: ``M``, ``M | None``, or ``list[M]``."""
    if repeated:
        if typing.get_origin(annotation) is not list:
            raise _Unplannable
        (annotation,) = typing.get_args(annotation)
    elif typing.get_origin(annotation) in (typing.Union, types.UnionType):
        named = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(named) != 1:
            raise _Unplannable
        annotation = named[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    raise _Unplannable
