from parla.chassis.migrations import run_migrations_env
from parla.content.db import metadatas

run_migrations_env(list(metadatas))
