from __future__ import annotations

from pydantic import Field

from parla.chassis.settings import ServiceSettings


class ContentSettings(ServiceSettings):
    service_name: str = "content"
    grpc_port: int = 50052
    # A document of up to 20 MiB arrives in one request, with room for its envelope.
    grpc_max_message_bytes: int = 21 * 2**20
    # A document's job holds it this long, renewed while it works; after a crash another
    # worker (or this one, restarted) takes it up once the lease has run out.
    document_lease_seconds: float = Field(default=60.0, gt=0)
    # A stage that runs longer is stopped and tried again, at most document_attempts times.
    document_stage_timeout_seconds: float = Field(default=600.0, gt=0)
    document_attempts: int = Field(default=3, ge=1)
    # The address space a stage's worker process may use (0: no limit).
    document_worker_memory_bytes: int = Field(default=3 * 2**30, ge=0)
    # Where bilingual dictionaries in dictd format are found (Debian's dict-freedict-* packages
    # install theirs here); flashcards are glossed when one for the pair is there.
    dictionary_dir: str = "/usr/share/dictd"
    # A card forgotten this many times after it had been learned is a leech: suspended and tagged.
    leech_lapses: int = Field(default=8, ge=1)
    # Fitting a learner's FSRS parameters from their log: stopped after this long.
    fit_timeout_seconds: float = Field(default=120.0, gt=0)
