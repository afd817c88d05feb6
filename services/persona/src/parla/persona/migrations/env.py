from parla.chassis.migrations import run_migrations_env
from parla.persona.db import metadatas

run_migrations_env(list(metadatas))
