"""The OpenAI-compatible provider: Ollama, llama.cpp server, vLLM and hosted providers alike.

The model gets the assembled prompt and must answer with a JSON object; the answer is validated,
an invalid one is asked for once more, and then the offline engine answers with a notice. A
provider that cannot be reached (after the SDK's own retries) also hands over to the offline
engine with a notice, so a learner is never left without a reply.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Annotated

import openai
from pydantic import BaseModel, Field, ValidationError

from parla.chassis.logging import get_logger
from parla.persona.budget import RESERVED_OUTPUT_TOKENS
from parla.persona.domain import Persona
from parla.persona.tutor import Mistake, OfflineProvider, Reply, TurnContext

log = get_logger(__name__)

ANSWER_FORMAT = """
# Answer format (required)
Answer with one JSON object and nothing else:
{"tutor_line": "what you say in role, in the target language",
 "feedback": ["at most 3 short notes to the learner, in English, in your persona's voice"],
 "mistakes": [{"said": "the learner's words", "correction": "the right form", "explanation": "why, briefly"}]}
"""
UNREACHABLE = "The AI tutor could not be reached, so the built-in tutor answered this turn."
UNUSABLE = "The AI tutor's answer could not be used, so the built-in tutor answered this turn."

Short = Annotated[str, Field(max_length=1000)]


class _MistakeAnswer(BaseModel):
    said: Short
    correction: Short
    explanation: Short = ""


class Answer(BaseModel):
    tutor_line: Annotated[str, Field(min_length=1, max_length=1000)]
    feedback: list[Short] = Field(default_factory=list, max_length=5)
    mistakes: list[_MistakeAnswer] = Field(default_factory=list, max_length=10)


@dataclass
class Usage:
    """Tokens the provider reported across the attempts of one reply."""

    tokens_in: int = 0
    tokens_out: int = 0


class UnusableAnswer(Exception):
    pass


def parse_answer(content: str | None) -> Answer:
    try:
        return Answer.model_validate(json.loads(content or ""))
    except (json.JSONDecodeError, ValidationError) as error:
        raise UnusableAnswer(str(error)[:300]) from error


def learner_message(turn: TurnContext) -> str:
    """The turn as the model sees it: what the learner said and what the judge found."""
    return json.dumps(
        {
            "learner_said": turn.learner_text,
            "new_key_words_used": turn.new_vocabulary,
            "phrases_produced": turn.new_phrases,
            "still_to_do_in_this_phase": turn.missing,
            "phase_completed": turn.phase_completed,
            "next_phase_opening_line": turn.next_phase_opening,
            "mistakes_found": [m.__dict__ for m in turn.mistakes],
        },
        ensure_ascii=False,
    )


class OpenAICompatibleProvider:
    name = "openai-compatible"

    def __init__(self, *, base_url: str, model: str, api_key: str, timeout: float, max_retries: int) -> None:
        self.model = model
        self._client = openai.AsyncOpenAI(base_url=base_url, api_key=api_key or "none", timeout=timeout, max_retries=max_retries)
        self._offline = OfflineProvider()

    async def reply(self, persona: Persona, prompt: str, turn: TurnContext) -> Reply:
        messages = [
            {"role": "system", "content": prompt + ANSWER_FORMAT},
            {"role": "user", "content": learner_message(turn)},
        ]
        used = Usage()
        for attempt in (1, 2):
            try:
                answer = await self._ask(messages, used)
            except UnusableAnswer as error:
                log.warning("unusable answer from the AI tutor", attempt=attempt, error=str(error))
                continue
            except openai.APIError as error:
                log.warning("AI tutor unreachable", error=type(error).__name__)
                return await self._offline_with(persona, prompt, turn, UNREACHABLE, used)
            return self._reply(answer, turn, used)
        return await self._offline_with(persona, prompt, turn, UNUSABLE, used)

    async def _ask(self, messages: list[dict], used: Usage) -> Answer:
        completion = await self._client.chat.completions.create(
            model=self.model,
            messages=messages,
            response_format={"type": "json_object"},
            temperature=0.4,
            # The budget reserved this many output tokens: the reply may not cost more.
            max_tokens=RESERVED_OUTPUT_TOKENS,
        )
        if completion.usage is not None:
            used.tokens_in += completion.usage.prompt_tokens
            used.tokens_out += completion.usage.completion_tokens
        return parse_answer(completion.choices[0].message.content if completion.choices else None)

    def _reply(self, answer: Answer, turn: TurnContext, used: Usage) -> Reply:
        found = {m.said for m in turn.mistakes}
        mistakes = [
            *turn.mistakes,
            *(Mistake(m.said, m.correction, m.explanation) for m in answer.mistakes if m.said not in found),
        ]
        return Reply(
            tutor_line=answer.tutor_line,
            feedback=list(answer.feedback),
            mistakes=mistakes,
            provider=self.name,
            model=self.model,
            tokens_in=used.tokens_in,
            tokens_out=used.tokens_out,
        )

    async def _offline_with(self, persona: Persona, prompt: str, turn: TurnContext, notice: str, used: Usage) -> Reply:
        # The offline engine answered, but tokens spent on unusable answers are still charged.
        reply = await self._offline.reply(persona, prompt, turn)
        return replace(reply, notice=notice, model=self.model, tokens_in=used.tokens_in, tokens_out=used.tokens_out)
