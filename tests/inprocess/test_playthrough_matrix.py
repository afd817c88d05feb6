"""Every shipped scenario, in every language it ships, played to completion by a learner who says
its phrases, with the offline tutor: every phase completes with a high score, the deck gets every
word the learner missed and every mistake, and each of the tutor personas answers every turn of
every run in a voice of its own. A learner who answers off topic completes no phase.

The same use cases the gateway reaches over gRPC, wired in one process (see conftest.py);
``tests/e2e/test_playthrough.py`` plays one representative path through the gateway.

Each (scenario, language) is played once, in one of the personas (in turn, so that each persona
has runs of its own), and every turn is also answered by the persona service's offline engine in
every persona, from the request exactly as it reached the persona service. A run's state never
depends on its persona: the scenario service judges the turn before the tutor is asked, and the
offline tutor only words the reply. So this covers every scenario × language × persona without
playing, storing and judging each run five times.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest

from parla.chassis.auth import Principal
from parla.persona.domain import Library
from parla.persona.grpc_api import turn_from_request
from parla.persona.library import load_library
from parla.persona.tutor import OfflineProvider
from parla.scenario.catalogue import load_system_scenarios
from parla.scenario.domain.scenario import LANGUAGES, ScenarioSpec
from parla.scenario.run_service import RunView
from parla.scenario.tutor import OfflineTutor, TutorReply, TutorRequest, reply_request

from .conftest import InProcessTutor, Platform, acting_as, new_learner, running_platform

PRODUCTION_LANGUAGES = {"es", "fr", "de", "it", "pt", "en"}
SEEDS = {"restaurant-dinner-reservation", "hotel-check-in", "clothes-shopping"}
PERSONAS = ["guiding_challenger", "encouraging_coach", "friendly_conversational", "expert_scholar", "creative_mentor"]
SYSTEM_SCENARIOS = load_system_scenarios()
# Every (scenario, language) the product ships, in the order of LANGUAGES.
MATRIX = [(spec, language) for language in LANGUAGES for spec in SYSTEM_SCENARIOS if language in spec.localizations]


def phrases(spec: ScenarioSpec, language: str) -> list[str]:
    local = spec.localizations[language]
    return [phrase.text for phase in spec.phases for phrase in local.phases[phase.id].phrases]


def vocabulary(spec: ScenarioSpec, language: str) -> set[str]:
    local = spec.localizations[language]
    return {item.lemma for phase in spec.phases for item in local.phases[phase.id].vocabulary}


@dataclass(frozen=True)
class Played:
    learner: Principal
    spec: ScenarioSpec
    language: str
    run: RunView

    @property
    def name(self) -> str:
        return f"{self.run.run.persona} {self.spec.id}/{self.language}"

    def expected_cards(self) -> set[str]:
        """What the deck must hold after this run: every word the learner did not use, and every
        mistake's correction, as the content service keys them."""
        used = {lemma for progress in self.run.progress for lemma in progress.vocabulary_used}
        missed = vocabulary(self.spec, self.language) - used
        return {lemma.lower() for lemma in missed} | {f"mistake:{m['correction'].lower()}" for m in self.run.run.mistakes}


async def play(platform: Platform, spec: ScenarioSpec, language: str, lines: list[str], persona: str = "") -> Played:
    """A new learner starts a run, says ``lines`` one turn each, and completes it."""
    learner = new_learner()
    with acting_as(learner):
        started = await platform.runs.start_run(learner, spec.id, language, persona)
        for text in lines:
            await platform.runs.submit_turn(learner, str(started.run.id), text)
        done = await platform.runs.complete_run(learner, str(started.run.id))
    return Played(learner, spec, language, done)


@dataclass
class EveryPersona:
    """The runs' tutor. The persona service answers each turn in the run's own persona; the same
    turn, as it reached the persona service, is also answered by its offline engine in every
    persona. The engine's answer in the run's persona must be the service's answer."""

    tutor: InProcessTutor
    library: Library = field(default_factory=load_library)
    # By (language, persona): every feedback line, and how many turns were answered.
    feedback: defaultdict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    replies: Counter[tuple[str, str]] = field(default_factory=Counter)
    # (language, persona, the engine's feedback, the service's feedback) where they differ.
    disagreements: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)

    async def reply(self, request: TutorRequest) -> TutorReply:
        own = await self.tutor.reply(request)
        message = reply_request(request)
        _, turn = turn_from_request(message)
        for persona in PERSONAS:
            answer = await OfflineProvider().reply(self.library.personas[persona], "", turn)
            self.feedback[message.language, persona].extend(answer.feedback)
            self.replies[message.language, persona] += 1
            if persona == message.persona and answer.feedback != own.feedback:
                self.disagreements.append((message.language, persona, answer.feedback, own.feedback))
        return own


@dataclass(frozen=True)
class Playthrough:
    """Every shipped scenario played in one language, and what the tutor and the deck made of it."""

    language: str
    runs: list[Played]
    decks: dict[object, set[str]]
    turns: int
    voices: dict[str, set[str]]
    replies: dict[str, int]
    disagreements: list[tuple[str, str, list[str], list[str]]]


@pytest.fixture(scope="module")
async def platform(migrated_templates, tmp_path_factory) -> AsyncIterator[tuple[Platform, EveryPersona]]:
    tutors: list[EveryPersona] = []

    def every_persona(tutor: InProcessTutor) -> EveryPersona:
        tutors.append(EveryPersona(tutor))
        return tutors[-1]

    async with running_platform(migrated_templates, tmp_path_factory.mktemp("personas"), every_persona) as running:
        yield running, tutors[0]


@pytest.fixture(scope="module", params=LANGUAGES)
async def playthrough(request, platform) -> Playthrough:
    """Every shipped scenario in this language, played to completion, each in the persona whose
    turn it is across the whole matrix; the deck has had every completion."""
    running, tutor = platform
    language = request.param
    runs = [
        await play(running, spec, language, phrases(spec, language), PERSONAS[index % len(PERSONAS)])
        for index, (spec, played_language) in enumerate(MATRIX)
        if played_language == language
    ]
    await running.deliver_completions()
    return Playthrough(
        language=language,
        runs=runs,
        decks={run.run.run.id: {card.key for card in await running.deck(run.learner)} for run in runs},
        turns=sum(len(phrases(run.spec, language)) for run in runs),
        voices={persona: set(tutor.feedback[language, persona]) for persona in PERSONAS},
        replies={persona: tutor.replies[language, persona] for persona in PERSONAS},
        disagreements=[d for d in tutor.disagreements if d[0] == language],
    )


def test_every_production_scenario_ships_in_every_production_language_and_the_seeds_in_every_language():
    for language in LANGUAGES:
        ids = {spec.id for spec, played_language in MATRIX if played_language == language}
        if language in PRODUCTION_LANGUAGES:
            assert len(ids) >= 12, f"{language}: only {sorted(ids)}"
        else:
            assert ids >= SEEDS, language
    assert set(PERSONAS) == set(load_library().personas)


def test_saying_the_phrases_completes_every_phase_with_a_high_score(playthrough):
    assert {run.spec.id for run in playthrough.runs} == {s.id for s, lang in MATRIX if lang == playthrough.language}
    for run in playthrough.runs:
        assert all(progress.completed for progress in run.run.progress), f"{run.name}: {run.run.progress}"
        assert run.run.run.status == "completed" and run.run.run.score >= 80, f"{run.name} scored {run.run.run.score}"


def test_each_run_is_played_in_the_persona_it_was_started_with(playthrough):
    started_as = [PERSONAS[i % len(PERSONAS)] for i, (_, lang) in enumerate(MATRIX) if lang == playthrough.language]
    assert [run.run.run.persona for run in playthrough.runs] == started_as


def test_every_persona_answers_every_turn_as_the_persona_service_does(playthrough):
    assert playthrough.replies == dict.fromkeys(PERSONAS, playthrough.turns)
    assert playthrough.disagreements == []


def test_each_persona_sounds_different(playthrough):
    voices = playthrough.voices
    for first, second in itertools.combinations(PERSONAS, 2):
        assert voices[first] != voices[second], (first, second)
        assert len(voices[first] - voices[second]) >= 3, (first, second)


def test_the_deck_gets_every_missed_word_and_every_mistake_of_each_run(playthrough):
    for run in playthrough.runs:
        assert playthrough.decks[run.run.run.id] == run.expected_cards(), run.name


@pytest.fixture(scope="module")
async def judging(migrated_templates, tmp_path_factory) -> AsyncIterator[Platform]:
    """Runs answered by the scenario service's own offline tutor: for what only judging decides."""
    async with running_platform(migrated_templates, tmp_path_factory.mktemp("judging"), lambda _: OfflineTutor()) as platform:
        yield platform


@pytest.mark.parametrize("language", LANGUAGES)
async def test_answering_off_topic_completes_no_phase(judging, language):
    scenarios = [spec for spec, played_language in MATRIX if played_language == language]

    for spec in scenarios:
        other = next(s for s in scenarios if s.category != spec.category)
        run = await play(judging, spec, language, phrases(other, language))
        assert not any(progress.completed for progress in run.run.progress), run.name
        assert run.run.run.current_phase == 0 and run.run.run.score < 50, f"{run.name}: {run.run.run.score}"
