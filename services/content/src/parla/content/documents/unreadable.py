"""The one error document extraction raises, whatever went wrong inside a parser."""

from __future__ import annotations


class UnreadableDocument(Exception):
    """The document cannot be turned into text; ``reason`` is for the learner: what is wrong and what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
