"""Tags on SQLite and PostgreSQL: a learner's own on what they can see (private to them, but for
a public collection's owner), their limits, and listing and finding by tag."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select

from parla.chassis.auth import current_principal
from parla.chassis.errors import Conflict, InvalidArgument, NotFound
from parla.contracts.events import ScenarioDeleted, ScenarioUpdated
from parla.contracts.rpc.organization.v1 import tags_pb2 as pb
from parla.organization.collections.db import CollectionRow
from parla.organization.tags.db import PopularTagRow, TagRow
from parla.organization.tags.domain import MAX_TAGS_PER_ITEM, MAX_TAGS_PER_LEARNER
from parla.organization.tags.grpc_api import TagServicer
from parla.organization.tags.service import TagService

from .catalogue_fixtures import T0, admin, delete_document, delete_scenario, import_document, learner, publish_scenario
from .tag_fixtures import HOTEL, MESA, TISCH, collection, consume, found, scenario_changed


@pytest.fixture
def service(db) -> TagService:
    return TagService(db=db)


# --- a learner's tags -------------------------------------------------------------------------


async def test_tags_are_stored_normalised_once_each_and_shown_alphabetically(db, service):
    me = learner()
    await publish_scenario(db, "tapas")
    shown = await service.tag(
        me, kind="scenario", item_id="tapas", tags=["  Comida   Rápida ", "TAPAS", "tapas", "Cafe\u0301", "日本語"]
    )
    assert shown.mine == ["café", "comida rápida", "tapas", "日本語"]
    again = await service.tag(me, kind="scenario", item_id="tapas", tags=["tapas"])
    assert again.mine == shown.mine


@pytest.mark.parametrize(
    "tags, why",
    [
        (["a"], "2-50 characters"),
        (["x" * 51], "2-50 characters"),
        (["   "], "2-50 characters"),
        (["no!"], "'!'"),
        (["tapas 🍤"], "'🍤'"),
        (["a/b"], "'/'"),
        ([], "empty"),
        ([f"tag{i}" for i in range(21)], "at most 20"),
    ],
)
async def test_a_bad_tag_is_refused_naming_tags_and_what_is_wrong(db, service, tags, why):
    await publish_scenario(db, "tapas")
    with pytest.raises(InvalidArgument) as refused:
        await service.tag(learner(), kind="scenario", item_id="tapas", tags=tags)
    assert why in refused.value.details["tags"]


@pytest.mark.parametrize(
    "kind, item_id, field",
    [
        ("recipe", "tapas", "item.kind"),
        ("scenario", "", "item.id"),
        ("collection", "tapas", "item.id"),
        ("document", "x", "item.id"),
    ],
)
async def test_a_bad_item_is_refused_naming_its_field(service, kind, item_id, field):
    with pytest.raises(InvalidArgument) as refused:
        await service.tag(learner(), kind=kind, item_id=item_id, tags=["food"])
    assert field in refused.value.details


async def test_what_the_learner_cannot_see_cannot_be_tagged(db, service):
    owner, me = learner(), learner()
    await publish_scenario(db, "draft", visibility="private", owner=owner)
    document = await import_document(db, owner)
    private = await collection(db, owner, visibility="private")
    cases = [
        ("scenario", "draft"),
        ("scenario", "never-heard-of"),
        ("document", document),
        ("collection", private),
        ("collection", str(uuid.uuid4())),
    ]
    for kind, item_id in cases:
        with pytest.raises(NotFound):
            await service.tag(me, kind=kind, item_id=item_id, tags=["mine"])
        with pytest.raises(NotFound):
            await service.item_tags(me, kind=kind, item_id=item_id)
    with pytest.raises(NotFound):  # an admin is a learner here: tags are nobody else's business
        await service.tag(admin(), kind="document", item_id=document, tags=["mine"])
    assert (await service.tag(owner, kind="document", item_id=document, tags=["lectura"])).mine == ["lectura"]
    assert (await service.tag(owner, kind="scenario", item_id="draft", tags=["borrador"])).mine == ["borrador"]


async def test_tags_are_private_to_their_learner(db, service):
    me, other = learner(), learner()
    await publish_scenario(db, "tapas")
    await service.tag(me, kind="scenario", item_id="tapas", tags=["secret plan"])
    assert (await service.item_tags(other, kind="scenario", item_id="tapas")).mine == []
    assert await service.my_tags(other) == []
    assert (await service.find(other, tag="secret plan")).items == []


async def test_a_public_collections_owner_tags_are_shown_to_its_viewers_as_generated_ones(db, service):
    owner, viewer = learner(), learner()
    shared = await collection(db, owner)
    await service.tag(owner, kind="collection", item_id=shared, tags=["comida", "viajes"])
    await service.tag(viewer, kind="collection", item_id=shared.upper(), tags=["later"])
    as_owner = await service.item_tags(owner, kind="collection", item_id=shared)
    assert (as_owner.mine, as_owner.generated) == (["comida", "viajes"], [])
    as_viewer = await service.item_tags(viewer, kind="collection", item_id=shared)
    assert (as_viewer.mine, as_viewer.generated) == (["later"], [("comida", ""), ("viajes", "")])


async def test_an_item_carries_at_most_fifty_of_a_learners_tags(db, service):
    me = learner()
    await publish_scenario(db, "tapas")
    for start in (0, 20):
        await service.tag(me, kind="scenario", item_id="tapas", tags=[f"tag {i}" for i in range(start, start + 20)])
    with pytest.raises(Conflict, match="at most 50"):
        await service.tag(me, kind="scenario", item_id="tapas", tags=[f"tag {i}" for i in range(40, 51)])
    shown = await service.tag(me, kind="scenario", item_id="tapas", tags=[f"tag {i}" for i in range(35, 50)])
    assert len(shown.mine) == MAX_TAGS_PER_ITEM


async def test_a_learner_has_at_most_five_thousand_tags_in_all(db, service):
    me = learner()
    await publish_scenario(db, "tapas")
    rows = [
        {"user_id": me.user_id, "kind": "scenario", "item_id": f"s{i // 50}", "tag": f"t{i % 50}", "tagged_at": T0}
        for i in range(MAX_TAGS_PER_LEARNER - 2)
    ]
    async with db.transaction() as session:
        for start in range(0, len(rows), 500):
            await session.execute(insert(TagRow), rows[start : start + 500])
    with pytest.raises(Conflict, match="5,000"):
        await service.tag(me, kind="scenario", item_id="tapas", tags=["one", "two", "three"])
    assert (await service.tag(me, kind="scenario", item_id="tapas", tags=["one", "two"])).mine == ["one", "two"]
    # at the limit, a tag the item has already changes nothing and is no error
    assert (await service.tag(me, kind="scenario", item_id="tapas", tags=["one"])).mine == ["one", "two"]


@pytest.mark.concurrent_transactions
async def test_concurrent_tagging_of_one_item_never_passes_its_limit(db, service):
    me = learner()
    await publish_scenario(db, "tapas")
    batches = [[f"b{n} t{i}" for i in range(20)] for n in range(3)]
    results = await asyncio.gather(
        *(service.tag(me, kind="scenario", item_id="tapas", tags=tags) for tags in batches), return_exceptions=True
    )
    assert sum(isinstance(result, Conflict) for result in results) == 1
    assert len((await service.item_tags(me, kind="scenario", item_id="tapas")).mine) == 40


async def test_untagging_removes_only_the_named_tags_and_what_is_not_there_changes_nothing(db, service):
    me = learner()
    await publish_scenario(db, "tapas")
    await service.tag(me, kind="scenario", item_id="tapas", tags=["food", "spain", "later"])
    assert (await service.untag(me, kind="scenario", item_id="tapas", tags=[" LATER "])).mine == ["food", "spain"]
    assert (await service.untag(me, kind="scenario", item_id="tapas", tags=["never"])).mine == ["food", "spain"]
    assert (await service.untag(me, kind="scenario", item_id="unknown", tags=["food"])).mine == []


async def test_a_deleted_item_stays_tagged_is_listed_as_removed_and_can_be_untagged(db, service):
    me = learner()
    await publish_scenario(db, "tapas")
    document = await import_document(db, me)
    await service.tag(me, kind="scenario", item_id="tapas", tags=["food"])
    await service.tag(me, kind="document", item_id=document, tags=["food"])
    await delete_scenario(db, "tapas")
    await delete_document(db, me, document)
    shown = await service.item_tags(me, kind="scenario", item_id="tapas")
    assert (shown.mine, shown.generated) == (["food"], [])
    page = await service.find(me, tag="food")
    assert sorted(found(page)) == [("document", document, True, True), ("scenario", "tapas", True, True)]
    assert await service.my_tags(me) == [("food", 2)]
    assert (await service.untag(me, kind="scenario", item_id="tapas", tags=["food"])).mine == []
    with pytest.raises(NotFound):
        await service.item_tags(me, kind="scenario", item_id="tapas")


# --- listing and finding ----------------------------------------------------------------------


async def test_my_tags_are_listed_most_used_first_with_a_normalised_prefix(db, service):
    me = learner()
    for scenario_id in ("a", "b", "c"):
        await publish_scenario(db, scenario_id)
    await service.tag(me, kind="scenario", item_id="a", tags=["food", "fun", "f_x", "travel"])
    await service.tag(me, kind="scenario", item_id="b", tags=["food", "fun"])
    await service.tag(me, kind="scenario", item_id="c", tags=["food"])
    assert await service.my_tags(me) == [("food", 3), ("fun", 2), ("f_x", 1), ("travel", 1)]
    assert await service.my_tags(me, prefix="  FU") == [("fun", 2)]
    assert await service.my_tags(me, prefix="f_") == [("f_x", 1)]  # "_" is a character here, not a wildcard
    assert await service.my_tags(me, limit=2) == [("food", 3), ("fun", 2)]
    with pytest.raises(InvalidArgument) as refused:
        await service.my_tags(me, limit=101)
    assert "limit" in refused.value.details
    with pytest.raises(InvalidArgument) as refused:
        await service.my_tags(me, prefix="fo%")
    assert "prefix" in refused.value.details


async def test_popular_tags_count_public_scenarios_still_there_per_language_if_asked(db, service):
    owner = learner()
    await consume(
        db,
        scenario_changed("dinner", texts={"es": MESA, "de": TISCH}),
        scenario_changed("lunch", texts={"es": MESA}),
        scenario_changed("hotel", texts={"es": HOTEL}),
        scenario_changed("mine", texts={"es": MESA}, visibility="private", owner_id=owner.user_id),
        scenario_changed("gone", texts={"es": MESA}),
    )
    await consume(db, scenario_changed("gone", kind=ScenarioDeleted, texts={"es": MESA}, at=T0 + timedelta(hours=1)))
    listed = await service.popular(learner())
    assert listed == sorted(listed, key=lambda pair: (-pair[1], pair[0]))
    popular = dict(listed)
    assert popular["mesa"] == 2 and popular["tisch"] == 1 and popular["habitación"] == 1
    assert "tisch" not in dict(await service.popular(learner(), language="es"))
    assert await service.popular(learner(), language="de", prefix="TIS") == [("tisch", 1)]
    assert await service.popular(learner(), limit=1) == listed[:1]
    with pytest.raises(InvalidArgument) as refused:
        await service.popular(learner(), language="xx")
    assert "language" in refused.value.details


async def test_finding_by_tag_gives_my_items_first_then_the_scenarios_i_can_see_that_generate_it(db, service):
    me, author = learner(), learner()
    await consume(
        db,
        scenario_changed("dinner", texts={"es": MESA}),
        scenario_changed("lunch", texts={"es": MESA + "\nmesa mesa"}),
        scenario_changed("hotel", texts={"es": HOTEL}),
        scenario_changed("authors-draft", texts={"es": MESA}, visibility="private", owner_id=author.user_id),
    )
    shared = await collection(db, author, name="Mesas de Madrid")
    document = await import_document(db, me)
    await service.tag(me, kind="scenario", item_id="hotel", tags=["Mesa"])
    await service.tag(me, kind="scenario", item_id="dinner", tags=["mesa"])
    await service.tag(me, kind="collection", item_id=shared, tags=["mesa"])
    await service.tag(me, kind="document", item_id=document, tags=["mesa"])
    page = await service.find(me, tag="  MESA ")
    assert found(page) == [
        ("collection", shared, True, False),
        ("document", document, True, False),
        ("scenario", "dinner", True, False),
        ("scenario", "hotel", True, False),
        ("scenario", "lunch", False, False),  # generated only, with more weight than the draft's none
    ]
    assert page.items[0].collection_name == "Mesas de Madrid" and page.items[2].item.titles == {"es": "dinner"}
    assert not page.has_more
    assert ("scenario", "authors-draft", False, False) in found(await service.find(author, tag="mesa"))
    assert [f.ref.id for f in (await service.find(me, tag="mesa", kind="scenario")).items] == ["dinner", "hotel", "lunch"]
    assert [f.ref.id for f in (await service.find(me, tag="mesa", kind="document")).items] == [document]


async def test_finding_by_tag_is_paginated_with_has_more(db, service):
    me = learner()
    for i in range(5):
        await publish_scenario(db, f"s{i}")
        await service.tag(me, kind="scenario", item_id=f"s{i}", tags=["food"])
    first = await service.find(me, tag="food", limit=2)
    last = await service.find(me, tag="food", limit=2, offset=4)
    assert ([f.ref.id for f in first.items], first.has_more) == (["s0", "s1"], True)
    assert ([f.ref.id for f in last.items], last.has_more) == (["s4"], False)
    for bad, field in (
        (dict(limit=101), "limit"),
        (dict(offset=10_001), "offset"),
        (dict(kind="recipe"), "kind"),
        (dict(tag="x"), "tag"),
    ):
        with pytest.raises(InvalidArgument) as refused:
            await service.find(me, **{"tag": "food", **bad})
        assert field in refused.value.details


async def test_a_collection_made_private_by_its_owner_is_listed_as_removed_to_others(db, service):
    owner, me = learner(), learner()
    shared = await collection(db, owner)
    await service.tag(me, kind="collection", item_id=shared, tags=["later"])
    async with db.transaction() as session:
        await session.execute(CollectionRow.__table__.update().values(visibility="private"))
    [item] = (await service.find(me, tag="later")).items
    assert (item.removed, item.collection_name) == (True, "")
    shown = await service.item_tags(me, kind="collection", item_id=shared)
    assert (shown.mine, shown.generated) == (["later"], [])


# --- the gRPC servicer ------------------------------------------------------------------------


class as_caller:
    """The servicer's caller, as the gRPC server's interceptor sets it."""

    def __init__(self, caller) -> None:
        self._caller = caller

    async def __aenter__(self) -> None:
        self._token = current_principal.set(self._caller)

    async def __aexit__(self, *exc) -> None:
        current_principal.reset(self._token)


async def test_the_servicer_translates_every_call(db, service):
    me = learner()
    await consume(db, scenario_changed("dinner", texts={"es": MESA}))
    servicer = TagServicer(service)
    async with as_caller(me):
        tagged = await servicer.TagItem(
            pb.TagItemRequest(item=pb.TaggedRef(kind="scenario", id="dinner"), tags=["Cena", "x y"]), None
        )
        assert (tagged.item.kind, tagged.item.id, list(tagged.mine)) == ("scenario", "dinner", ["cena", "x y"])
        assert pb.GeneratedTag(tag="mesa", language="es") in tagged.generated
        untagged = await servicer.UntagItem(
            pb.TagItemRequest(item=pb.TaggedRef(kind="scenario", id="dinner"), tags=["x y"]), None
        )
        assert list(untagged.mine) == ["cena"]
        assert list((await servicer.GetItemTags(pb.TaggedRef(kind="scenario", id="dinner"), None)).mine) == ["cena"]
        mine = await servicer.ListMyTags(pb.ListTagsRequest(prefix="c", limit=5), None)
        assert [(t.tag, t.count) for t in mine.tags] == [("cena", 1)]
        popular = await servicer.ListPopularTags(pb.ListTagsRequest(language="es", prefix="me"), None)
        assert [(t.tag, t.count) for t in popular.tags] == [("mesa", 1)]
        page = await servicer.FindByTag(pb.FindByTagRequest(tag="mesa", kind="scenario", limit=10), None)
    [item] = page.items
    assert (item.ref.id, item.mine, item.removed, item.item.titles["es"], page.has_more) == (
        "dinner",
        False,
        False,
        "dinner",
        False,
    )


async def test_popular_tags_are_kept_counts_that_follow_visibility_and_new_texts(db, service):
    owner = learner()
    await consume(db, scenario_changed("dinner", texts={"es": MESA}), scenario_changed("lunch", texts={"es": MESA}))
    assert dict(await service.popular(learner()))["mesa"] == 2
    private = scenario_changed(
        "lunch", kind=ScenarioUpdated, texts={"es": MESA}, visibility="private", owner_id=owner.user_id, at=T0 + timedelta(1)
    )
    await consume(db, private)
    assert dict(await service.popular(learner()))["mesa"] == 1
    await consume(db, scenario_changed("dinner", kind=ScenarioUpdated, texts={"es": HOTEL}, at=T0 + timedelta(2)))
    popular = dict(await service.popular(learner(), language="es"))
    assert "mesa" not in popular and popular["habitación"] == 1
    async with db.reading() as session:
        kept = (await session.execute(select(func.count()).select_from(PopularTagRow))).scalar_one()
    assert kept == 2 * len(await service.popular(learner(), language="es", limit=100)), "each tag per language and over all"
