"""Small fakes for the documents' use-case tests: stages that record what they were asked."""

from __future__ import annotations

from typing import Any

from parla.chassis.auth import Principal
from parla.content.documents.jobs import Stages
from parla.content.documents.runner import StageCrashed
from parla.content.documents.service import DocumentService

SENTENCE = "Je vais au marché le samedi matin."
FLASHCARD = {"lemma": "Marché", "front": "marché", "back": "", "cloze": "Je vais au ____.", "sentence": SENTENCE, "gloss": None}
MATERIAL = {"flashcards": [FLASHCARD], "quiz": [], "key_concepts": ["marché du samedi"]}


class FakeStages:
    """Stages that record what they were asked, and fail when told to."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.failing: dict[str, str] = {}
        self.crashing: set[str] = set()
        self.known: list[dict] = []
        self.glossed: list[str] = []  # the gloss language each generation was asked for
        self.generated_from: list[tuple[bool, str]] = []  # (the analysis had its sentences, the text given)

    def _run(self, stage: str, result: dict[str, Any]) -> dict[str, Any]:
        self.calls.append(stage)
        if stage in self.crashing:
            raise StageCrashed("the worker process stopped")
        if stage in self.failing:
            return {"failed": self.failing[stage]}
        return result

    def stages(self) -> Stages:
        return Stages(
            extract=lambda data, filename: self._run("extract", {"kind": "txt", "title": "Au marché", "text": data.decode()}),
            analyse=lambda text, known: (
                self.known.append(known)
                or self._run(
                    "analyse",
                    {
                        "language": "fr",
                        "level": "A2",
                        "word_count": len(text.split()),
                        "sentence_count": 1,
                        "topics": ["marché"],
                        "summary": [text],
                        "sentences": [text],
                        "vocabulary": [
                            {
                                "lemma": word,
                                "surface": word,
                                "count": 1,
                                "band": 3,
                                "score": 1.0,
                                "sentence": text,
                                "status": "new",
                            }
                            for word in ("marché", "samedi")
                        ],
                        "terms": " " + " ".join(word.strip(".") for word in text.lower().split()) + " ",
                    },
                )
            ),
            generate=lambda analysis, text, gloss_language, dictionary_dir: (
                self.glossed.append(gloss_language)
                or self.generated_from.append(("sentences" in analysis, text))
                or self._run("generate", MATERIAL)
            ),
        )


async def imported(db, caller: Principal, text: str = "Je vais au marché le samedi matin.", *, gloss_language: str = "") -> str:
    document = await DocumentService(db=db).import_document(
        caller, title="", filename="notes.txt", content=text.encode(), gloss_language=gloss_language
    )
    return str(document.id)
