"""Simulated learners for load tests: ``python -m parla.loadgen`` (see ``__main__``)."""
