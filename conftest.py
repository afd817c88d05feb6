import os

pytest_plugins = ["parla.devstack.testing"]

# Every test runs with the transaction guard strict: a call to another process made inside an
# open database transaction fails the test instead of logging a warning. Processes the e2e tests
# start inherit it.
os.environ.setdefault("PARLA_TRANSACTION_GUARD", "strict")
