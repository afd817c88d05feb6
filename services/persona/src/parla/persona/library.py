"""The shipped persona texts and guidelines (data/), validated on load."""

from __future__ import annotations

from importlib import resources

from parla.persona.domain import CulturalGuidelines, GlobalGuidelines, Library, Persona

DATA_PACKAGE = "parla.persona.data"


def load_library() -> Library:
    root = resources.files(DATA_PACKAGE)
    personas = {}
    for file in sorted((root / "personas").iterdir(), key=lambda f: f.name):
        if file.name.endswith(".json"):
            persona = Persona.model_validate_json(file.read_text(encoding="utf-8"))
            if f"{persona.type}.json" != file.name:
                raise ValueError(f"personas/{file.name} must be named after its type {persona.type!r}")
            personas[persona.type] = persona
    cultural = {}
    for file in (root / "cultural").iterdir():
        if file.name.endswith(".json"):
            guidelines = CulturalGuidelines.model_validate_json(file.read_text(encoding="utf-8"))
            cultural[guidelines.language] = guidelines
    library = Library(
        personas=personas,
        global_guidelines=GlobalGuidelines.model_validate_json((root / "global.json").read_text(encoding="utf-8")),
        cultural=cultural,
    )
    library.check()
    return library
