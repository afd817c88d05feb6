import { describe, expect, it } from "vitest";

import { ATTEMPTS, follow, progressFromEvent, type Progress, type ProgressSource } from "./progress";

const frame = (stage: string, percent: number, reason = "") =>
  `event: progress\nid: ${stage}-${percent}\ndata: ${JSON.stringify({ id: "d1", stage, percent, failure_reason: reason })}\n\n`;

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

function sourceOf(streams: (ReadableStream<Uint8Array> | null)[], answers: Awaited<ReturnType<ProgressSource["current"]>>[]) {
  const calls = { events: 0, current: 0, waits: [] as number[] };
  const source: ProgressSource = {
    async events() {
      return streams[calls.events++] ?? null;
    },
    async current() {
      return answers[calls.current++] ?? { ok: false, message: "gone" };
    },
    async wait(ms) {
      calls.waits.push(ms);
    },
  };
  return { source, calls };
}

async function run(source: ProgressSource) {
  const seen: Progress[] = [];
  const result = await follow(source, (progress) => seen.push(progress), new AbortController().signal);
  return { seen, result };
}

describe("a progress event", () => {
  it("gives the stage, the percentage and the failure reason", () => {
    const event = { event: "progress", id: "failed-30", data: '{"stage":"failed","percent":30,"failure_reason":"No text found"}' };
    expect(progressFromEvent(event)).toEqual({ stage: "failed", percent: 30, failureReason: "No text found" });
  });

  it("is ignored when it is another event, not JSON, or an unknown stage", () => {
    expect(progressFromEvent({ event: "message", id: null, data: '{"stage":"done","percent":100}' })).toBeNull();
    expect(progressFromEvent({ event: "progress", id: null, data: "done" })).toBeNull();
    expect(progressFromEvent({ event: "progress", id: null, data: '{"stage":"baking","percent":5}' })).toBeNull();
  });

  it("keeps the percentage between 0 and 100", () => {
    expect(progressFromEvent({ event: "progress", id: null, data: '{"stage":"analysing","percent":140}' })?.percent).toBe(100);
  });
});

describe("following a job", () => {
  it("reports each event and ends with the done one", async () => {
    const { source, calls } = sourceOf([streamOf(frame("queued", 0), frame("analysing", 50), frame("done", 100))], []);
    const { seen, result } = await run(source);
    expect(seen.map((p) => p.stage)).toEqual(["queued", "analysing", "done"]);
    expect(result).toEqual({ ok: true, progress: { stage: "done", percent: 100, failureReason: "" } });
    expect(calls.current).toBe(0);
  });

  it("ends with a failure and its reason", async () => {
    const { source } = sourceOf([streamOf(frame("extracting", 10), frame("failed", 10, "The PDF has no text"))], []);
    const { result } = await run(source);
    expect(result).toEqual({ ok: true, progress: { stage: "failed", percent: 10, failureReason: "The PDF has no text" } });
  });

  it("asks the document when the stream ends early, and finds it done", async () => {
    const { source, calls } = sourceOf([streamOf(frame("generating", 80))], [{ ok: true, progress: { stage: "done", percent: 100, failureReason: "" } }]);
    const { seen, result } = await run(source);
    expect(seen.map((p) => p.stage)).toEqual(["generating", "done"]);
    expect(result?.ok).toBe(true);
    expect(calls.events).toBe(1);
  });

  it("opens the stream again while the job is still running", async () => {
    const running = { ok: true as const, progress: { stage: "analysing" as const, percent: 40, failureReason: "" } };
    const { source, calls } = sourceOf([streamOf(frame("analysing", 40)), streamOf(frame("done", 100))], [running]);
    const { result } = await run(source);
    expect(calls.events).toBe(2);
    expect(calls.waits).toHaveLength(1);
    expect(result?.ok && result.progress.stage).toBe("done");
  });

  it("polls the document when the stream cannot be opened", async () => {
    const { source, calls } = sourceOf([null], [{ ok: true, progress: { stage: "done", percent: 100, failureReason: "" } }]);
    const { result } = await run(source);
    expect(calls.current).toBe(1);
    expect(result?.ok).toBe(true);
  });

  it("gives up with the API's message after several unanswered asks, waiting longer each time", async () => {
    const refused = { ok: false as const, message: "No such document" };
    const { source, calls } = sourceOf([], [refused, refused, refused]);
    const { result } = await run(source);
    expect(result).toEqual(refused);
    expect(calls.current).toBe(ATTEMPTS);
    expect(calls.waits).toEqual([2000, 4000]);
  });

  it("stops without an answer once the learner leaves", async () => {
    const controller = new AbortController();
    controller.abort();
    const { source } = sourceOf([streamOf(frame("done", 100))], []);
    expect(await follow(source, () => undefined, controller.signal)).toBeNull();
  });
});
