"""The topic map: the only place topic names live.

One topic per event type, named ``<service>.<event>``; every topic has a dead-letter twin
``<topic>.dlq`` for messages its consumers cannot decode or validate.
"""

from __future__ import annotations

from dataclasses import dataclass

DLQ_SUFFIX = ".dlq"


@dataclass(frozen=True)
class Topic:
    name: str
    partitions: int = 3

    @property
    def dlq(self) -> str:
        return self.name + DLQ_SUFFIX


# event_type -> topic. Event types and topic names coincide on purpose; the map keeps that a
# decision made once rather than a string convention repeated in every service.
TOPICS: dict[str, Topic] = {
    name: Topic(name)
    for name in (
        "user.registered",
        "user.updated",
        "scenario.published",
        "scenario.updated",
        "scenario.deleted",
        "scenario.viewed",
        "scenario.started",
        "scenario.completed",
        "content.imported",
        "content.studied",
        "content.deleted",
        "card.created",
        "review.recorded",
        "ai.usage_recorded",
        "budget.threshold_crossed",
        "rating.submitted",
        "rating.deleted",
        "bookmark.added",
        "bookmark.removed",
        "collection.changed",
        "collection.subscribed",
        "achievement.unlocked",
        "xp.granted",
    )
}


def topic_for(event_type: str) -> Topic:
    try:
        return TOPICS[event_type]
    except KeyError:
        raise KeyError(f"no topic for event type {event_type!r}; add it to parla.contracts.topics.TOPICS") from None


def all_topic_names(with_dlq: bool = True) -> list[tuple[str, int]]:
    """Every topic to create, with its partition count."""
    names = [(t.name, t.partitions) for t in TOPICS.values()]
    if with_dlq:
        names += [(t.dlq, 1) for t in TOPICS.values()]
    return names
