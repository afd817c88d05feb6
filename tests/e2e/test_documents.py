"""A learner's document through the whole stack: uploaded to the gateway, processed by the content
service's job in its worker process, published on Kafka, its flashcards in the deck; and a job
that survives the content service being killed in the middle of it."""

from __future__ import annotations

import asyncio
import io
import signal
import uuid

import docx
import orjson
from aiokafka import AIOKafkaConsumer

from parla.contracts.topics import topic_for
from parla.devstack.testing import eventually

from .conftest import new_learner, query

MARKET = (
    "Cada sábado por la mañana voy al mercado del barrio con mi abuela. "
    "Compramos tomates maduros, pimientos rojos y un queso fresco que vende una señora muy simpática. "
    "El pescadero siempre nos guarda las sardinas más brillantes y nos explica cómo cocinarlas a la plancha. "
    "Después tomamos un café con leche en la terraza de la plaza y miramos a la gente pasar. "
    "Mi abuela conoce a todos los vendedores y conversa con ellos sobre el tiempo y las cosechas. "
    "Al volver a casa, preparamos juntos una ensalada y una tortilla de patatas para toda la familia."
)


def a_docx(title: str, paragraphs: list[str]) -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


async def progress_events(api, learner, document_id: str) -> list[dict]:
    """The job's Server-Sent Events, read until the stream ends (done or failed)."""
    events = []
    async with api.stream("GET", f"/api/v1/content/{document_id}/events", headers=learner.headers, timeout=120) as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        async for line in stream.aiter_lines():
            if line.startswith("data:"):
                events.append(orjson.loads(line.removeprefix("data:").strip()))
    return events


async def imported_event(bootstrap: str, document_id: str) -> dict | None:
    consumer = AIOKafkaConsumer(
        topic_for("content.imported").name, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None
    )
    await consumer.start()
    try:
        batches = await consumer.getmany(timeout_ms=2000)
        for record in (r for records in batches.values() for r in records):
            event = orjson.loads(record.value)
            if event["document_id"] == document_id:
                return event
        return None
    finally:
        await consumer.stop()


async def test_a_docx_becomes_study_material_its_flashcards_reach_the_deck_and_content_imported_is_published(api, stack, kafka):
    learner = await new_learner(api, native_language="en")
    upload = a_docx("En el mercado", [MARKET, MARKET.replace("sábado", "domingo")])
    answer = await api.post("/api/v1/content", headers=learner.headers, files={"file": ("mercado.bin", upload)})
    assert answer.status_code == 202, answer.text
    document = answer.json()
    assert (document["stage"], document["kind"]) == ("queued", "docx"), "the kind is read from the bytes, not the name"

    events = await progress_events(api, learner, document["id"])
    stages = [event["stage"] for event in events]
    assert stages[-1] == "done", events
    assert [event["percent"] for event in events] == sorted(event["percent"] for event in events)

    material = (await api.get(f"/api/v1/content/{document['id']}/material", headers=learner.headers)).json()
    assert (material["document"]["title"], material["document"]["language"]) == ("En el mercado", "es")
    assert material["vocabulary"] and material["flashcards"] and material["quiz"] and material["summary"]
    # Glossed in the learner's native language from Debian's Spanish-English FreeDict dictionary.
    assert material["document"]["gloss_language"] == "en"
    glossed = {card["lemma"]: card["gloss"] for card in material["flashcards"] if card["gloss"]}
    assert glossed, material["flashcards"]
    assert all(item["sentence"] in material["summary"] or item["sentence"] for item in material["vocabulary"])
    found = (await api.get("/api/v1/content", params={"q": "domingo"}, headers=learner.headers)).json()
    assert [item["id"] for item in found["documents"]] == [document["id"]], "found by a word of its text"

    deck = (await api.get("/api/v1/review/due?language=es&limit=200", headers=learner.headers)).json()
    from_document = [
        card for card in deck["cards"] if (card["source"]["kind"], card["source"]["id"]) == ("document", document["id"])
    ]
    assert {card["lemma"] for card in from_document} == {card["lemma"].lower() for card in material["flashcards"]}

    event = await eventually(lambda: imported_event(kafka.bootstrap, document["id"]), timeout=30)
    assert (event["language"], event["kind"], event["user_id"]) == ("es", "docx", learner.user_id)

    await plays_through_as_a_scenario(api, learner, document["id"], material)


async def plays_through_as_a_scenario(api, learner, document_id: str, material: dict) -> None:
    """The document drafts a private scenario of the learner's, which plays from start to end."""
    drafted = await api.post(f"/api/v1/content/{document_id}/scenario", headers=learner.headers)
    assert drafted.status_code == 201, drafted.text
    scenario_id = drafted.json()["summary"]["id"]
    scenario = (await api.get(f"/api/v1/scenarios/{scenario_id}", headers=learner.headers)).json()
    key_words = {item["lemma"] for item in material["vocabulary"]}
    assert {item["lemma"] for phase in scenario["phases"] for item in phase["vocabulary"]} <= key_words
    run = (await api.post("/api/v1/runs", json={"scenario_id": scenario_id}, headers=learner.headers)).json()
    for phase in scenario["phases"]:
        said = " ".join([*(p["text"] for p in phase["phrases"]), *(v["term"] for v in phase["vocabulary"]), "¿Y tú qué piensas?"])
        turn = await api.post(f"/api/v1/runs/{run['id']}/turns", json={"text": said}, headers=learner.headers)
        assert turn.status_code == 200, turn.text
    played = (await api.get(f"/api/v1/runs/{run['id']}", headers=learner.headers)).json()
    assert [phase["completed"] for phase in played["phases"]] == [True, True, True]
    assert (await api.post(f"/api/v1/runs/{run['id']}/complete", headers=learner.headers)).status_code == 200


async def test_a_job_killed_with_the_content_service_resumes_after_its_restart_and_finishes_once(api, stack):
    learner = await new_learner(api)
    text = "\n\n".join([MARKET] * 4000)  # about 300,000 words: long enough to be caught mid-job
    answer = await api.post("/api/v1/content", headers=learner.headers, json={"text": text, "title": "Mercado largo"})
    document_id = answer.json()["id"]

    async def working():
        body = (await api.get(f"/api/v1/content/{document_id}", headers=learner.headers)).json()
        return body["stage"] if body["stage"] in ("extracting", "analysing", "generating", "done") else None

    caught = await eventually(working, timeout=60, interval=0.05)
    assert caught != "done", "the job finished before the kill; make the document longer"
    stack.processes["content"].send_signal(signal.SIGKILL)
    stack.processes["content"].wait()
    [(stage,)] = await query(stack, "content", "SELECT stage FROM documents WHERE id = :id", id=uuid.UUID(document_id))
    assert stage not in ("done", "failed")

    stack.start_process("content")
    stack.wait_healthy(timeout=60)

    async def finished():
        body = (await api.get(f"/api/v1/content/{document_id}", headers=learner.headers)).json()
        return body if body["stage"] in ("done", "failed") else None

    document = await eventually(finished, timeout=180, interval=0.5)
    assert document["stage"] == "done", document["failure_reason"]
    assert document["word_count"] > 250_000
    await asyncio.sleep(1)  # the outbox row is written with the last stage; give a stray second run no excuse
    rows = await query(
        stack,
        "content",
        "SELECT count(*) FROM outbox WHERE event_type = 'content.imported' AND key = :user",
        user=learner.user_id,
    )
    assert rows == [(1,)], "the finished document is announced once"
