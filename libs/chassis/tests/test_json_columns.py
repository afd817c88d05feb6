"""JSON columns are written and read by orjson (``parla.chassis.json_columns``) with what the
standard library would store and give back, on both databases."""

from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import JSON, Column, Integer, MetaData, Table, insert, select

from parla.chassis.db import Database
from parla.chassis.json_columns import dumps

metadata = MetaData()
documents = Table("documents", metadata, Column("id", Integer, primary_key=True), Column("body", JSON))

VALUE = {"title": "Café", "tags": ["a", "ü"], "score": 1.5, "none": None, "nested": {"deep": [1, {"x": True}]}}


@pytest.fixture
async def db(database_with, empty_database_url) -> Database:
    return await database_with(metadata, url=empty_database_url)


def test_a_value_is_written_as_the_standard_library_would_read_it():
    assert json.loads(dumps(VALUE)) == VALUE


def test_keys_that_are_not_strings_become_strings_as_with_the_standard_library():
    assert json.loads(dumps({1: "one", 2: ["two"]})) == json.loads(json.dumps({1: "one", 2: ["two"]}))


async def test_a_json_column_gives_back_what_was_stored_on_both_databases(db):
    async with db.transaction() as session:
        await session.execute(insert(documents), [{"id": 1, "body": VALUE}, {"id": 2, "body": {7: "seven"}}])
    async with db.reading() as session:
        stored = dict((await session.execute(select(documents.c.id, documents.c.body))).all())
    assert stored == {1: VALUE, 2: {"7": "seven"}}


def test_a_uuid_inside_a_value_is_written_as_its_text():
    identifier = uuid.uuid4()
    assert json.loads(dumps({"id": identifier})) == {"id": str(identifier)}
