"""The system scenarios shipped as data files, validated against ``ScenarioSpec``.

Each scenario is a folder ``data/scenarios/<id>/``: ``scenario.json`` holds the situation, which
does not depend on the language, and ``<language>.json`` one localization each, so that people
who write different languages never edit the same file.
"""

from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable

from parla.scenario.domain.scenario import ScenarioSpec

DATA_PACKAGE = "parla.scenario.data"
SITUATION_FILE = "scenario.json"


def _load_folder(folder: Traversable) -> ScenarioSpec:
    situation = json.loads((folder / SITUATION_FILE).read_text(encoding="utf-8"))
    localizations = {
        file.name.removesuffix(".json"): json.loads(file.read_text(encoding="utf-8"))
        for file in folder.iterdir()
        if file.name.endswith(".json") and file.name != SITUATION_FILE
    }
    spec = ScenarioSpec.model_validate({**situation, "localizations": localizations})
    if spec.id != folder.name:
        raise ValueError(f"{folder.name}/: the folder must be named after the scenario id {spec.id!r}")
    return spec


def load_system_scenarios() -> list[ScenarioSpec]:
    root = resources.files(DATA_PACKAGE) / "scenarios"
    folders = sorted((f for f in root.iterdir() if f.is_dir() and (f / SITUATION_FILE).is_file()), key=lambda f: f.name)
    return [_load_folder(folder) for folder in folders]
