import os
from pathlib import Path

import pytest

pytest_plugins = ["parla.devstack.testing"]

# Every test runs with the transaction guard strict: a call to another process made inside an
# open database transaction fails the test instead of logging a warning. Processes the e2e tests
# start inherit it.
os.environ.setdefault("PARLA_TRANSACTION_GUARD", "strict")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``--dist loadgroup``) the e2e tests that share one running stack go to
    one worker, those that start their own broker and services to another, and both groups are
    scheduled first so the in-process tiers fill the workers' remaining time."""
    e2e_tests = Path(__file__).parent / "tests" / "e2e"
    for item in items:
        if item.path.is_relative_to(e2e_tests):
            item.add_marker(pytest.mark.e2e)
            own = item.get_closest_marker("own_stack") is not None
            item.add_marker(pytest.mark.xdist_group("e2e-own-stack" if own else "e2e-shared-stack"))
    items.sort(key=_schedule_rank)


def _schedule_rank(item: pytest.Item) -> int:
    if item.get_closest_marker("own_stack") is not None:
        return 0
    return 1 if item.get_closest_marker("e2e") is not None else 2
