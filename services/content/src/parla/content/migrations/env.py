from parla.chassis.migrations import run_migrations_env
from parla.content.db import metadatas
from parla.content.documents import db as documents_db  # noqa: F401  (its tables join the metadata)
from parla.content.review import db as review_db  # noqa: F401
from parla.content.words import db as words_db  # noqa: F401

run_migrations_env(list(metadatas))
