"""``python -m parla.content``: the content service, as its composition root (``main``) runs it.

Started this way rather than as ``parla.content.main``: the service spawns the processes its
document jobs run in, and ``multiprocessing`` imports the main module again in each spawned
process unless it is a package's ``__main__``. Started as ``main``, every worker process loaded
the whole service (SQLAlchemy, gRPC, Kafka, the document parsers) to run a pure function."""

from parla.content.main import main

main()
