// The session's keyboard shortcuts: Space shows the answer, 1 to 4 rate, U or Ctrl+Z undoes.
import { RATINGS, type Rating } from "./model";

export type Shortcut = { action: "reveal" } | { action: "rate"; rating: Rating } | { action: "undo" };

/** The parts of a keydown event (and of its target) the shortcuts depend on. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  target: { tagName?: string; type?: string; isContentEditable?: boolean } | null;
}

const TEXT_INPUTS = new Set(["text", "search", "email", "url", "tel", "password", "number", "date", "time", "datetime-local", "month", "week"]);

/** Where a key types text (or picks an option): shortcuts there would eat the learner's input. */
function typesText(target: KeyPress["target"]): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
}

/** Where Space already activates what has focus (a button, a link, a checkbox): handling it too
 * would act twice. */
function activatesOnSpace(target: KeyPress["target"]): boolean {
  const tag = target?.tagName?.toUpperCase();
  return tag === "BUTTON" || tag === "A" || tag === "INPUT" || tag === "SUMMARY";
}

/** The shortcut ``press`` means, or null. A held-down key repeats nothing: one press, one rating. */
export function shortcutFor(press: KeyPress): Shortcut | null {
  if (press.repeat || press.altKey || typesText(press.target)) return null;
  const key = press.key.toLowerCase();
  if ((press.ctrlKey || press.metaKey) && key === "z") return { action: "undo" };
  if (press.ctrlKey || press.metaKey) return null;
  if (key === " " && !activatesOnSpace(press.target)) return { action: "reveal" };
  if (key === "u") return { action: "undo" };
  const index = ["1", "2", "3", "4"].indexOf(key);
  return index >= 0 ? { action: "rate", rating: RATINGS[index] } : null;
}
