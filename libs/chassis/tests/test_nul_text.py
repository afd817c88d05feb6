"""Text with a NUL character is refused at every service's door, wherever it sits in a request."""

from __future__ import annotations

from google.protobuf import struct_pb2

from parla.chassis.grpc_server import _nul_field
from parla.contracts.rpc.scenario.v1 import scenario_pb2 as pb


def test_a_clean_request_passes():
    assert _nul_field(pb.SubmitTurnRequest(run_id="r", text="Buenas tardes")) is None


def test_nul_in_a_top_level_text_field_is_named():
    assert _nul_field(pb.SubmitTurnRequest(run_id="r", text="hola\x00")) == "text"


def test_nul_deep_inside_a_struct_is_named_by_its_path():
    draft = struct_pb2.Struct()
    draft.update({"phases": [{"objective": "ok"}, {"objective": "bad\x00"}]})
    found = _nul_field(draft)
    assert found is not None and found.startswith("fields.")


def test_nul_in_a_map_key_is_found():
    draft = struct_pb2.Struct()
    draft.update({"ti\x00tle": "x"})
    assert _nul_field(draft) == "fields"
