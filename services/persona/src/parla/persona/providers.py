"""The OpenAI-compatible provider: Ollama, llama.cpp server, vLLM and hosted providers alike.

The model gets the assembled prompt and must answer with a JSON object; the answer is validated
and an invalid one is asked for once more. Transient errors (connection, timeout, 408, 409, 429,
5xx) are retried a few times. Every request shares the reply's deadline: each may take the
configured timeout or what is left, whichever is less, and none is started when too little is
left. Retries are ours rather than the SDK's, because the SDK's would each get the full timeout
and its backoff would not know the deadline. When no usable answer comes, the provider raises a
``ProviderFailure`` saying why, and the caller decides what the learner gets (``fallback.py``).
"""

from __future__ import annotations

import asyncio
import json
from typing import Annotated

import openai
from pydantic import BaseModel, Field, ValidationError

from parla.chassis.db import assert_no_transaction
from parla.chassis.logging import get_logger
from parla.persona.budget import RESERVED_OUTPUT_TOKENS
from parla.persona.domain import Persona
from parla.persona.tutor import (
    MIN_ATTEMPT_SECONDS,
    Deadline,
    Mistake,
    ProviderAnswerUnusable,
    ProviderOutOfTime,
    ProviderUnreachable,
    Reply,
    TurnContext,
    Usage,
)

log = get_logger(__name__)

ANSWER_FORMAT = """
# Answer format (required)
Answer with one JSON object and nothing else:
{"tutor_line": "what you say in role, in the target language",
 "feedback": ["at most 3 short notes to the learner, in English, in your persona's voice"],
 "mistakes": [{"said": "the learner's words", "correction": "the right form", "explanation": "why, briefly"}]}
"""
# The pause before the first retry after a transient error; it doubles for each one after.
FIRST_PAUSE_SECONDS = 0.25
MAX_PAUSE_SECONDS = 2.0

Short = Annotated[str, Field(max_length=1000)]


class _MistakeAnswer(BaseModel):
    said: Short
    correction: Short
    explanation: Short = ""


class Answer(BaseModel):
    tutor_line: Annotated[str, Field(min_length=1, max_length=1000)]
    feedback: list[Short] = Field(default_factory=list, max_length=5)
    mistakes: list[_MistakeAnswer] = Field(default_factory=list, max_length=10)


def parse_answer(content: str | None) -> Answer:
    try:
        return Answer.model_validate(json.loads(content or ""))
    except (json.JSONDecodeError, ValidationError) as error:
        raise ProviderAnswerUnusable(str(error)[:300]) from error


def is_transient(error: openai.APIError) -> bool:
    """Worth asking again: the SDK's own rule (connection, timeout, 408, 409, 429, 5xx)."""
    if isinstance(error, openai.APIConnectionError):
        return True
    status = getattr(error, "status_code", None)
    return status is not None and (status in (408, 409, 429) or status >= 500)


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
        self._timeout = timeout
        self._max_retries = max_retries
        # max_retries=0: retries are made here, within the reply's deadline (see the module note).
        self._client = openai.AsyncOpenAI(base_url=base_url, api_key=api_key or "none", timeout=timeout, max_retries=0)

    async def reply(
        self,
        persona: Persona,
        prompt: str,
        turn: TurnContext,
        *,
        deadline: Deadline | None = None,
        usage: Usage | None = None,
    ) -> Reply:
        deadline, usage = deadline or Deadline.never(), usage if usage is not None else Usage()
        messages = [
            {"role": "system", "content": prompt + ANSWER_FORMAT},
            {"role": "user", "content": learner_message(turn)},
        ]
        retries, tries_after_unusable, pause = self._max_retries, 1, FIRST_PAUSE_SECONDS
        while True:
            if deadline.too_near():
                raise ProviderOutOfTime(f"{deadline.remaining():.2f} s left: too little for another request")
            try:
                return self._reply(await self._ask(messages, usage, deadline), turn)
            except ProviderAnswerUnusable as error:
                log.warning("unusable answer from the AI tutor", error=str(error))
                if not tries_after_unusable:
                    raise
                tries_after_unusable -= 1
            except openai.APIError as error:
                log.warning("AI tutor request failed", error=type(error).__name__, retries_left=retries)
                if isinstance(error, openai.APITimeoutError) and deadline.too_near():
                    raise ProviderOutOfTime("the request used up the reply's time") from error
                if not is_transient(error) or not retries:
                    raise ProviderUnreachable(type(error).__name__) from error
                retries -= 1
                # The pause never eats the time the next request needs to have a chance.
                await asyncio.sleep(min(pause, max(0.0, deadline.remaining() - MIN_ATTEMPT_SECONDS)))
                pause = min(pause * 2, MAX_PAUSE_SECONDS)

    async def _ask(self, messages: list[dict], used: Usage, deadline: Deadline) -> Answer:
        # No database transaction may be open while this waits, possibly for seconds, on the
        # provider: it would hold SQLite's write lock or PostgreSQL row locks all that time.
        assert_no_transaction("AI provider")
        completion = await self._client.chat.completions.create(
            model=self.model,
            messages=messages,
            response_format={"type": "json_object"},
            temperature=0.4,
            # The budget reserved this many output tokens: the reply may not cost more.
            max_tokens=RESERVED_OUTPUT_TOKENS,
            timeout=min(self._timeout, deadline.remaining()),
        )
        if completion.usage is not None:
            used.add(completion.usage.prompt_tokens, completion.usage.completion_tokens)
        return parse_answer(completion.choices[0].message.content if completion.choices else None)

    def _reply(self, answer: Answer, turn: TurnContext) -> Reply:
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
        )
