// Reading again until something that happens shortly after an action shows: what finishing a run
// brings (its XP, its cards) is counted by other services a moment later. No I/O of its own.
import type { Answer, Outcome } from "../../ui/load";

export interface Patience {
  tries: number;
  /** Waits after reading number ``after`` (1 for the first) before the next. */
  pause: (after: number) => Promise<void>;
}

/** Waits ``first`` ms after the first reading and twice as long after each next one, up to
 * ``most``: what is counted within a moment shows soon, and a slow service is not pressed. */
export function backoff(first: number, most: number): (after: number) => number {
  return (after) => Math.min(first * 2 ** (after - 1), most);
}

export function pausing(delay: (after: number) => number): (after: number) => Promise<void> {
  return (after) => new Promise<void>((resolve) => setTimeout(resolve, delay(after)));
}

/** Reads until ``done`` holds, at most ``tries`` times, and stops early once ``signal`` is aborted
 * (no one is left to show it to). Answers the last reading that could be made (done or not), else
 * the last failure, so the page can show what there is and offer to look again. */
export async function settle<T>(
  read: () => Promise<Outcome<T>>,
  done: (value: T) => boolean,
  patience: Patience,
  signal?: AbortSignal,
): Promise<Outcome<T>> {
  let made: Outcome<T> | undefined;
  let last: Outcome<T>;
  for (let reading = 1; ; reading += 1) {
    last = await read();
    if (last.ok && done(last.data)) return last;
    if (last.ok) made = last;
    if (reading >= patience.tries) break;
    await patience.pause(reading);
    if (signal?.aborted) break;
  }
  return made ?? last;
}

/** An answer whose 404 means "not there yet" (the thing is made a moment after the action), as
 * null rather than as a failure; any other answer passes through unchanged. */
export async function absentAsNull<T>(call: Promise<Answer<T> & { response: { status: number } }>): Promise<Answer<T | null>> {
  const { data, error, response } = await call;
  return response.status === 404 ? { data: null } : { data, error };
}
