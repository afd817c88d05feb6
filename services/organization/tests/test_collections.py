"""Collections and learning paths on SQLite and PostgreSQL: ownership, privacy, dense order, subscribers."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from parla.chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from parla.devstack.testing import outbox_events
from parla.organization.catalogue.domain import ItemRef
from parla.organization.collections.service import CollectionService
from parla.organization.tags.db import TagRow

from .catalogue_fixtures import T0, admin, complete, delete_scenario, import_document, learner, publish_scenario


def scenario(scenario_id: str) -> ItemRef:
    return ItemRef("scenario", scenario_id)


def refs(view) -> list[ItemRef]:
    return [ItemRef(e.row.kind, e.row.item_id) for e in view.entries]


def positions(view) -> list[int]:
    return [e.row.position for e in view.entries]


@pytest.fixture
async def library(db):
    for scenario_id, minutes in (("a", 10), ("b", 15), ("c", 20), ("d", 12)):
        await publish_scenario(db, scenario_id, minutes=minutes)
    return CollectionService(db=db)


async def test_a_new_collection_keeps_its_items_in_order_with_their_total_minutes(library, db):
    owner = learner()
    document = await import_document(db, owner, words=1500)
    view = await library.create(owner, name="  Eating out  ", items=[scenario("b"), ItemRef("document", document), scenario("a")])
    assert view.row.name == "Eating out" and view.row.visibility == "private"
    assert refs(view) == [scenario("b"), ItemRef("document", document), scenario("a")]
    assert positions(view) == [0, 1, 2]
    assert (view.row.item_count, view.row.total_minutes) == (3, 15 + 10 + 10)
    [created] = await outbox_events(db, "collection.changed")
    assert created["change"] == "created" and created["item_count"] == 3 and created["owner_id"] == owner.subject


async def test_a_private_collection_does_not_exist_for_anyone_else(library):
    owner, other, boss = learner(), learner(), admin()
    view = await library.create(owner, name="Secret list", items=[scenario("a")])
    collection_id = str(view.row.id)
    for stranger in (other, boss):
        with pytest.raises(NotFound):
            await library.get(stranger, collection_id)
        with pytest.raises(NotFound):
            await library.add_item(stranger, collection_id, scenario("b"))
        with pytest.raises(NotFound):
            await library.subscribe(stranger, collection_id)
        with pytest.raises(NotFound):
            await library.duplicate(stranger, collection_id)
        with pytest.raises(NotFound):
            await library.delete(stranger, collection_id)
        assert (await library.browse(stranger, query="secret")).collections == []
        assert (await library.mine(stranger)).collections == []


async def test_only_the_owner_changes_a_public_collection(library):
    owner, other, boss = learner(), learner(), admin()
    view = await library.create(owner, name="Shared list", visibility="public", items=[scenario("a"), scenario("b")])
    collection_id = str(view.row.id)
    for stranger in (other, boss):
        assert (await library.get(stranger, collection_id)).row.name == "Shared list"
        with pytest.raises(PermissionDenied):
            await library.update(stranger, collection_id, ["name"], {"name": "Mine now"})
        with pytest.raises(PermissionDenied):
            await library.remove_item(stranger, collection_id, scenario("a"))
        with pytest.raises(PermissionDenied):
            await library.reorder(stranger, collection_id, [scenario("b"), scenario("a")])
        with pytest.raises(PermissionDenied):
            await library.delete(stranger, collection_id)
    assert refs(await library.get(owner, collection_id)) == [scenario("a"), scenario("b")]


async def test_adding_removing_and_reordering_keep_positions_dense(library):
    owner = learner()
    view = await library.create(owner, name="Path", items=[scenario("a"), scenario("b")])
    collection_id = str(view.row.id)
    view = await library.add_item(owner, collection_id, scenario("c"), position=1)
    assert refs(view) == [scenario("a"), scenario("c"), scenario("b")] and positions(view) == [0, 1, 2]
    view = await library.add_item(owner, collection_id, scenario("d"), position=99)
    assert refs(view)[-1] == scenario("d")
    view = await library.remove_item(owner, collection_id, scenario("c"))
    assert refs(view) == [scenario("a"), scenario("b"), scenario("d")] and positions(view) == [0, 1, 2]
    view = await library.reorder(owner, collection_id, [scenario("d"), scenario("a"), scenario("b")])
    assert refs(view) == [scenario("d"), scenario("a"), scenario("b")] and positions(view) == [0, 1, 2]
    assert (view.row.item_count, view.row.total_minutes) == (3, 12 + 10 + 15)


async def test_a_reorder_that_is_not_exactly_the_current_items_is_a_conflict(library):
    owner = learner()
    collection_id = str((await library.create(owner, name="Path", items=[scenario("a"), scenario("b")])).row.id)
    for wrong in ([scenario("a")], [scenario("a"), scenario("b"), scenario("c")], [scenario("a"), scenario("a"), scenario("b")]):
        with pytest.raises(Conflict):
            await library.reorder(owner, collection_id, wrong)
    assert refs(await library.get(owner, collection_id)) == [scenario("a"), scenario("b")]


async def test_an_item_is_in_a_collection_once(library):
    owner = learner()
    collection_id = str((await library.create(owner, name="Path", items=[scenario("a")])).row.id)
    with pytest.raises(Conflict):
        await library.add_item(owner, collection_id, scenario("a"))
    with pytest.raises(Conflict):
        await library.create(owner, name="Twice", items=[scenario("a"), scenario("a")])


async def test_an_item_the_learner_cannot_see_cannot_be_added(library, db):
    owner, other = learner(), learner()
    await publish_scenario(db, "theirs", visibility="private", owner=other)
    others_document = await import_document(db, other)
    collection_id = str((await library.create(owner, name="Path")).row.id)
    for ref in (scenario("theirs"), scenario("never-published"), ItemRef("document", others_document)):
        with pytest.raises(NotFound):
            await library.add_item(owner, collection_id, ref)
    await publish_scenario(db, "mine", visibility="private", owner=owner)
    assert refs(await library.add_item(owner, collection_id, scenario("mine"))) == [scenario("mine")]


@pytest.mark.concurrent_transactions
async def test_concurrent_reorders_of_one_collection_take_turns_and_leave_positions_dense(library):
    owner = learner()
    items = [scenario(s) for s in "abcd"]
    collection_id = str((await library.create(owner, name="Race", items=items)).row.id)
    orders = [list(reversed(items)), [items[1], items[0], items[3], items[2]]]
    results = await asyncio.gather(*(library.reorder(owner, collection_id, order) for order in orders), return_exceptions=True)
    assert not [r for r in results if isinstance(r, BaseException)]
    final = await library.get(owner, collection_id)
    assert refs(final) in orders and positions(final) == [0, 1, 2, 3]


@pytest.mark.concurrent_transactions
async def test_a_reorder_racing_an_addition_either_includes_it_or_is_refused(library):
    owner = learner()
    collection_id = str((await library.create(owner, name="Race", items=[scenario("a"), scenario("b")])).row.id)
    added, reordered = await asyncio.gather(
        library.add_item(owner, collection_id, scenario("c")),
        library.reorder(owner, collection_id, [scenario("b"), scenario("a")]),
        return_exceptions=True,
    )
    assert not isinstance(added, BaseException)
    final = await library.get(owner, collection_id)
    assert positions(final) == [0, 1, 2] and set(refs(final)) == {scenario("a"), scenario("b"), scenario("c")}
    assert isinstance(reordered, Conflict) or refs(final)[:2] == [scenario("b"), scenario("a")]


async def test_a_deleted_scenario_is_shown_as_removed_and_no_longer_counts(library, db):
    owner = learner()
    collection_id = str((await library.create(owner, name="Path", items=[scenario("a"), scenario("b")])).row.id)
    await delete_scenario(db, "a")
    view = await library.get(owner, collection_id)
    assert refs(view) == [scenario("a"), scenario("b")]
    assert [e.visible for e in view.entries] == [False, True]
    assert (view.row.item_count, view.row.total_minutes) == (2, 15)


async def test_a_learning_path_offers_the_first_item_the_learner_has_not_finished(library, db):
    owner, follower = learner(), learner()
    view = await library.create(
        owner, name="Restaurant path", visibility="public", learning_path=True, items=[scenario(s) for s in "abc"]
    )
    collection_id = str(view.row.id)
    assert view.next_up.row.item_id == "a"
    await complete(db, follower, "a")
    await delete_scenario(db, "b")
    assert (await library.get(follower, collection_id)).next_up.row.item_id == "c"
    assert (await library.get(owner, collection_id)).next_up.row.item_id == "a"
    await complete(db, follower, "c")
    assert (await library.get(follower, collection_id)).next_up is None


async def test_subscribing_counts_once_per_learner_and_tells_analytics(library, db):
    owner, fan = learner(), learner()
    collection_id = str((await library.create(owner, name="Popular", visibility="public")).row.id)
    await library.subscribe(fan, collection_id)
    view = await library.subscribe(fan, collection_id)
    assert (view.row.subscriber_count, view.subscribed) == (1, True)
    assert [c.row.id for c in (await library.subscriptions(fan)).collections] == [view.row.id]
    view = await library.unsubscribe(fan, collection_id)
    await library.unsubscribe(fan, collection_id)
    assert (view.row.subscriber_count, view.subscribed) == (0, False)
    events = await outbox_events(db, "collection.subscribed")
    assert [(e["user_id"], e["subscribed"]) for e in events] == [(fan.subject, True), (fan.subject, False)]


async def test_a_collection_made_private_disappears_from_its_subscribers(library):
    owner, fan = learner(), learner()
    collection_id = str((await library.create(owner, name="Going private", visibility="public")).row.id)
    await library.subscribe(fan, collection_id)
    await library.update(owner, collection_id, ["visibility"], {"visibility": "private"})
    assert (await library.subscriptions(fan)).collections == []
    with pytest.raises(NotFound):
        await library.get(fan, collection_id)
    with pytest.raises(Conflict):
        await library.subscribe(owner, collection_id)


async def test_a_duplicate_is_a_private_copy_of_what_the_learner_can_see(library, db):
    owner, other = learner(), learner()
    await publish_scenario(db, "owners-own", visibility="private", owner=owner)
    original = await library.create(
        owner,
        name="Original",
        visibility="public",
        learning_path=True,
        items=[scenario("owners-own"), scenario("a"), scenario("b")],
    )
    copy = await library.duplicate(other, str(original.row.id))
    assert copy.row.owner_id == other.user_id and copy.row.visibility == "private"
    assert copy.row.name == "Original (copy)" and copy.row.copied_from == original.row.id and copy.row.learning_path
    assert refs(copy) == [scenario("a"), scenario("b")]
    renamed = await library.duplicate(owner, str(original.row.id), name="My second")
    assert renamed.row.name == "My second" and len(renamed.entries) == 3


async def test_browsing_finds_public_collections_by_words_category_and_path(library):
    owner = learner()
    await library.create(
        owner, name="Café français", description="Commander au restaurant", visibility="public", category="restaurant"
    )
    await library.create(owner, name="Hidden café", visibility="private")
    await library.create(owner, name="Airport path", visibility="public", learning_path=True, category="travel")
    viewer = learner()
    assert [c.row.name for c in (await library.browse(viewer, query="CAFE restaurant")).collections] == ["Café français"]
    assert [c.row.name for c in (await library.browse(viewer, category="travel")).collections] == ["Airport path"]
    assert [c.row.name for c in (await library.browse(viewer, paths_only=True)).collections] == ["Airport path"]
    assert len((await library.browse(viewer)).collections) == 2


async def test_browsing_orders_by_subscribers_or_by_change_and_pages(library):
    owner = learner()
    ids = [str((await library.create(owner, name=f"List {i}", visibility="public")).row.id) for i in range(5)]
    for fans, collection_id in zip((3, 0, 1, 0, 2), ids, strict=True):
        for _ in range(fans):
            await library.subscribe(learner(), collection_id)
    viewer = learner()
    popular = await library.browse(viewer, limit=3)
    assert [c.row.name for c in popular.collections] == ["List 0", "List 4", "List 2"] and popular.has_more
    rest = await library.browse(viewer, limit=3, offset=3)
    assert [c.row.name for c in rest.collections] == ["List 3", "List 1"] and not rest.has_more
    await library.update(owner, ids[1], ["description"], {"description": "fresh"})
    assert (await library.browse(viewer, sort="recent", limit=1)).collections[0].row.name == "List 1"


async def test_bad_input_names_the_field(library):
    owner = learner()
    cases = [
        ({"name": "ab"}, "name"),
        ({"name": "x" * 256}, "name"),
        ({"name": "Fine", "visibility": "friends"}, "visibility"),
        ({"name": "Fine", "category": "space"}, "category"),
        ({"name": "Fine", "difficulty": "expert"}, "difficulty"),
        ({"name": "Fine", "description": "d" * 2001}, "description"),
    ]
    for fields, field in cases:
        with pytest.raises(InvalidArgument) as raised:
            await library.create(owner, **fields)
        assert field in raised.value.details
    collection_id = str((await library.create(owner, name="Fine")).row.id)
    with pytest.raises(InvalidArgument) as raised:
        await library.update(owner, collection_id, ["owner_id"], {})
    assert "fields" in raised.value.details
    with pytest.raises(InvalidArgument):
        await library.browse(owner, sort="best")
    with pytest.raises(NotFound):
        await library.get(owner, "not-a-uuid")
    with pytest.raises(NotFound):
        await library.get(owner, str(uuid.uuid4()))


async def test_deleting_a_collection_removes_it_and_its_subscriptions(library, db):
    owner, fan = learner(), learner()
    collection_id = str((await library.create(owner, name="Short-lived", visibility="public", items=[scenario("a")])).row.id)
    await library.subscribe(fan, collection_id)
    await library.delete(owner, collection_id)
    with pytest.raises(NotFound):
        await library.get(owner, collection_id)
    assert (await library.subscriptions(fan)).collections == []
    assert [e["change"] for e in await outbox_events(db, "collection.changed")] == ["created", "deleted"]


async def test_browsing_by_tag_finds_the_collections_their_owner_tagged_so(library, db):
    owner, other = learner(), learner()
    tagged = await library.create(owner, name="Tapas", visibility="public")
    tagged_by_someone_else = await library.create(owner, name="Paella", visibility="public")
    await library.create(owner, name="Untagged", visibility="public")
    async with db.transaction() as session:
        session.add(
            TagRow(user_id=owner.user_id, kind="collection", item_id=str(tagged.row.id), tag="spanish food", tagged_at=T0)
        )
        session.add(
            TagRow(
                user_id=other.user_id,
                kind="collection",
                item_id=str(tagged_by_someone_else.row.id),
                tag="spanish food",
                tagged_at=T0,
            )
        )
    page = await library.browse(learner(), tag="  Spanish   FOOD ")
    assert [(c.row.name, c.tags) for c in page.collections] == [("Tapas", ["spanish food"])]
    assert (await library.get(other, str(tagged.row.id))).tags == ["spanish food"]
