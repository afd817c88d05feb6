"""A document in each of the 8 languages drafts a scenario the scenario service accepts as it
is: the content service's draft against the authoring API's own validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from google.protobuf.json_format import MessageToDict
from google.protobuf.struct_pb2 import Struct

from parla.chassis.errors import Conflict
from parla.content.documents.pipeline import analyse_stage, generate_stage
from parla.content.documents.scenario_draft import scenario_draft
from parla.scenario.authoring import validate_draft
from parla.scenario.domain.scenario import UsesVocabulary

TEXTS = Path(__file__).parents[2] / "services" / "content" / "tests" / "texts"
LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "zh", "ja")


def through_grpc(draft: dict) -> dict:
    """The draft as the authoring service receives it: a protobuf Struct (numbers become floats)."""
    struct = Struct()
    struct.update(draft)
    return MessageToDict(struct)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_documents_draft_is_a_valid_scenario_in_its_language_built_from_its_words(language):
    analysis = analyse_stage((TEXTS / f"{language}.txt").read_text(), {})
    assert analysis["language"] == language
    material = generate_stage(analysis, "", "", "")  # no gloss: the draft uses the sentences
    draft = scenario_draft(
        title="Un texte <à moi>", language=language, level=analysis["level"], analysis=analysis, material=material
    )
    spec = validate_draft(through_grpc(draft), "from-a-document-1a2b")
    local = spec.localizations[language]
    assert spec.languages == [language]
    assert local.title == "Un texte ‹à moi›", "plain text: the scenario refuses < and >"
    key_words = {item["lemma"].lower() for item in analysis["vocabulary"]}
    phase_words = {item.lemma for phase in local.phases.values() for item in phase.vocabulary}
    assert phase_words <= key_words
    summary = [" ".join(sentence.split()) for sentence in analysis["summary"]]
    assert [phrase.text for phrase in local.phases["key-ideas"].phrases] == summary[:4]
    retell = spec.phases[0].success_criteria[0]
    assert isinstance(retell, UsesVocabulary) and retell.min <= len(local.phases["retell"].vocabulary)


def test_a_document_with_nothing_to_talk_about_is_refused_with_a_reason():
    with pytest.raises(Conflict, match="too little text"):
        scenario_draft(title="Vide", language="es", level="A1", analysis={"vocabulary": [], "summary": []}, material={})
