from parla.analytics.db import metadatas
from parla.chassis.migrations import run_migrations_env

run_migrations_env(list(metadatas))
