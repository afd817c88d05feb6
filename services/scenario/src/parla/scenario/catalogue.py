"""The system scenarios shipped as data files, validated against ``ScenarioSpec``."""

from __future__ import annotations

from importlib import resources

from parla.scenario.domain import ScenarioSpec

DATA_PACKAGE = "parla.scenario.data.scenarios"


def load_system_scenarios() -> list[ScenarioSpec]:
    folder = resources.files(DATA_PACKAGE)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name)
    specs = []
    for file in files:
        spec = ScenarioSpec.model_validate_json(file.read_text(encoding="utf-8"))
        if f"{spec.id}.json" != file.name:
            raise ValueError(f"{file.name}: the file must be named after the scenario id {spec.id!r}")
        specs.append(spec)
    return specs
