// Server-Sent Events read from a fetched stream. EventSource cannot send the Authorization header,
// so the frames are parsed here, by the rules of the HTML event-stream format.

export interface SseEvent {
  /** "message" when the frame names no event. */
  event: string;
  /** The frame's data lines, joined by "\n". */
  data: string;
  /** The last event id the stream gave, carried over from earlier frames as the format says. */
  id: string | null;
}

/** Turns pieces of an event stream's text, cut anywhere, into its events. */
export class SseParser {
  private pending = "";
  private started = false;
  private type = "";
  private data: string[] = [];
  private lastId: string | null = null;

  /** Feeds the next piece of text; answers the events it completed. */
  push(text: string): SseEvent[] {
    let buffered = this.pending + (this.started ? text : text.replace(/^\uFEFF/, ""));
    this.started = true;
    // A "\r" at the very end may be the first half of "\r\n": it waits for the next piece.
    const held = buffered.endsWith("\r") ? "\r" : "";
    if (held) buffered = buffered.slice(0, -1);
    const lines = buffered.split(/\r\n|\r|\n/);
    this.pending = (lines.pop() ?? "") + held;
    return lines.map((line) => this.line(line)).filter((event): event is SseEvent => event !== null);
  }

  private line(line: string): SseEvent | null {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return null; // a comment, often a keep-alive
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const raw = colon < 0 ? "" : line.slice(colon + 1);
    const value = raw.startsWith(" ") ? raw.slice(1) : raw;
    if (field === "event") this.type = value;
    else if (field === "data") this.data.push(value);
    else if (field === "id" && !value.includes("\0")) this.lastId = value;
    // "retry" is not used: the job is followed again at a pace of its own (see progress.ts).
    return null;
  }

  private dispatch(): SseEvent | null {
    const { type, data } = this;
    this.type = "";
    this.data = [];
    // A frame without data lines is no event (it may only have set the id).
    if (data.length === 0) return null;
    return { event: type || "message", data: data.join("\n"), id: this.lastId };
  }
}

/** Reads ``stream`` to its end, handing each event to ``onEvent``; reading stops early when
 * ``onEvent`` answers true. A frame the stream cut off before its blank line is dropped. */
export async function readEvents(stream: ReadableStream<Uint8Array>, onEvent: (event: SseEvent) => boolean | void): Promise<void> {
  const reader = stream.getReader();
  const decoder = new TextDecoder(); // in streaming mode it keeps a character split between chunks
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        if (onEvent(event)) {
          await reader.cancel();
          return;
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}
