// Choosing the tutor persona: what to send so a new choice keeps the rest of the preference.
// No I/O here.
import type { components } from "../../api/schema";
import { isDifficulty } from "../../i18n/names";

export type Persona = components["schemas"]["PersonaOut"];
export type Preference = components["schemas"]["PersonaPreferenceOut"];
type Choice = components["schemas"]["PersonaPreferenceIn"];

/** The preference with ``type`` as its persona. The API replaces the whole preference, so the
 * learner's level and subject go along unchanged (a level it does not know is left to its default). */
export function choice(type: string, current: Preference): Choice {
  const body: Choice = { persona_type: type, subject: current.subject };
  if (isDifficulty(current.learner_level)) body.learner_level = current.learner_level;
  return body;
}

