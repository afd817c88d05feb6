import { describe, expect, it } from "vitest";

import { answered, run } from "./fixtures";
import { entries, sendable, sendsOnKey, started, transcript, type Transcript, type TurnResult } from "./transcript";

function typed(draft: string): Transcript {
  return transcript(started(run()), { type: "edit", draft });
}

function result(said: string, fields: Partial<TurnResult> = {}): TurnResult {
  return {
    run: answered(run(), said, "Muy bien."),
    tutor_reply: "Muy bien.",
    feedback: ["Good greeting."],
    mistakes: [],
    phase_completed: false,
    ...fields,
  };
}

describe("a conversation being played", () => {
  it("starts with the run's stored turns and nothing on its way", () => {
    const state = started(run());
    expect(entries(state)).toEqual([{ role: "tutor", text: "¡Buenos días! ¿Qué le pongo?", note: undefined }]);
    expect(state.pending).toBeNull();
  });

  it("shows a sent turn as on its way and empties the reply box", () => {
    const state = transcript(typed("Hola"), { type: "send" });
    expect(state.pending).toBe("Hola");
    expect(state.draft).toBe("");
    expect(entries(state).at(-1)).toEqual({ role: "learner", text: "Hola", pending: true });
  });

  it("sends nothing blank, and says so", () => {
    const state = transcript(typed("   "), { type: "send" });
    expect(state.pending).toBeNull();
    expect(state.problem).toEqual({ kind: "blank" });
  });

  it("stops asking for text once the learner writes", () => {
    const blank = transcript(typed(""), { type: "send" });
    expect(transcript(blank, { type: "edit", draft: "H" }).problem).toBeNull();
  });

  it("keeps a refused send's message while the learner edits the text", () => {
    const failed = transcript(transcript(typed("Hola"), { type: "send" }), { type: "failed", message: "no" });
    expect(transcript(failed, { type: "edit", draft: "Hola!" }).problem).toEqual({ kind: "refused", message: "no" });
  });

  it("sends one turn at a time", () => {
    const waiting = transcript(typed("Hola"), { type: "send" });
    const again = transcript(transcript(waiting, { type: "edit", draft: "Un café" }), { type: "send" });
    expect(again.pending).toBe("Hola");
    expect(again.draft).toBe("Un café");
    expect(sendable(again)).toBeNull();
  });

  it("replaces the turn on its way with the stored turns and the tutor's reply when answered", () => {
    const waiting = transcript(typed("Hola"), { type: "send" });
    const state = transcript(waiting, { type: "replied", result: result("Hola") });
    expect(state.pending).toBeNull();
    expect(entries(state).map((entry) => [entry.role, entry.text])).toEqual([
      ["tutor", "¡Buenos días! ¿Qué le pongo?"],
      ["learner", "Hola"],
      ["tutor", "Muy bien."],
    ]);
  });

  it("keeps the feedback and corrections with the learner turn they are about", () => {
    const mistake = { said: "un cafe", correction: "un café", explanation: "café takes an accent" };
    const waiting = transcript(typed("un cafe"), { type: "send" });
    const state = transcript(waiting, { type: "replied", result: result("un cafe", { mistakes: [mistake], phase_completed: true }) });
    expect(entries(state)[1].note).toEqual({ feedback: ["Good greeting."], mistakes: [mistake], phaseCompleted: true });
    expect(entries(state)[2].note).toBeUndefined();
  });

  it("gives the text back to the reply box with the API's message when a send fails", () => {
    const waiting = transcript(typed("Hola"), { type: "send" });
    const state = transcript(waiting, { type: "failed", message: "the tutor did not answer in time" });
    expect(state.draft).toBe("Hola");
    expect(state.pending).toBeNull();
    expect(state.problem).toEqual({ kind: "refused", message: "the tutor did not answer in time" });
    expect(entries(state)).toHaveLength(1);
  });

  it("keeps what was typed while waiting after the text that failed", () => {
    const waiting = transcript(typed("Hola"), { type: "send" });
    const more = transcript(waiting, { type: "edit", draft: "Un café, por favor" });
    expect(transcript(more, { type: "failed", message: "no" }).draft).toBe("Hola\nUn café, por favor");
  });

  it("sends the kept text again on retry, clearing the failure", () => {
    const failed = transcript(transcript(typed("Hola"), { type: "send" }), { type: "failed", message: "no" });
    const retried = transcript(failed, { type: "send" });
    expect(retried.pending).toBe("Hola");
    expect(retried.problem).toBeNull();
  });
});

describe("the reply box's keys", () => {
  it("send on Enter", () => {
    expect(sendsOnKey({ key: "Enter", shiftKey: false, isComposing: false })).toBe(true);
  });

  it("make a new line on Shift+Enter", () => {
    expect(sendsOnKey({ key: "Enter", shiftKey: true, isComposing: false })).toBe(false);
  });

  it("only confirm the characters when Enter ends an input-method composition", () => {
    expect(sendsOnKey({ key: "Enter", shiftKey: false, isComposing: true })).toBe(false);
  });

  it("type other letters", () => {
    expect(sendsOnKey({ key: "a", shiftKey: false, isComposing: false })).toBe(false);
  });
});
