// A run and its scenario as the API answers them, for the play feature's tests.
import type { Scenario } from "./phases";
import type { Run } from "./transcript";

const AT = "2026-06-01T10:00:00Z";

export function scenario(): Scenario {
  return {
    summary: {
      id: "cafe-order",
      title: "Ordering at a café",
      description: "",
      category: "food",
      difficulty: "beginner",
      estimated_minutes: 10,
      language: "es",
      languages: ["es"],
      author: "system",
      visibility: "public",
    },
    setting: "A café in Madrid",
    learner_role: "a customer",
    tutor_role: "the waiter",
    cultural_context: "",
    prerequisites: [],
    learning_outcomes: [],
    phases: [
      {
        id: "greet",
        name: "Greeting",
        objective: "Greet the waiter",
        cultural_notes: [],
        phrases: [{ id: "hola", text: "Hola", gloss: "Hello" }],
        vocabulary: [
          { term: "hola", lemma: "hola", gloss: "hello" },
          { term: "buenos días", lemma: "buenos días", gloss: "good morning" },
        ],
        success_criteria: [
          { kind: "uses_phrase", phrase_id: "hola", description: "Say hello" },
          { kind: "asks_question", description: "Ask a question" },
        ],
      },
      {
        id: "order",
        name: "Ordering",
        objective: "Order a coffee",
        cultural_notes: [],
        phrases: [],
        vocabulary: [
          { term: "café", lemma: "café", gloss: "coffee" },
          { term: "hola", lemma: "hola", gloss: "hello" },
        ],
        success_criteria: [{ kind: "uses_vocabulary", min: 1, description: "Use one word" }],
      },
    ],
  };
}

export function run(fields: Partial<Run> = {}): Run {
  return {
    id: "7f1c2a4e-0000-4000-8000-000000000001",
    scenario_id: "cafe-order",
    language: "es",
    status: "active",
    current_phase: 0,
    persona: "",
    score: 0,
    started_at: AT,
    mistakes: [],
    phases: [
      { phase_id: "greet", completed: false, score: 0, vocabulary_used: [], phrases_used: [], criteria_met: [] },
      { phase_id: "order", completed: false, score: 0, vocabulary_used: [], phrases_used: [], criteria_met: [] },
    ],
    turns: [{ role: "tutor", text: "¡Buenos días! ¿Qué le pongo?", at: AT }],
    ...fields,
  };
}

/** The run after the learner said ``said`` and the tutor answered ``reply``. */
export function answered(before: Run, said: string, reply: string): Run {
  return { ...before, turns: [...before.turns, { role: "learner", text: said, at: AT }, { role: "tutor", text: reply, at: AT }] };
}
