"""Documents: import a text with a progress bar fed by the server's events, then study it: the
summary, key words coloured by what the learner knows (a click changes one), flashcards, the quiz
and notes."""

from __future__ import annotations

import re

from playwright.async_api import expect

from ..test_documents import a_docx
from .conftest import checked, eventually

ARTICLE = """\
La ciudad de Sevilla está en el sur de España. Muchos viajeros llegan en tren desde Madrid y
buscan un hotel cerca del centro. En verano hace mucho calor, así que conviene visitar los
monumentos por la mañana. La catedral es enorme y su torre, la Giralda, ofrece una vista
preciosa de los tejados. Por la tarde, la gente pasea junto al río Guadalquivir y toma algo en
las terrazas. Los mercados venden naranjas, aceitunas y pescado fresco. Para cenar, muchos
sevillanos prefieren compartir varias tapas con sus amigos. Los museos cierran los lunes, y
algunos son gratuitos los domingos por la tarde. Si quieres aprender más, pregunta en la oficina
de turismo: allí te dan un mapa y te recomiendan rutas por los barrios antiguos.
"""


async def test_a_pasted_text_is_imported_with_its_progress_shown_and_studied(page, learner, api):
    await page.goto("/documents")
    await expect(page.get_by_role("heading", name="Your documents", level=1)).to_be_visible()
    await checked(page, "documents-empty")
    await page.get_by_role("radio", name="Pasted text").check()
    await page.get_by_label("Text to study").fill(ARTICLE)
    await page.get_by_label("Title (optional)").fill("Un día en Sevilla")
    await page.get_by_role("button", name="Import", exact=True).click()
    progress = page.get_by_role("progressbar", name="Preparing “Un día en Sevilla”")
    await expect(progress).to_be_visible()
    await checked(page, "documents-progress")
    await expect(page).to_have_url(re.compile(r"/documents/[0-9a-f-]+$"), timeout=60_000)

    await expect(page.get_by_role("heading", name="Un día en Sevilla", level=1)).to_be_visible()
    for section in ("Summary", "Key vocabulary", "Flashcards", "Quiz", "Your notes"):
        await expect(page.get_by_role("heading", name=section, level=2)).to_be_visible()
    await checked(page, "documents-study")
    document_id = page.url.rsplit("/", 1)[-1]

    word = page.get_by_role("list", name="Key vocabulary").get_by_role("button").first
    if not await word.count():
        word = page.locator("section").filter(has=page.get_by_role("heading", name="Key vocabulary")).get_by_role("button").first
    lemma = (await word.inner_text()).split()[0]
    await word.click()
    await expect(page.get_by_role("status").filter(has_text=f"“{lemma}”")).to_be_visible()

    async def status_of_word() -> str:
        material = (await api.get(f"/api/v1/content/{document_id}/material", headers=learner.headers)).json()
        return next(v["status"] for v in material["vocabulary"] if v["lemma"] == lemma)

    await eventually(status_of_word, "learning")

    await page.get_by_role("button", name="Show the meaning").click()
    await expect(page.get_by_role("button", name="Show the word")).to_be_visible()
    question = page.get_by_role("group", name=re.compile(r"^Question 1 of \d+"))
    await question.get_by_role("button").first.click()
    await expect(page.get_by_role("status").filter(has_text=re.compile(r"Right!|Not quite"))).to_be_visible()
    await page.get_by_label("Notes on this document").fill("Repasar los verbos de movimiento.")
    await page.get_by_role("button", name="Save notes").click()
    await expect(page.get_by_role("status").filter(has_text="Notes saved.")).to_be_visible()
    material = (await api.get(f"/api/v1/content/{document_id}/material", headers=learner.headers)).json()
    assert material["notes"] == "Repasar los verbos de movimiento."


async def test_a_word_document_picked_from_disk_is_uploaded_and_becomes_study_material(page, learner):
    await page.goto("/documents")
    await page.get_by_label("File to import").set_input_files(
        {
            "name": "sevilla.docx",
            "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "buffer": a_docx("Sevilla en verano", [ARTICLE.replace("\n", " ")]),
        }
    )
    await page.get_by_role("button", name="Import", exact=True).click()
    await expect(page).to_have_url(re.compile(r"/documents/[0-9a-f-]+$"), timeout=60_000)
    await expect(page.get_by_role("heading", name="Key vocabulary", level=2)).to_be_visible(timeout=60_000)


async def test_a_file_over_the_limit_is_refused_before_it_is_sent(page, learner):
    await page.goto("/documents")
    # Made in the page: 21 MB sent over the test's connection to the browser would take seconds.
    await page.get_by_label("File to import").evaluate(
        """(input) => {
            const files = new DataTransfer();
            files.items.add(new File([new Uint8Array(21 * 2 ** 20)], "huge.txt", { type: "text/plain" }));
            input.files = files.files;
            input.dispatchEvent(new Event("change", { bubbles: true }));
        }"""
    )
    await expect(page.get_by_role("alert").filter(has_text="20 MB")).to_be_visible()
