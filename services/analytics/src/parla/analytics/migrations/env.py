from parla.analytics.dashboard import db as dashboard_db  # noqa: F401  (its tables join the metadata)
from parla.analytics.db import metadatas
from parla.analytics.discovery import db as discovery_db  # noqa: F401
from parla.analytics.gamification import db as gamification_db  # noqa: F401
from parla.chassis.migrations import run_migrations_env

run_migrations_env(list(metadatas))
