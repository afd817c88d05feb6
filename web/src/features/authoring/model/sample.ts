// A scenario document as the API sends it, for the tests: two phases, in Spanish and English.
export function document(): Record<string, unknown> {
  const phase = (name: string, phrase: string) => ({
    name,
    vocabulary: [{ term: "la habitación", lemma: "habitación", gloss: "room" }],
    phrases: [{ id: phrase, text: "Tengo una reserva.", gloss: "I have a booking." }],
    concepts: { "room-type": ["doble", "individual"] },
    tutor_lines: ["Buenas tardes."],
    cultural_notes: [],
  });
  const local = (title: string) => ({
    title,
    description: "Llegas al hotel.",
    cultural_context: "",
    phases: { arrive: phase("Llegar", "have-booking"), pay: phase("Pagar", "pay-card") },
  });
  return {
    category: "travel",
    difficulty: "beginner",
    estimated_minutes: 10,
    learner_role: "A guest",
    tutor_role: "The receptionist",
    setting: "A hotel lobby",
    prerequisites: [],
    learning_outcomes: ["Check in"],
    phases: [
      { id: "arrive", objective: "Say who you are", success_criteria: [{ kind: "uses_phrase", phrase_id: "have-booking" }] },
      { id: "pay", objective: "Pay", success_criteria: [{ kind: "uses_vocabulary", min: 1 }] },
    ],
    localizations: { es: local("En el hotel"), en: local("At the hotel") },
  };
}
