"""The stages a document's job runs in its worker process: plain data in, plain data out (it
crosses a process boundary and is stored as JSON), and ``{"failed": reason}`` when the document
itself is the problem.

The language libraries and document parsers are imported inside the stages: only the worker
process loads them and their models, never the service's own process. This module imports nothing
of the service either (the job, the database), so that the worker, which imports it to run a
stage, does not load them for nothing.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any


def extract_stage(data: bytes, filename: str) -> dict[str, Any]:
    from parla.content.documents.extract import UnreadableDocument, extract

    try:
        extracted = extract(data, filename or None)
    except UnreadableDocument as error:
        return {"failed": error.reason}
    return {"kind": extracted.kind, "title": extracted.title, "text": extracted.text}


def analyse_stage(text: str, known: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The analysis, ranking words by the learner's statuses in the document's language."""
    from parla.content.documents.analysis import UnanalysableText, analyse, detect_language

    try:
        language = detect_language(text)
        return _plain(analyse(text, known=known.get(language, {}), language=language))
    except UnanalysableText as error:  # empty, or in a language Parla does not teach yet
        return {"failed": error.reason}


def _plain(analysis: Any) -> dict[str, Any]:
    """The analysis as plain data: its fields as they are (``asdict`` would deep-copy the
    thousands of sentences and the body index for nothing), its vocabulary items as dicts."""
    fields = {name: getattr(analysis, name) for name in analysis.__dataclass_fields__}
    return {**fields, "vocabulary": [asdict(item) for item in analysis.vocabulary]}


def generate_stage(analysis: dict[str, Any], text: str, gloss_language: str, dictionary_dir: str) -> dict[str, Any]:
    """The study material, its flashcards glossed in ``gloss_language`` when a dictionary for the
    pair is in ``dictionary_dir``. A stored analysis comes without its sentences: they are the
    text's, cut again as the analysis cut them."""
    from parla.content.documents.analysis import Analysis, VocabularyItem
    from parla.content.documents.glossary import glossary_for
    from parla.content.documents.material import generate
    from parla.content.documents.sentences import split_sentences

    sentences = analysis["sentences"] if "sentences" in analysis else split_sentences(text, analysis["language"])
    fields = {**analysis, "sentences": sentences, "vocabulary": [VocabularyItem(**item) for item in analysis["vocabulary"]]}
    glossary = glossary_for(dictionary_dir or None, analysis["language"], gloss_language or None)
    return asdict(generate(Analysis(**fields), glossary=glossary))
