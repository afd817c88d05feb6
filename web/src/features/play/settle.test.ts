import { describe, expect, it } from "vitest";

import type { Outcome } from "../../ui/load";
import { absentAsNull, backoff, settle } from "./settle";

const FAILED = { ok: false as const, message: "The service did not answer in time; try again." };
const found = <T>(data: T): Outcome<T> => ({ ok: true, data });

/** Readings answered in turn, the last one again once they run out, counting the calls. */
function readings<T>(outcomes: Outcome<T>[]) {
  let calls = 0;
  const read = async () => outcomes[Math.min(calls++, outcomes.length - 1)];
  return { read, calls: () => calls };
}

/** ``tries`` readings whose pauses are recorded (by the reading they follow) rather than waited. */
const patience = (tries: number, onPause: () => void = () => undefined) => {
  const pauses: number[] = [];
  return { tries, pause: async (after: number) => void (pauses.push(after), onPause()), pauses };
};

const counted = (xp: number | null) => xp !== null;

describe("reading until something shows", () => {
  it("stops at the first reading that shows it", async () => {
    const source = readings([found(null), found(null), found(45), found(90)]);
    const wait = patience(5);
    expect(await settle(source.read, counted, wait)).toEqual(found(45));
    expect(source.calls()).toBe(3);
    expect(wait.pauses).toEqual([1, 2]);
  });

  it("gives up after its tries with the last reading, without a pause after it", async () => {
    const source = readings([found<number | null>(null)]);
    const wait = patience(3);
    expect(await settle(source.read, counted, wait)).toEqual(found(null));
    expect(source.calls()).toBe(3);
    expect(wait.pauses).toEqual([1, 2]);
  });

  it("keeps the last reading it could make when a later one fails", async () => {
    const source = readings<number | null>([found(null), FAILED]);
    expect(await settle(source.read, counted, patience(3))).toEqual(found(null));
  });

  it("answers the failure when no reading could be made, so the page can say why", async () => {
    const source = readings<number | null>([FAILED]);
    expect(await settle(source.read, counted, patience(2))).toEqual(FAILED);
  });

  it("stops reading once its answer is no longer wanted", async () => {
    const wanted = new AbortController();
    const source = readings([found<number | null>(null)]);
    const wait = patience(5, () => wanted.abort());
    expect(await settle(source.read, counted, wait, wanted.signal)).toEqual(found(null));
    expect(source.calls()).toBe(1);
  });
});

describe("the pauses between readings", () => {
  it("double after each reading, up to the longest allowed", () => {
    const delay = backoff(500, 4000);
    expect([1, 2, 3, 4, 5, 6].map(delay)).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
  });
});

describe("an answer of something made a moment after the action", () => {
  const answer = <T>(status: number, fields: { data?: T; error?: unknown }) => Promise.resolve({ ...fields, response: { status } });

  it("is null, not a failure, while it is not there yet (404)", async () => {
    expect(await absentAsNull(answer(404, { error: { error: { message: "Not counted yet" } } }))).toEqual({ data: null });
  });

  it("passes what is there, and any other refusal, through unchanged", async () => {
    expect(await absentAsNull(answer(200, { data: { amount: 45 } }))).toEqual({ data: { amount: 45 }, error: undefined });
    const refused = { error: { message: "Try again" } };
    expect(await absentAsNull(answer(503, { error: refused }))).toEqual({ data: undefined, error: refused });
  });
});
