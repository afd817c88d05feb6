"""``upsert``, ``adding_up`` and ``inserting_if_absent`` on SQLite and PostgreSQL: each statement
is built once per table, columns, keys and dialect, and each of those makes its own."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, select

from parla.chassis.db import adding_up, inserting_if_absent, upsert

metadata = MetaData()
totals = Table(
    "totals",
    metadata,
    Column("name", String(20), primary_key=True),
    Column("label", String(20), nullable=False, default=""),
    Column("amount", Integer, nullable=False, default=0),
    Column("changed_at", DateTime(timezone=True)),
)
T0 = datetime(2026, 1, 1, tzinfo=UTC)


async def rows(db) -> dict[str, tuple]:
    async with db.reading() as session:
        found = await session.execute(select(totals.c.name, totals.c.label, totals.c.amount))
        return {name: (label, amount) for name, label, amount in found}


async def test_a_row_replaces_only_the_columns_it_carries_whichever_columns_came_before(database_with, empty_database_url):
    db = await database_with(metadata, url=empty_database_url)
    async with db.transaction() as session:
        await upsert(
            session, totals, [{"name": "a", "label": "first", "amount": 1}, {"name": "b", "label": "b", "amount": 2}], ["name"]
        )
    async with db.transaction() as session:  # the same table with fewer columns: another statement
        await upsert(session, totals, [{"name": "a", "amount": 10}], ["name"])
    async with db.transaction() as session:  # and the first form again
        await upsert(session, totals, [{"name": "b", "label": "second", "amount": 20}], ["name"])
    assert await rows(db) == {"a": ("first", 10), "b": ("second", 20)}


async def test_with_newest_by_an_older_row_leaves_the_stored_one_and_a_newer_replaces_it(database_with, empty_database_url):
    db = await database_with(metadata, url=empty_database_url)
    first = {"name": "a", "label": "first", "amount": 1, "changed_at": T0}
    async with db.transaction() as session:
        await upsert(session, totals, [first], ["name"], newest_by="changed_at")
        await upsert(session, totals, [first | {"amount": 0, "changed_at": T0 - timedelta(hours=1)}], ["name"])
    assert await rows(db) == {"a": ("first", 0)}  # without newest_by, the last row wins
    async with db.transaction() as session:
        await upsert(
            session, totals, [first | {"amount": 5, "changed_at": T0 - timedelta(hours=2)}], ["name"], newest_by="changed_at"
        )
        await upsert(
            session, totals, [first | {"label": "later", "changed_at": T0 + timedelta(hours=1)}], ["name"], newest_by="changed_at"
        )
    assert await rows(db) == {"a": ("later", 1)}


async def test_adding_up_adds_the_amounts_and_moves_the_latest_time_forward_only(database_with, empty_database_url):
    db = await database_with(metadata, url=empty_database_url)
    for amount, at in ((2, T0), (3, T0 - timedelta(hours=1)), (4, T0 + timedelta(hours=1))):
        async with db.transaction() as session:
            statement = adding_up(session, totals, ("name",), ("amount",), ("changed_at",))
            await session.execute(statement, [{"name": "a", "amount": amount, "changed_at": at}])
    async with db.reading() as session:
        amount, at = (await session.execute(select(totals.c.amount, totals.c.changed_at))).one()
    assert amount == 9 and (at if at.tzinfo else at.replace(tzinfo=UTC)) == T0 + timedelta(hours=1)  # SQLite's is naive


async def test_inserting_if_absent_keeps_the_stored_row_and_returns_only_the_rows_it_inserted(database_with, empty_database_url):
    db = await database_with(metadata, url=empty_database_url)
    async with db.transaction() as session:
        await session.execute(inserting_if_absent(session, totals, ("name",)), [{"name": "a", "label": "first"}])
    async with db.transaction() as session:
        statement = inserting_if_absent(session, totals, ("name",), returning=("name",))
        new = (await session.execute(statement, [{"name": "a", "label": "again"}, {"name": "b", "label": "b"}])).scalars().all()
    assert new == ["b"]
    assert await rows(db) == {"a": ("first", 0), "b": ("b", 0)}
