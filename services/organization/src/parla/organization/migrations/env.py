from parla.chassis.migrations import run_migrations_env
from parla.organization.tables import metadatas

run_migrations_env(list(metadatas))
