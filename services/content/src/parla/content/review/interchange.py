"""The deck in and out: the review log a page at a time (the export the FSRS optimizer and
srs-benchmark read), and cards from an Anki-style CSV."""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import or_, select

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, one_of
from parla.content.domain import NewCard, card_key, new_fsrs_card
from parla.content.repository import CardRepository
from parla.content.review.db import ReviewLogRow
from parla.content.review.deck import MAX_SIDE, MAX_TAG
from parla.content.review.races import once_more_on_conflict
from parla.content.service import add_new_cards
from parla.language import LANGUAGES

SOURCE_IMPORT = "import"
MAX_PAGE = 5_000
MAX_IMPORT_LINES = 10_000
MAX_IMPORT_CHARS = 5 * 2**20


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ImportReport:
    added: int
    merged: int
    problems: list[tuple[int, str]]  # (line, what is wrong with it)


@dataclass(frozen=True)
class ImportedLine:
    line: int
    front: str
    back: str
    tags: list[str]


def parse_cards(text: str) -> tuple[list[ImportedLine], list[tuple[int, str]]]:
    """Lines of front, back and tags (space-separated), by tabs if the text has any, else by
    commas (quoted as CSV); Anki's '#' header lines and blank lines skipped."""
    delimiter = "\t" if "\t" in text else ","
    found, problems = [], []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    for row in reader:
        line = reader.line_num
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            problems.append((line, "a card needs a front and a back"))
            continue
        front, back = row[0].strip(), row[1].strip()
        if len(front) > MAX_SIDE or len(back) > MAX_SIDE:
            problems.append((line, f"a side is over {MAX_SIDE:,} characters"))
            continue
        tags = [tag.lower() for tag in " ".join(row[2:]).split() if len(tag) <= MAX_TAG]
        found.append(ImportedLine(line, front, back, list(dict.fromkeys(tags))))
    return found, problems


class Interchange:
    def __init__(self, *, db: Database, clock: Callable[[], datetime] = _now) -> None:
        self._db = db
        self._clock = clock

    async def log_page(self, caller: Principal, *, after: str, limit: int) -> tuple[list[ReviewLogRow], str]:
        """The learner's reviews after the cursor ``after``, oldest first, and the next cursor."""
        limit = max(1, min(limit or 1_000, MAX_PAGE))
        where = [ReviewLogRow.user_id == caller.user_id]
        if after:
            at, review_id = _cursor(after)
            where.append(or_(ReviewLogRow.reviewed_at > at, (ReviewLogRow.reviewed_at == at) & (ReviewLogRow.id > review_id)))
        async with self._db.reading() as session:
            rows = list(
                await session.scalars(
                    select(ReviewLogRow).where(*where).order_by(ReviewLogRow.reviewed_at, ReviewLogRow.id).limit(limit)
                )
            )
        last = rows[-1] if len(rows) == limit else None
        return rows, f"{last.reviewed_at.isoformat()}|{last.id}" if last is not None else ""

    @once_more_on_conflict
    async def import_cards(self, caller: Principal, *, language: str, text: str) -> ImportReport:
        one_of(language, LANGUAGES, "language")
        if len(text) > MAX_IMPORT_CHARS:
            raise InvalidArgument(f"the file is over {MAX_IMPORT_CHARS // 2**20} MiB; split it", details={"csv": "too large"})
        lines, problems = parse_cards(text)
        if len(lines) > MAX_IMPORT_LINES:
            raise InvalidArgument(
                f"at most {MAX_IMPORT_LINES:,} cards per import; split the file", details={"csv": "too many lines"}
            )
        now, batch = self._clock(), str(uuid.uuid4())
        candidates = [_card(caller.user_id, language, line, batch, now) for line in lines]
        async with self._db.transaction() as session:
            have = await CardRepository(session).existing({caller.user_id}, {card.key for card in candidates})
            added = await add_new_cards(session, [(card, None) for card in candidates], now)
        merged = sum(1 for card in candidates if (caller.user_id, language, card.key) in have)
        return ImportReport(added, merged, problems)


def _card(user_id: uuid.UUID, language: str, line: ImportedLine, batch: str, now: datetime) -> NewCard:
    card_id = uuid.uuid4()
    return NewCard(
        id=card_id,
        user_id=user_id,
        language=language,
        front=line.front,
        back=line.back,
        key=card_key(line.front),
        source_kind=SOURCE_IMPORT,
        source_id=batch,
        schedule=new_fsrs_card(card_id, now),
        context=f"line {line.line}",
        tags=line.tags,
    )


def _cursor(value: str) -> tuple[datetime, uuid.UUID]:
    try:
        at, review_id = value.split("|")
        return datetime.fromisoformat(at), uuid.UUID(review_id)
    except ValueError:
        raise InvalidArgument("unknown page cursor; start again without one", details={"after": "not a cursor"}) from None
