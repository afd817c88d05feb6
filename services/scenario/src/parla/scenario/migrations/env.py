from parla.chassis.migrations import run_migrations_env
from parla.scenario.db import metadatas

run_migrations_env(list(metadatas))
