"""The content service's composition root builds every servicer and worker it serves."""

from __future__ import annotations

from parla.content import main
from parla.content.config import ContentSettings


async def test_the_service_builds_its_servicers_consumers_and_document_worker(db):
    components = await main.build(db, ContentSettings())
    names = {registration.full_name for registration in components.registrations}
    assert names == {"parla.content.v1.ReviewService", "parla.content.v1.DocumentService", "parla.content.v1.WordService"}
    assert components.subscriptions and len(components.workers) == 1
