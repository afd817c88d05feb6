"""What the review API's tests share: ids, timestamps and a card as the content service sends them."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp

from parla.contracts.rpc.content.v1 import review_pb2 as pb

CARD = "8d6f7a9e-0000-4000-8000-000000000001"
SESSION = "8d6f7a9e-0000-4000-8000-000000000002"
DUE = datetime(2030, 5, 1, 9, 30, tzinfo=UTC)


def stamp(moment: datetime) -> Timestamp:
    value = Timestamp()
    value.FromDatetime(moment)
    return value


def card_message(**fields) -> pb.Card:
    """A card as the content service sends it; never buried, never reviewed unless given."""
    source = pb.CardSource(kind="document", id="doc-1", context="La mesa es grande.")
    base = {"id": CARD, "language": "es", "front": "la mesa", "back": "the table", "lemma": "mesa", "state": "new"}
    return pb.Card(**{**base, "source": source, "sources": [source], "due": stamp(DUE), **fields})


def sent(services, name: str, message_type):
    return [message_type.FromString(call.request) for call in services.named(name)]


def review(**fields) -> dict:
    return {"client_review_id": str(uuid.uuid4()), "card_id": CARD, "rating": "good", **fields}
