import { describe, expect, it } from "vitest";

import { settle } from "./settle";

function readings<T>(values: (T | undefined)[]) {
  let calls = 0;
  const read = async () => values[Math.min(calls++, values.length - 1)];
  return { read, calls: () => calls };
}

const patience = (tries: number) => {
  let pauses = 0;
  return { tries, pause: async () => void (pauses += 1), pauses: () => pauses };
};

describe("reading until something shows", () => {
  it("stops at the first reading that shows it", async () => {
    const source = readings([0, 0, 45, 90]);
    const wait = patience(6);
    expect(await settle(source.read, (xp) => xp > 0, wait)).toBe(45);
    expect(source.calls()).toBe(3);
    expect(wait.pauses()).toBe(2);
  });

  it("gives up after its tries with the last reading, without a pause after it", async () => {
    const source = readings([0]);
    const wait = patience(3);
    expect(await settle(source.read, (xp) => xp > 0, wait)).toBe(0);
    expect(source.calls()).toBe(3);
    expect(wait.pauses()).toBe(2);
  });

  it("keeps the last reading it could make when a later one fails", async () => {
    const source = readings([0, undefined]);
    expect(await settle(source.read, (xp) => xp > 0, patience(3))).toBe(0);
  });

  it("answers nothing when no reading could be made", async () => {
    const source = readings<number>([undefined]);
    expect(await settle(source.read, (xp) => xp > 0, patience(2))).toBeUndefined();
  });
});
