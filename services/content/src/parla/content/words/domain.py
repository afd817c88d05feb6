"""Word statuses: the rules, without I/O.

A learner sets any status; what they do only moves a word forward, never back: a word used
correctly in a scenario becomes "learning" if it was new (or had no status), and a word the
learner marked known or ignored stays so whatever happens.
"""

from __future__ import annotations

import re
import unicodedata

from parla.chassis.errors import InvalidArgument, one_of
from parla.language import LANGUAGES

STATUSES = ("new", "learning", "known", "ignored")
MAX_LEMMA = 100
MAX_BATCH = 1000
# The status a word used correctly in a scenario moves on from (or it had none).
MOVED_BY_USE = "new"

_SPACES = re.compile(r"\s+")


def normal_lemma(lemma: str) -> str:
    """One spelling per lemma: NFC, lower-cased, single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", lemma).strip().lower())


def checked_word(language: str, lemma: str, status: str) -> tuple[str, str, str]:
    """(language, lemma, status) as stored, or InvalidArgument naming what is wrong."""
    one_of(language, LANGUAGES, "language")
    one_of(status, STATUSES, "status")
    lemma = normal_lemma(lemma)
    if not lemma or len(lemma) > MAX_LEMMA or any(unicodedata.category(c) == "Cc" for c in lemma):
        raise InvalidArgument(
            f"a word must be 1 to {MAX_LEMMA} characters, without control characters", details={"lemma": "invalid"}
        )
    return language, lemma, status
