import { describe, expect, it } from "vitest";

import { giveBack, MAX_STRETCH_SECONDS, pauseClock, resumeClock, startClock, studyProgress, takeSeconds } from "./study";

describe("the study clock", () => {
  it("counts the whole seconds since it started and keeps the fraction for later", () => {
    const { seconds, clock } = takeSeconds(startClock(0), 90_400);
    expect(seconds).toBe(90);
    expect(takeSeconds(clock, 91_000).seconds).toBe(1);
  });

  it("does not count while the page is hidden", () => {
    let clock = pauseClock(startClock(0), 10_000);
    clock = resumeClock(clock, 60_000);
    expect(takeSeconds(clock, 65_000).seconds).toBe(15);
  });

  it("takes pausing twice or resuming twice as once", () => {
    const paused = pauseClock(startClock(0), 5_000);
    expect(pauseClock(paused, 9_000)).toBe(paused);
    const running = startClock(0);
    expect(resumeClock(running, 3_000)).toBe(running);
  });

  it("records nothing after less than a second", () => {
    expect(takeSeconds(startClock(0), 999).seconds).toBe(0);
  });

  it("records at most the API's longest stretch and drops the rest", () => {
    const { seconds, clock } = takeSeconds(startClock(0), (MAX_STRETCH_SECONDS + 600) * 1000);
    expect(seconds).toBe(MAX_STRETCH_SECONDS);
    expect(clock.carried).toBe(0);
  });

  it("carries seconds whose recording failed into the next stretch", () => {
    const { seconds, clock } = takeSeconds(startClock(0), 30_000);
    expect(takeSeconds(giveBack(clock, seconds), 40_000).seconds).toBe(40);
  });
});

describe("how far through the document the learner is", () => {
  it("is the share of flashcards seen and questions answered", () => {
    expect(studyProgress({ cardsSeen: 5, cards: 10, answered: 5, questions: 10 }, 0)).toBe(50);
  });

  it("never goes back below what was recorded before", () => {
    expect(studyProgress({ cardsSeen: 1, cards: 10, answered: 0, questions: 10 }, 70)).toBe(70);
  });

  it("is complete on opening a document that has no flashcards or quiz", () => {
    expect(studyProgress({ cardsSeen: 0, cards: 0, answered: 0, questions: 0 }, 0)).toBe(100);
  });
});
