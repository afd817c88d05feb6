import { describe, expect, it } from "vitest";

import { shortcutFor, type KeyPress } from "./keys";

function press(key: string, more: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, repeat: false, target: { tagName: "BODY" }, ...more };
}

describe("the review shortcuts", () => {
  it("show the answer with Space", () => {
    expect(shortcutFor(press(" "))).toEqual({ action: "reveal" });
  });

  it("rate again, hard, good and easy with 1 to 4", () => {
    expect(["1", "2", "3", "4"].map((key) => shortcutFor(press(key)))).toEqual([
      { action: "rate", rating: "again" },
      { action: "rate", rating: "hard" },
      { action: "rate", rating: "good" },
      { action: "rate", rating: "easy" },
    ]);
  });

  it("undo with U or Ctrl+Z (Cmd+Z on a Mac)", () => {
    expect(shortcutFor(press("u"))).toEqual({ action: "undo" });
    expect(shortcutFor(press("U"))).toEqual({ action: "undo" });
    expect(shortcutFor(press("z", { ctrlKey: true }))).toEqual({ action: "undo" });
    expect(shortcutFor(press("z", { metaKey: true }))).toEqual({ action: "undo" });
  });

  it("do nothing while focus is in a text field", () => {
    for (const target of [{ tagName: "INPUT", type: "text" }, { tagName: "INPUT" }, { tagName: "TEXTAREA" }, { tagName: "SELECT" }, { tagName: "DIV", isContentEditable: true }]) {
      expect(shortcutFor(press("3", { target }))).toBeNull();
      expect(shortcutFor(press("z", { ctrlKey: true, target }))).toBeNull();
    }
  });

  it("leave Space to the button or link that has focus", () => {
    expect(shortcutFor(press(" ", { target: { tagName: "BUTTON" } }))).toBeNull();
    expect(shortcutFor(press(" ", { target: { tagName: "A" } }))).toBeNull();
    expect(shortcutFor(press("3", { target: { tagName: "BUTTON" } }))).toEqual({ action: "rate", rating: "good" });
  });

  it("ignore a held-down key, other modifiers and other keys", () => {
    expect(shortcutFor(press("3", { repeat: true }))).toBeNull();
    expect(shortcutFor(press("3", { altKey: true }))).toBeNull();
    expect(shortcutFor(press("3", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press("5"))).toBeNull();
    expect(shortcutFor(press("Enter"))).toBeNull();
  });
});
