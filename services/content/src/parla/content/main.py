"""Composition root of the content service: ``python -m parla.content`` (see ``__main__``)."""

from __future__ import annotations

from pathlib import Path

from parla.chassis.db import Database
from parla.chassis.grpc_server import ServiceRegistration
from parla.chassis.runtime import Components, service_main
from parla.content import consumers
from parla.content.config import ContentSettings
from parla.content.documents import grpc_api as documents_api
from parla.content.documents import pipeline
from parla.content.documents.jobs import DocumentJobs, Stages
from parla.content.documents.runner import ProcessRunner
from parla.content.documents.service import DocumentService
from parla.content.review import grpc_api as review_api
from parla.content.review.deadlines import ReviewDeadlines
from parla.content.review.deck import DeckService
from parla.content.review.interchange import Interchange
from parla.content.review.parameters import PersonalParameters
from parla.content.review.sessions import ReviewSessions
from parla.content.review.stats import ReviewStatistics
from parla.content.words import grpc_api as words_api
from parla.content.words.service import WordService, statuses_for_analysis

MIGRATIONS = Path(__file__).parent / "migrations"


async def build(db: Database, settings: ContentSettings) -> Components:
    log = (settings.service_name, settings.log_level, settings.log_json)
    runner = ProcessRunner(
        timeout_seconds=settings.document_stage_timeout_seconds, memory_bytes=settings.document_worker_memory_bytes, log=log
    )
    # Fitting a learner's FSRS parameters runs in a process of its own, so that it never waits
    # behind a long document (started on the first fit only).
    fitting = ProcessRunner(
        timeout_seconds=settings.fit_timeout_seconds, memory_bytes=settings.document_worker_memory_bytes, log=log
    )

    def close_workers() -> None:
        runner.close()
        fitting.close()

    jobs = DocumentJobs(
        db=db,
        stages=Stages(extract=pipeline.extract_stage, analyse=pipeline.analyse_stage, generate=pipeline.generate_stage),
        runner=runner,
        lease_seconds=settings.document_lease_seconds,
        max_attempts=settings.document_attempts,
        dictionary_dir=settings.dictionary_dir,
        known_words=lambda user_id: statuses_for_analysis(db, user_id),
        on_stop=close_workers,
    )
    documents = DocumentService(db=db, queued=jobs.wake)
    return Components(
        registrations=[
            ServiceRegistration(
                review_api.add_to_server,
                review_api.ReviewServicer(
                    DeckService(db=db),
                    ReviewSessions(db=db, leech_lapses=settings.leech_lapses),
                    ReviewStatistics(db=db),
                    Interchange(db=db),
                    ReviewDeadlines(db=db),
                    PersonalParameters(db=db, runner=fitting),
                ),
                review_api.SERVICE_NAME,
            ),
            ServiceRegistration(
                documents_api.add_to_server, documents_api.DocumentServicer(documents), documents_api.SERVICE_NAME
            ),
            ServiceRegistration(words_api.add_to_server, words_api.WordServicer(WordService(db=db)), words_api.SERVICE_NAME),
        ],
        subscriptions=consumers.subscriptions(),
        workers=[jobs],
    )


def main() -> None:
    settings = ContentSettings()
    service_main(settings, migrations=MIGRATIONS, build=lambda db: build(db, settings))


if __name__ == "__main__":
    main()
