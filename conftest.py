import os
from pathlib import Path

import pytest
from _pytest.nodeid import coerce_node_id

pytest_plugins = ["parla.devstack.testing"]

# Every test runs with the transaction guard strict: a call to another process made inside an
# open database transaction fails the test instead of logging a warning. Processes the e2e tests
# start inherit it.
os.environ.setdefault("PARLA_TRANSACTION_GUARD", "strict")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``--dist loadgroup``) the e2e tests that share one running stack go to
    one worker, those that start their own broker and services to another, and both groups are
    scheduled first so the in-process tiers fill the workers' remaining time."""
    e2e_tests = Path(__file__).parent / "tests" / "e2e"
    grouping = getattr(config.option, "loadgroup", False)
    for item in items:
        if item.path.is_relative_to(e2e_tests):
            item.add_marker(pytest.mark.e2e)
            own = item.get_closest_marker("own_stack") is not None
            group = "e2e-own-stack" if own else "e2e-shared-stack"
            item.add_marker(pytest.mark.xdist_group(group))
            if grouping:
                _into_group(item, group)
    items.sort(key=_schedule_rank)


def _into_group(item: pytest.Item, group: str) -> None:
    """What pytest-xdist 3.8 means to do with an ``xdist_group`` mark: the group's name after an
    ``@`` in the test's id, which its scheduler keeps on one worker. It writes ``item._nodeid``,
    which pytest 9.2 no longer reads (the id is ``item._id``), so without this every group is
    ignored and each worker starts a stack of its own."""
    item._id = coerce_node_id(f"{item.nodeid}@{group}")


def _schedule_rank(item: pytest.Item) -> int:
    if item.get_closest_marker("own_stack") is not None:
        return 0
    return 1 if item.get_closest_marker("e2e") is not None else 2
