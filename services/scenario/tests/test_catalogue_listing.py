"""The catalogue lists from its listing columns, in SQL, along indexes (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, select

from parla.scenario import repository as repository_module
from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.catalogue_repository import ME, SYSTEM, CatalogueQuery, CatalogueRepository, ScenarioListing
from parla.scenario.db import ScenarioLocalizationRow, ScenarioRow
from parla.scenario.domain.scenario import ScenarioSpec
from parla.scenario.repository import ScenarioRepository

NOW = datetime(2026, 1, 1, tzinfo=UTC)
SPECS = load_system_scenarios()
AUTHOR = uuid.uuid4()


def variant(number: int, *, category: str = "travel", difficulty: str = "beginner", languages=("es", "fr")) -> ScenarioSpec:
    """A scenario of its own, made from a shipped one: its own id, title and category."""
    base = next(spec for spec in SPECS if all(language in spec.localizations for language in languages))
    localizations = {
        language: base.localizations[language].model_copy(update={"title": f"Escena {number:03d} {language}"})
        for language in languages
    }
    return base.model_copy(
        update={"id": f"scene-{number:03d}", "category": category, "difficulty": difficulty, "localizations": localizations}
    )


async def store(db, specs: list[ScenarioSpec], *, owner: uuid.UUID | None = AUTHOR, visibility: str = "public") -> None:
    async with db.transaction() as session:
        repository = ScenarioRepository(session)
        for spec in specs:
            await repository.save(ScenarioRow(id=spec.id, owner_id=owner, visibility=visibility, created_at=NOW), spec, NOW)


async def search(db, **query) -> tuple[list[ScenarioListing], int]:
    async with db.reading() as session:
        return await CatalogueRepository(session).search(CatalogueQuery(**({"viewer": None} | query)))


@pytest.fixture
def no_documents(monkeypatch):
    """Decoding a scenario's document fails the test: a listing must not need one."""

    def refuse(*args, **kwargs):
        raise AssertionError("a listing decoded a scenario document")

    monkeypatch.setattr(repository_module, "parsed_spec", refuse)
    monkeypatch.setattr(ScenarioSpec, "model_validate", refuse)


async def test_a_page_of_many_scenarios_is_built_from_the_listing_columns_without_decoding_any_document(db, no_documents):
    specs = [variant(number) for number in range(40)]
    await store(db, specs)
    listed, total = await search(db, language="es", limit=100)
    assert total == 40
    assert listed == [ScenarioListing.of(ScenarioRow(owner_id=AUTHOR, visibility="public"), spec, "es") for spec in specs]


async def test_the_listing_columns_say_what_the_shipped_scenarios_documents_say(db):
    async with db.transaction() as session:
        for spec in SPECS:
            await ScenarioRepository(session).upsert_system(spec, NOW)
    listed, total = await search(db, limit=100, offset=0)
    more, _ = await search(db, limit=100, offset=100)
    by_key = {(item.id, item.language): item for item in [*listed, *more]}
    expected = {
        (spec.id, language): ScenarioListing.of(ScenarioRow(owner_id=None, visibility="public"), spec, language)
        for spec in SPECS
        for language in spec.localizations
    }
    assert total == len(expected) and by_key == expected


async def test_pages_follow_one_another_by_title_and_the_total_counts_every_match(db, no_documents):
    await store(db, [variant(number) for number in range(25)])
    pages = [await search(db, language="es", limit=10, offset=offset) for offset in (0, 10, 20, 30)]
    titles = [item.title for page, _ in pages for item in page]
    assert titles == [f"Escena {number:03d} es" for number in range(25)]
    assert [total for _, total in pages] == [25, 25, 25, 25]
    assert [len(page) for page, _ in pages] == [10, 10, 5, 0]


async def test_filters_by_category_difficulty_author_and_text_run_in_sql(db, no_documents):
    await store(db, [variant(number, category="travel", difficulty="beginner") for number in range(0, 6)])
    await store(db, [variant(number, category="business", difficulty="advanced") for number in range(6, 9)])
    mine = uuid.uuid4()
    await store(db, [variant(9, category="business")], owner=mine, visibility="private")
    await store(db, [variant(10)], owner=None)

    def ids(found):
        return [item.id for item in found[0]]

    assert ids(await search(db, language="es", category="business")) == ["scene-006", "scene-007", "scene-008"]
    assert (await search(db, language="es", difficulty="advanced", limit=2))[1] == 3
    assert ids(await search(db, viewer=mine, language="es", category="business", author=ME)) == ["scene-009"]
    assert ids(await search(db, language="es", author=SYSTEM)) == ["scene-010"]
    assert ids(await search(db, language="fr", author=str(AUTHOR), text="ESCENA 00")) == [f"scene-{n:03d}" for n in range(9)]
    assert ids(await search(db, language="es", text="100%_")) == []


async def test_a_private_scenario_is_listed_for_its_author_only_and_a_deleted_one_for_nobody(db, no_documents):
    author, other = uuid.uuid4(), uuid.uuid4()
    await store(db, [variant(1)], owner=author, visibility="private")
    assert (await search(db, viewer=author, language="es"))[1] == 1
    assert (await search(db, viewer=other, language="es"))[1] == 0
    assert (await search(db, viewer=None, language="es"))[1] == 0
    async with db.transaction() as session:
        repository = ScenarioRepository(session)
        await repository.set_visibility(await repository.get("scene-001"), "public", NOW)
    [listed], _ = await search(db, viewer=other, language="es")
    assert (listed.visibility, listed.owner_id) == ("public", author)
    async with db.transaction() as session:
        repository = ScenarioRepository(session)
        await repository.delete(await repository.get("scene-001"), NOW)
    assert (await search(db, viewer=author, language="es"))[1] == 0


async def test_an_edit_reaches_the_listing_columns_and_a_dropped_language_leaves_the_listing(db):
    await store(db, [variant(1, languages=("es", "fr"))])
    edited = variant(1, category="business", difficulty="advanced", languages=("es",))
    async with db.transaction() as session:
        repository = ScenarioRepository(session)
        await repository.save(await repository.get("scene-001"), edited, NOW + timedelta(seconds=1))
    [listed], total = await search(db)
    assert total == 1 and (listed.language, listed.category, listed.difficulty, listed.languages) == (
        "es",
        "business",
        "advanced",
        ("es",),
    )


async def test_category_counts_come_from_the_listing_rows(db, no_documents):
    await store(db, [variant(number, category="travel") for number in range(3)])
    await store(db, [variant(3, category="business")], owner=uuid.uuid4(), visibility="private")
    async with db.reading() as session:
        repository = CatalogueRepository(session)
        in_spanish = await repository.category_counts(None, "es")
        everywhere = await repository.category_counts(None, None)
    assert in_spanish == everywhere == {"travel": 3}


# --- query plans ---------------------------------------------------------------------------------


async def statements_of(db, query: CatalogueQuery) -> list[tuple[str, object]]:
    """The SQL (and parameters) the repository runs for ``query``."""
    seen: list[tuple[str, object]] = []

    def record(_connection, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):  # not the BEGIN of the session
            seen.append((statement, parameters))

    event.listen(db.read_engine, "before_cursor_execute", record)
    try:
        async with db.reading() as session:
            await CatalogueRepository(session).search(query)
    finally:
        event.remove(db.read_engine, "before_cursor_execute", record)
    return seen


async def plans(db, query: CatalogueQuery, explain: str, *, setup: str = "") -> list[str]:
    """The plan of each statement ``query`` runs (page first, then the count)."""
    statements = await statements_of(db, query)
    async with db.transaction() as session:
        connection = await session.connection()
        for command in filter(None, (part.strip() for part in setup.split(";"))):
            await connection.exec_driver_sql(command)
        found = []
        for statement, parameters in statements:
            rows = await connection.exec_driver_sql(f"{explain} {statement}", parameters)
            found.append("\n".join(str(row[-1]) for row in rows))
    return found


# An empty page past the end: the repository then runs the page query and the count.
PAST_THE_END = 40


@pytest.mark.parametrize(
    ("query", "index"),
    [
        (CatalogueQuery(viewer=uuid.uuid4(), language="es", offset=PAST_THE_END), "ix_scenario_localizations_catalogue"),
        (
            CatalogueQuery(viewer=None, language="es", category="travel", offset=PAST_THE_END),
            "ix_scenario_localizations_catalogue",
        ),
        (
            CatalogueQuery(viewer=None, language="fr", difficulty="advanced", offset=PAST_THE_END),
            "ix_scenario_localizations_catalogue",
        ),
        (CatalogueQuery(viewer=None, offset=PAST_THE_END), "ix_scenario_localizations_titles"),
        (CatalogueQuery(viewer=AUTHOR, language="es", author=ME, offset=PAST_THE_END), "ix_scenario_localizations_owner"),
    ],
    ids=["default page", "category", "difficulty", "every language", "author"],
)
async def test_on_sqlite_pages_walk_an_index_in_title_order_and_totals_never_walk_the_catalogue(db, backend, query, index):
    if backend != "sqlite":
        pytest.skip("SQLite's plans; PostgreSQL's are checked below")
    page_plan, *total_plans = await plans(db, query, "EXPLAIN QUERY PLAN")
    assert index in page_plan and "TEMP B-TREE" not in page_plan, page_plan
    assert total_plans, "a page past the end runs its total"
    for plan in total_plans:
        # The totals read the counts, or one author's rows from the owner index alone.
        reads_listing = "scenario_localizations" in plan
        assert not reads_listing or "COVERING INDEX ix_scenario_localizations_owner (owner_id=?" in plan, plan


async def test_a_full_page_and_its_total_are_read_in_one_statement_that_walks_the_index(db, backend, no_documents):
    await store(db, [variant(number) for number in range(5)])
    query = CatalogueQuery(viewer=uuid.uuid4(), language="es", limit=2)
    assert len(await statements_of(db, query)) == 1
    assert (await search(db, viewer=query.viewer, language="es", limit=2))[1] == 5
    if backend == "sqlite":
        [plan] = await plans(db, query, "EXPLAIN QUERY PLAN")
        assert "ix_scenario_localizations_catalogue" in plan and "TEMP B-TREE" not in plan, plan
        assert "catalogue_counts" in plan, plan


async def test_on_postgresql_the_default_page_is_read_in_title_order_from_an_index_without_a_sort(db, backend):
    if backend != "postgresql":
        pytest.skip("PostgreSQL's plans")
    # Tiny test tables are cheaper to scan (or to read by another index and sort) than to walk;
    # forbidding scans and sorts shows that the index serves both the filter and the order (with
    # thousands of scenarios the planner picks it unasked).
    query = CatalogueQuery(viewer=uuid.uuid4(), language="es", offset=PAST_THE_END)
    page_plan, _ = await plans(db, query, "EXPLAIN", setup="SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off")
    _, total_plan = await plans(db, query, "EXPLAIN", setup="SET LOCAL enable_seqscan = off")
    # Both the catalogue index and the titles index hold a language's rows in title order; on a
    # table this small the planner's choice between them is a coin toss, and either serves the
    # page without a sort (which index a large catalogue gets is the SQLite test's concern).
    ordered = ("ix_scenario_localizations_catalogue", "ix_scenario_localizations_titles")
    assert any(index in page_plan for index in ordered) and "Sort" not in page_plan, page_plan
    # The total is one statement: public scenarios from the counts, the viewer's own from an index
    # (on a table this small, the owner index or the primary key's language prefix, as the
    # planner's statistics happen to fall; the SQLite test names the owner index), never a scan.
    assert "catalogue_counts" in total_plan, total_plan
    listing_reads = [line for line in total_plan.splitlines() if "scenario_localizations" in line]
    assert listing_reads and all("Index" in line and "Seq Scan" not in line for line in listing_reads), total_plan


# --- counts ----------------------------------------------------------------------------------------


async def counted_one_by_one(db, query: CatalogueQuery) -> int:
    async with db.reading() as session:
        return int(await session.scalar(select(func.count()).select_from(ScenarioLocalizationRow).where(*query.conditions())))


async def test_totals_and_category_counts_stay_equal_to_counting_rows_through_every_kind_of_write(db):
    author, other = uuid.uuid4(), uuid.uuid4()
    async with db.transaction() as session:
        for spec in SPECS:
            await ScenarioRepository(session).upsert_system(spec, NOW)
    await store(db, [variant(number, category="travel") for number in range(3)], owner=author, visibility="private")
    await store(db, [variant(number, category="business", difficulty="advanced") for number in range(3, 6)], owner=other)
    async with db.transaction() as session:
        repository = ScenarioRepository(session)
        await repository.set_visibility(await repository.get("scene-000"), "public", NOW)
        await repository.set_visibility(await repository.get("scene-003"), "private", NOW)
        await repository.delete(await repository.get("scene-004"), NOW)
        edited = variant(5, category="travel", difficulty="intermediate", languages=("es",))
        await repository.save(await repository.get("scene-005"), edited, NOW)
        await repository.upsert_system(SPECS[0].model_copy(update={"category": "business"}), NOW)
    for viewer in (None, author, other):
        for language in (None, "es", "fr", "de"):
            for category, difficulty in ((None, None), ("travel", None), ("business", "advanced"), (None, "intermediate")):
                query = CatalogueQuery(viewer=viewer, language=language, category=category, difficulty=difficulty, limit=1)
                assert (await search(db, **query.__dict__))[1] == await counted_one_by_one(db, query), query
            async with db.reading() as session:
                counts = await CatalogueRepository(session).category_counts(viewer, language)
                distinct = func.count(func.distinct(ScenarioLocalizationRow.scenario_id))
                conditions = CatalogueQuery(viewer=viewer, language=language).conditions()
                rows = await session.execute(
                    select(ScenarioLocalizationRow.category, distinct)
                    .where(*conditions)
                    .group_by(ScenarioLocalizationRow.category)
                )
            assert counts == dict(rows.all()), (viewer, language)
