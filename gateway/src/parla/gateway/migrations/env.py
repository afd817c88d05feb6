from parla.chassis.migrations import run_migrations_env
from parla.gateway.db import metadatas

run_migrations_env(list(metadatas))
