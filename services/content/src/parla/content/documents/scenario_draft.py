"""A document as a scenario draft: talk about what you read with a friend who has not read it.

No I/O. The draft is the scenario document the scenario service's authoring API takes; it uses
the document's key vocabulary, its summary sentences as phrases to say, and its topics as the
concept to mention, in the document's language. The learner edits it before playing: without a
bilingual dictionary, a key word's "gloss" is the document's sentence it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from parla.chassis.errors import Conflict

DIFFICULTY = {"A1": "beginner", "A2": "beginner", "B1": "intermediate", "B2": "intermediate", "C1": "advanced", "C2": "advanced"}
WORDS_PER_PHASE = (8, 8, 4)
MAX_SHORT = 500
MAX_GLOSS = 200


@dataclass(frozen=True)
class Wording:
    """What the draft says in the document's language."""

    description: str  # {title}
    names: tuple[str, str, str]
    tutor: tuple[str, str, str]  # {title} in the first
    opinion: str


WORDINGS = {
    "en": Wording(
        "Tell a friend about “{title}”: what it is about, its main ideas, and what you think of it.",
        ("What is it about?", "The main ideas", "What do you think?"),
        ("So, you read “{title}”? What is it about?", "Interesting! What else does it say?", "And what do you think of it?"),
        "In my opinion, it is worth reading.",
    ),
    "es": Wording(
        "Cuéntale a un amigo sobre «{title}»: de qué trata, sus ideas principales y qué opinas.",
        ("¿De qué trata?", "Las ideas principales", "¿Qué opinas?"),
        ("Así que has leído «{title}». ¿De qué trata?", "¡Qué interesante! ¿Qué más dice?", "¿Y qué te ha parecido?"),
        "En mi opinión, vale la pena leerlo.",
    ),
    "fr": Wording(
        "Parlez à un ami de « {title} » : de quoi il s'agit, les idées principales et ce que vous en pensez.",
        ("De quoi s'agit-il ?", "Les idées principales", "Qu'en pensez-vous ?"),
        ("Alors, tu as lu « {title} » ? De quoi ça parle ?", "Intéressant ! Et quoi d'autre ?", "Et tu en penses quoi ?"),
        "À mon avis, ça vaut la peine de le lire.",
    ),
    "de": Wording(
        "Erzählen Sie einem Freund von „{title}“: worum es geht, die wichtigsten Ideen und was Sie davon halten.",
        ("Worum geht es?", "Die wichtigsten Ideen", "Was denkst du?"),
        ("Du hast also „{title}“ gelesen? Worum geht es?", "Interessant! Was steht noch drin?", "Und wie findest du es?"),
        "Meiner Meinung nach lohnt es sich, es zu lesen.",
    ),
    "it": Wording(
        "Racconta a un amico di «{title}»: di cosa parla, le idee principali e cosa ne pensi.",
        ("Di cosa parla?", "Le idee principali", "Cosa ne pensi?"),
        ("Allora, hai letto «{title}»? Di cosa parla?", "Interessante! Cos'altro dice?", "E cosa ne pensi?"),
        "Secondo me, vale la pena leggerlo.",
    ),
    "pt": Wording(
        "Conte a um amigo sobre «{title}»: do que trata, as ideias principais e o que você acha.",
        ("Do que trata?", "As ideias principais", "O que você acha?"),
        ("Então você leu «{title}»? Do que trata?", "Que interessante! O que mais diz?", "E o que você achou?"),
        "Na minha opinião, vale a pena ler.",
    ),
    "zh": Wording(
        "和朋友聊聊《{title}》：讲的是什么，主要观点，以及你的看法。",
        ("讲的是什么？", "主要观点", "你怎么看？"),
        ("你读了《{title}》？讲的是什么？", "真有意思！还讲了什么？", "那你觉得怎么样？"),
        "我觉得这篇值得一读。",
    ),
    "ja": Wording(
        "「{title}」について友だちに話しましょう：どんな内容か、主な考え、そしてあなたの意見。",
        ("どんな内容？", "主な考え", "どう思う？"),
        ("「{title}」を読んだんだね。どんな内容？", "面白いね！ほかには何が書いてあるの？", "それで、どう思った？"),
        "私は読む価値があると思います。",
    ),
}


def _plain(text: str, limit: int = MAX_SHORT) -> str:
    """Plain text (the scenario refuses < and >), at most ``limit`` characters, cut at a word."""
    text = " ".join(text.replace("<", "‹").replace(">", "›").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut + "…"


def _title(title: str) -> str:
    title = _plain(title, 120)
    return title if len(title) >= 3 else f"{title} ···"


def scenario_draft(
    *, title: str, language: str, level: str, analysis: dict[str, Any], material: dict[str, Any]
) -> dict[str, Any]:
    """The scenario draft for a done document; a Conflict when it has too little to talk about."""
    wording = WORDINGS.get(language)
    vocabulary = [item for item in analysis.get("vocabulary", []) if item.get("status") not in ("known", "ignored")]
    vocabulary = vocabulary or analysis.get("vocabulary", [])
    summary = [sentence for sentence in analysis.get("summary", []) if sentence.strip()]
    if wording is None or not vocabulary or not summary:
        raise Conflict("this document has too little text to make a scenario from; import a longer one")
    glosses = {card["lemma"]: card["gloss"] for card in material.get("flashcards", []) if card.get("gloss")}
    words = _split(vocabulary, glosses)
    topics = [topic for topic in analysis.get("topics", []) if topic.strip()] or [vocabulary[0]["lemma"]]
    name = _title(title)
    phrases = [
        {"id": f"summary-{n + 1}", "text": _plain(sentence), "gloss": "a sentence of the text"}
        for n, sentence in enumerate(summary[:4])
    ]
    phase_ids = ("retell", "key-ideas", "discuss")
    phases = [
        {
            "id": "retell",
            "objective": "Tell your friend what the text is about, using its key words.",
            "success_criteria": [{"kind": "uses_vocabulary", "min": min(2, len(words[0]))}],
        },
        {
            "id": "key-ideas",
            "objective": "Explain the main ideas of the text and the topics it is about.",
            "success_criteria": [{"kind": "mentions", "concept": "topic"}, {"kind": "uses_phrase", "phrase_id": "summary-1"}],
        },
        {
            "id": "discuss",
            "objective": "Say what you think of the text and ask your friend a question about it.",
            "success_criteria": [{"kind": "asks_question"}],
        },
    ]
    opinion = {"id": "opinion", "text": wording.opinion, "gloss": "In my opinion, it is worth reading."}
    # The first summary sentence to retell; all of them for the main ideas (summary-1 is asked for).
    said = {"retell": phrases[:1], "key-ideas": phrases, "discuss": [opinion]}
    local_phases = {
        phase_id: {
            "name": wording.names[n],
            "vocabulary": words[n],
            "phrases": said[phase_id],
            "tutor_lines": [wording.tutor[n].format(title=name)],
        }
        for n, phase_id in enumerate(phase_ids)
    }
    local_phases["key-ideas"]["concepts"] = {"topic": [_plain(topic, 100) for topic in topics[:30]]}
    return {
        "category": "education",
        "difficulty": DIFFICULTY.get(level, "intermediate"),
        "estimated_minutes": min(30, 10 + sum(len(w) for w in words) // 4),
        "learner_role": "someone who has just read the text",
        "tutor_role": "a friend who has not read it yet",
        "setting": _plain(f"You have just read “{title}”. Over a coffee, a friend who has not read it asks you about it.", 2000),
        "learning_outcomes": [
            "Retell what a text you read is about in your own words",
            "Use the key words of the text",
            "Give your opinion about the text and ask questions",
        ],
        "phases": phases,
        "localizations": {
            language: {
                "title": name,
                "description": _plain(wording.description.format(title=name), 2000),
                "phases": local_phases,
            }
        },
    }


def _split(vocabulary: list[dict[str, Any]], glosses: dict[str, str]) -> list[list[dict[str, str]]]:
    """The key words shared out over the three phases, each phase with at least one."""
    items = [
        {
            "term": _plain(item.get("surface") or item["lemma"], 100),
            "lemma": _plain(item["lemma"].lower(), 100),
            "gloss": _plain(glosses.get(item["lemma"]) or item.get("sentence") or item["lemma"], MAX_GLOSS),
        }
        for item in vocabulary
    ]
    shares, start = [], 0
    for size in WORDS_PER_PHASE:
        share = items[start : start + size]
        shares.append(share or items[:1])
        start += size
    return shares
