// Where a document's import job is: its stage and percentage, read from the job's progress events
// or from the document itself, and followed until it is done or failed.
import type { components } from "../../api/schema";
import { readEvents, type SseEvent } from "./sse";

type DocumentOut = components["schemas"]["DocumentOut"];
export type Stage = DocumentOut["stage"];

export const STAGES: readonly Stage[] = ["queued", "extracting", "analysing", "generating", "done", "failed"];

export interface Progress {
  stage: Stage;
  percent: number;
  /** When the stage is failed: what was wrong and what to do. */
  failureReason: string;
}

export function isSettled(stage: Stage): boolean {
  return stage === "done" || stage === "failed";
}

export function progressOf(document: Pick<DocumentOut, "stage" | "percent" | "failure_reason">): Progress {
  return { stage: document.stage, percent: document.percent, failureReason: document.failure_reason };
}

/** The progress a "progress" event carries, or null for any other event or a body not understood. */
export function progressFromEvent(event: SseEvent): Progress | null {
  if (event.event !== "progress") return null;
  let body: { stage?: unknown; percent?: unknown; failure_reason?: unknown };
  try {
    body = JSON.parse(event.data);
  } catch {
    return null;
  }
  if (typeof body !== "object" || body === null || !STAGES.includes(body.stage as Stage)) return null;
  const percent = typeof body.percent === "number" ? Math.min(100, Math.max(0, Math.round(body.percent))) : 0;
  const failureReason = typeof body.failure_reason === "string" ? body.failure_reason : "";
  return { stage: body.stage as Stage, percent, failureReason };
}

/** How to learn where a job is: its event stream, and the document as it is now. */
export interface ProgressSource {
  /** The job's event stream, or null when it could not be opened. */
  events(signal: AbortSignal): Promise<ReadableStream<Uint8Array> | null>;
  /** Where the job is now, or why that could not be learned. */
  current(signal: AbortSignal): Promise<{ ok: true; progress: Progress } | { ok: false; message: string }>;
  wait(ms: number, signal: AbortSignal): Promise<void>;
}

export type Followed = { ok: true; progress: Progress } | { ok: false; message: string };

/** Asked this many times in a row without an answer, the job is given up on. */
export const ATTEMPTS = 3;
const PAUSE_MS = 2000;

/** Follows a job until it settles, reporting each change. The event stream can end before that
 * (it lasts a limited time, or the connection drops): then the document is asked where it is,
 * and the stream is opened again while the job is still running. */
export async function follow(source: ProgressSource, report: (progress: Progress) => void, signal: AbortSignal): Promise<Followed | null> {
  let misses = 0;
  while (!signal.aborted) {
    const settled = await fromStream(source, report, signal);
    if (settled) return { ok: true, progress: settled };
    if (signal.aborted) break;
    const now = await source.current(signal);
    if (now.ok) {
      misses = 0;
      report(now.progress);
      if (isSettled(now.progress.stage)) return now;
    } else if (++misses >= ATTEMPTS) {
      return now;
    }
    await source.wait(PAUSE_MS * Math.max(1, misses), signal);
  }
  return null;
}

async function fromStream(source: ProgressSource, report: (progress: Progress) => void, signal: AbortSignal): Promise<Progress | null> {
  let settled: Progress | null = null;
  try {
    const stream = await source.events(signal);
    if (!stream) return null;
    await readEvents(stream, (event) => {
      const progress = progressFromEvent(event);
      if (!progress) return false;
      report(progress);
      if (isSettled(progress.stage)) settled = progress;
      return settled !== null;
    });
  } catch {
    // A dropped connection: the document itself says where the job is.
  }
  return settled;
}
