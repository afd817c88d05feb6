// Study time and how far through the document the learner is, recorded in stretches: when they
// leave the page, hide it, or every few minutes.

/** The API takes a stretch of at most four hours. */
export const MAX_STRETCH_SECONDS = 4 * 60 * 60;
export const RECORD_EVERY_MS = 5 * 60 * 1000;

/** Time spent on the page: counted while it is shown, not while it is hidden. */
export interface StudyClock {
  /** When the current shown stretch began, or null while hidden. */
  since: number | null;
  /** Milliseconds counted but not yet recorded. */
  carried: number;
}

export function startClock(now: number): StudyClock {
  return { since: now, carried: 0 };
}

export function pauseClock(clock: StudyClock, now: number): StudyClock {
  if (clock.since === null) return clock;
  return { since: null, carried: clock.carried + Math.max(0, now - clock.since) };
}

export function resumeClock(clock: StudyClock, now: number): StudyClock {
  return clock.since === null ? { ...clock, since: now } : clock;
}

/** The whole seconds to record now, and the clock that keeps counting the rest. Time beyond the
 * API's longest stretch is dropped: four hours unrecorded is a page left open, not study. */
export function takeSeconds(clock: StudyClock, now: number): { seconds: number; clock: StudyClock } {
  const elapsed = clock.carried + (clock.since === null ? 0 : Math.max(0, now - clock.since));
  const whole = Math.floor(elapsed / 1000);
  const since = clock.since === null ? null : now;
  if (whole > MAX_STRETCH_SECONDS) return { seconds: MAX_STRETCH_SECONDS, clock: { since, carried: 0 } };
  return { seconds: whole, clock: { since, carried: elapsed - whole * 1000 } };
}

/** Gives back seconds whose recording failed, so the next stretch carries them. */
export function giveBack(clock: StudyClock, seconds: number): StudyClock {
  return { ...clock, carried: clock.carried + seconds * 1000 };
}

export interface StudyDone {
  cardsSeen: number;
  cards: number;
  answered: number;
  questions: number;
}

/** How far through the document the learner is, in percent: the share of its flashcards seen and
 * quiz questions answered, never less than what was recorded before. With neither, opening its
 * material is all there is to do. */
export function studyProgress(done: StudyDone, before: number): number {
  const total = done.cards + done.questions;
  const now = total === 0 ? 100 : Math.round((100 * (done.cardsSeen + done.answered)) / total);
  return Math.min(100, Math.max(before, now));
}
