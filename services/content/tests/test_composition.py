"""The content service's composition root builds every servicer and worker it serves."""

from __future__ import annotations

from parla.content import main
from parla.content.config import ContentSettings


async def test_the_service_builds_its_servicers_consumers_and_document_worker(db):
    components = await main.build(db, ContentSettings())
    names = {registration.full_name for registration in components.registrations}
    assert names == {"parla.content.v1.ReviewService", "parla.content.v1.DocumentService", "parla.content.v1.WordService"}
    assert components.subscriptions and len(components.workers) == 1


# What each process imports, asked of a fresh interpreter (this one has imported everything).
LOADED = """
import sys
import {module}
print(" ".join(sorted(name for name in {names} if name in sys.modules)))
"""
PARSERS_AND_MODELS = ("pypdf", "docx", "lxml", "trafilatura", "pysubs2", "lingua", "wordfreq", "jieba", "fugashi")


def _loaded(module: str, names: tuple[str, ...]) -> list[str]:
    import subprocess
    import sys

    script = LOADED.format(module=module, names=names)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()


def test_the_service_process_loads_no_document_parser_or_language_model():
    """It sniffs an upload's kind from its bytes; parsing and analysis are its worker's."""
    assert _loaded("parla.content.main", PARSERS_AND_MODELS) == []


def test_the_worker_imports_the_stages_without_the_services_database_or_messaging():
    service = ("sqlalchemy", "aiokafka", "faststream", "grpc")
    assert _loaded("parla.content.documents.pipeline", (*service, *PARSERS_AND_MODELS)) == []
