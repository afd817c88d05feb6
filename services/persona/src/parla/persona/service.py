"""Use cases of the persona service: the personas and each learner's choice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from parla.chassis.auth import Principal
from parla.chassis.db import Database
from parla.chassis.errors import InvalidArgument, NotFound
from parla.persona.domain import LEVELS, Library, Persona
from parla.persona.repository import PreferenceRepository

DEFAULT_LEVEL = "beginner"
MAX_SUBJECT_CHARS = 200


@dataclass(frozen=True)
class Preference:
    persona: Persona
    subject: str
    learner_level: str
    is_default: bool


class PersonaService:
    def __init__(self, *, db: Database, library: Library) -> None:
        self._db = db
        self.library = library

    def personas(self) -> list[Persona]:
        return list(self.library.personas.values())

    def persona(self, persona_type: str) -> Persona:
        found = self.library.personas.get(persona_type)
        if found is None:
            known = ", ".join(self.library.personas)
            raise NotFound(f"no persona {persona_type!r}; the personas are {known}")
        return found

    async def preference(self, caller: Principal) -> Preference:
        async with self._db.reading() as session:
            row = await PreferenceRepository(session).get(caller.user_id)
        if row is None or row.persona_type not in self.library.personas:
            return Preference(self.library.default, "", DEFAULT_LEVEL, is_default=True)
        return Preference(self.library.personas[row.persona_type], row.subject, row.learner_level, is_default=False)

    async def choose(self, caller: Principal, persona_type: str, subject: str, learner_level: str) -> Preference:
        persona = self.known(persona_type)
        subject = subject.strip()
        if len(subject) > MAX_SUBJECT_CHARS or "<" in subject or ">" in subject:
            raise InvalidArgument(
                f"subject is plain text of at most {MAX_SUBJECT_CHARS} characters",
                details={"subject": "too long or not plain text"},
            )
        level = learner_level or DEFAULT_LEVEL
        if level not in LEVELS:
            raise InvalidArgument(f"learner_level is one of {', '.join(LEVELS)}", details={"learner_level": "unknown level"})
        async with self._db.transaction() as session:
            await PreferenceRepository(session).put(caller.user_id, persona.type, subject, level, datetime.now(UTC))
        return Preference(persona, subject, level, is_default=False)

    async def reset(self, caller: Principal) -> Preference:
        async with self._db.transaction() as session:
            await PreferenceRepository(session).remove(caller.user_id)
        return Preference(self.library.default, "", DEFAULT_LEVEL, is_default=True)

    def known(self, persona_type: str) -> Persona:
        """The persona a learner or a run names; an unknown one is a bad argument."""
        if persona_type not in self.library.personas:
            known = ", ".join(self.library.personas)
            raise InvalidArgument(f"unknown persona {persona_type!r}; choose one of {known}", details={"persona_type": "unknown"})
        return self.library.personas[persona_type]
