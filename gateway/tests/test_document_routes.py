"""What the documents API sends the content service, and what it refuses before any call."""

from __future__ import annotations

from parla.contracts.rpc.content.v1 import documents_pb2 as pb
from parla.contracts.rpc.content.v1 import words_pb2
from parla.gateway.document_schemas import MAX_DOCUMENT_BYTES

from .fakes import signed_in


def imported(services) -> pb.ImportDocumentRequest:
    [call] = services.named("ImportDocument")
    return pb.ImportDocumentRequest.FromString(call.request)


async def test_an_uploaded_file_reaches_the_content_service_with_its_name_title_and_bytes(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    data = b"%PDF-1.7 not really, the service sniffs it"
    response = await gateway.post(
        "/api/v1/content", headers=headers, files={"file": ("chapter.pdf", data)}, data={"title": "Chapter one"}
    )
    assert response.status_code == 404, "the fake service finds nothing; the call is what matters"
    request = imported(services)
    assert (request.filename, request.title, request.content) == ("chapter.pdf", "Chapter one", data)


async def test_pasted_text_is_sent_as_text_and_a_pasted_page_as_a_file_to_be_sniffed(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    await gateway.post("/api/v1/content", headers=headers, json={"text": "Hola, ¿qué tal?", "title": "Saludo"})
    await gateway.post("/api/v1/content", headers=headers, json={"url_text": "<html><p>Bonjour</p></html>"})
    first, second = (pb.ImportDocumentRequest.FromString(call.request) for call in services.named("ImportDocument"))
    assert (first.WhichOneof("source"), first.text, first.title) == ("text", "Hola, ¿qué tal?", "Saludo")
    assert (second.WhichOneof("source"), second.content) == ("content", b"<html><p>Bonjour</p></html>")


async def test_a_file_over_20_mib_is_refused_with_413_and_reaches_no_service(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    too_big = b"a" * (MAX_DOCUMENT_BYTES + 1)
    response = await gateway.post("/api/v1/content", headers=headers, files={"file": ("big.txt", too_big)})
    assert response.status_code == 413
    assert "20 MiB" in response.json()["error"]["message"]
    response = await gateway.post("/api/v1/content", headers=headers, files={"file": ("huge.txt", b"a" * 25 * 10**6)})
    assert response.status_code == 413
    assert services.named("ImportDocument") == []


async def test_an_import_without_a_file_with_both_sources_or_in_another_format_is_refused(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    no_file = await gateway.post("/api/v1/content", headers=headers, data={"title": "nothing"}, files={"other": ("a", b"")})
    both = await gateway.post("/api/v1/content", headers=headers, json={"text": "a", "url_text": "b"})
    neither = await gateway.post("/api/v1/content", headers=headers, json={"title": "t"})
    as_xml = await gateway.post("/api/v1/content", headers={**headers, "content-type": "application/xml"}, content=b"<a/>")
    assert (no_file.status_code, both.status_code, neither.status_code, as_xml.status_code) == (422, 422, 422, 415)
    assert "file" in no_file.json()["error"]["details"]
    assert services.named("ImportDocument") == []


async def test_the_progress_stream_of_an_unknown_document_is_a_plain_404(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    response = await gateway.get("/api/v1/content/8d6f7a9e-0000-4000-8000-000000000000/events", headers=headers)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")


async def test_documents_need_a_signed_in_learner(gateway, services):
    assert (await gateway.get("/api/v1/content")).status_code == 401
    assert (await gateway.post("/api/v1/content", json={"text": "hola"})).status_code == 401
    assert services.calls == []


async def test_a_word_status_reaches_the_content_service_and_a_bad_one_does_not(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    await gateway.put("/api/v1/words/es/mesa", headers=headers, json={"status": "known"})
    bad_status = await gateway.put("/api/v1/words/es/mesa", headers=headers, json={"status": "mastered"})
    bad_language = await gateway.put("/api/v1/words/nl/huis", headers=headers, json={"status": "known"})
    too_many = await gateway.put(
        "/api/v1/words",
        headers=headers,
        json={"words": [{"language": "es", "lemma": f"w{n}", "status": "new"} for n in range(1001)]},
    )
    assert (bad_status.status_code, bad_language.status_code, too_many.status_code) == (422, 422, 422)
    [call] = services.named("SetWordStatuses")
    [word] = words_pb2.SetWordStatusesRequest.FromString(call.request).words
    assert (word.language, word.lemma, word.status) == ("es", "mesa", "known")


async def test_notes_over_20000_characters_are_refused_before_any_call(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    document = "8d6f7a9e-0000-4000-8000-000000000000"
    too_long = await gateway.put(f"/api/v1/content/{document}/notes", headers=headers, json={"notes": "x" * 20_001})
    missing = await gateway.get(f"/api/v1/content/{document}/material", headers=headers)
    assert (too_long.status_code, missing.status_code) == (422, 404)
    assert services.named("UpdateNotes") == []
    [call] = services.named("GetStudyMaterial")
    assert pb.GetStudyMaterialRequest.FromString(call.request).id == document


async def test_a_scenario_is_only_created_from_a_document_the_content_service_drafted(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    response = await gateway.post("/api/v1/content/8d6f7a9e-0000-4000-8000-000000000000/scenario", headers=headers)
    assert response.status_code == 404
    assert len(services.named("DraftScenario")) == 1
    assert services.named("CreateScenario") == []


async def test_study_out_of_bounds_is_refused_before_any_call(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    url = "/api/v1/content/8d6f7a9e-0000-4000-8000-000000000000/study"
    for body in ({"seconds": 0, "progress_percent": 10}, {"seconds": 60, "progress_percent": 101}, {"seconds": 60}):
        assert (await gateway.post(url, headers=headers, json=body)).status_code == 422
    assert services.named("RecordStudy") == []
    await gateway.post(url, headers=headers, json={"seconds": 60, "progress_percent": 30})
    [call] = services.named("RecordStudy")
    assert (
        pb.RecordStudyRequest.FromString(call.request).seconds,
        pb.RecordStudyRequest.FromString(call.request).progress_percent,
    ) == (60, 30)


async def test_the_gloss_language_is_the_one_asked_for_else_the_learners_native_language(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)  # a token whose account this gateway does not hold: no native language
    await gateway.post("/api/v1/content", headers=headers, json={"text": "Hola", "gloss_language": "fr"})
    await gateway.post("/api/v1/content", headers=headers, files={"file": ("a.txt", b"Hola")}, data={"gloss_language": "de"})
    await gateway.post("/api/v1/content", headers=headers, json={"text": "Hola"})
    assert [pb.ImportDocumentRequest.FromString(call.request).gloss_language for call in services.named("ImportDocument")] == [
        "fr",
        "de",
        "",
    ]


async def test_an_unknown_gloss_language_is_refused_before_any_call(gateway, services, signing_keys):
    _, headers = signed_in(signing_keys)
    pasted = await gateway.post("/api/v1/content", headers=headers, json={"text": "Hola", "gloss_language": "xx"})
    uploaded = await gateway.post(
        "/api/v1/content", headers=headers, files={"file": ("a.txt", b"Hola")}, data={"gloss_language": "xx"}
    )
    assert (pasted.status_code, uploaded.status_code) == (422, 422)
    assert "gloss_language" in uploaded.json()["error"]["details"]
    assert services.named("ImportDocument") == []
