import { describe, expect, it } from "vitest";

import { readEvents, SseParser, type SseEvent } from "./sse";

function parseAll(...pieces: string[]): SseEvent[] {
  const parser = new SseParser();
  return pieces.flatMap((piece) => parser.push(piece));
}

function streamOf(...chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

describe("the event-stream parser", () => {
  it("ends a frame at a blank line and reads its event, data and id", () => {
    expect(parseAll('event: progress\nid: queued-0\ndata: {"stage":"queued"}\n\n')).toEqual([
      { event: "progress", data: '{"stage":"queued"}', id: "queued-0" },
    ]);
  });

  it("names a frame without an event line a message", () => {
    expect(parseAll("data: hello\n\n")).toEqual([{ event: "message", data: "hello", id: null }]);
  });

  it("joins several data lines with line breaks", () => {
    expect(parseAll("data: one\ndata: two\ndata:\n\n")[0].data).toBe("one\ntwo\n");
  });

  it("strips only the one space after the colon", () => {
    expect(parseAll("data:  two spaces\ndata:none\n\n")[0].data).toBe(" two spaces\nnone");
  });

  it("accepts \\r\\n and \\r as line ends", () => {
    expect(parseAll("data: a\r\n\r\ndata: b\r\rdata: c\n\n").map((e) => e.data)).toEqual(["a", "b", "c"]);
  });

  it("puts together a frame split across pieces, even inside a line or a \\r\\n", () => {
    expect(parseAll("eve", "nt: progress\nda", "ta: {\"percent\"", ":40}\r", "\n\r", "\n")).toEqual([
      { event: "progress", data: '{"percent":40}', id: null },
    ]);
  });

  it("answers every frame a single piece completes, and keeps the rest for later", () => {
    const parser = new SseParser();
    expect(parser.push("data: 1\n\ndata: 2\n\ndata: 3").map((e) => e.data)).toEqual(["1", "2"]);
    expect(parser.push("\n\n").map((e) => e.data)).toEqual(["3"]);
  });

  it("skips comments and frames without data, but keeps their id for the next event", () => {
    expect(parseAll(": keep-alive\n\nid: 7\n\ndata: x\n\n")).toEqual([{ event: "message", data: "x", id: "7" }]);
  });

  it("does not carry an event name over to the next frame", () => {
    expect(parseAll("event: progress\ndata: a\n\ndata: b\n\n").map((e) => e.event)).toEqual(["progress", "message"]);
  });

  it("ignores other fields, a line without a colon among them, and a byte-order mark at the start", () => {
    expect(parseAll("\uFEFFdata: a\nretry: 3000\nfoo: bar\nbare\n\n")).toEqual([{ event: "message", data: "a", id: null }]);
  });

  it("takes a bare data line as an empty data line", () => {
    expect(parseAll("data\ndata: b\n\n")[0].data).toBe("\nb");
  });
});

describe("reading events from a stream", () => {
  it("hands over each event, decoding a character split between chunks", async () => {
    const bytes = new TextEncoder().encode("data: año\n\n");
    const seen: string[] = [];
    await readEvents(streamOf(bytes.slice(0, 8), bytes.slice(8)), (event) => void seen.push(event.data));
    expect(seen).toEqual(["año"]);
  });

  it("drops a frame the stream cut off before its blank line", async () => {
    const seen: string[] = [];
    await readEvents(streamOf("data: whole\n\ndata: cut"), (event) => void seen.push(event.data));
    expect(seen).toEqual(["whole"]);
  });

  it("stops reading when the handler says it has what it needs", async () => {
    const seen: string[] = [];
    await readEvents(streamOf("data: 1\n\n", "data: 2\n\n"), (event) => (seen.push(event.data), true));
    expect(seen).toEqual(["1"]);
  });
});
