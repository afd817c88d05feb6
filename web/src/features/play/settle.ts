// Reading again until something that happens shortly after an action shows: what finishing a run
// brings (its XP, its cards) is counted by other services a moment later. No I/O of its own.

export interface Patience {
  tries: number;
  /** Waits between two readings. */
  pause: () => Promise<void>;
}

export const pauseFor = (ms: number) => () => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reads until ``done`` holds, at most ``tries`` times. Answers the last reading (done or not;
 * undefined when none could be made), so the page can show what there is and offer to look again. */
export async function settle<T>(read: () => Promise<T | undefined>, done: (value: T) => boolean, patience: Patience): Promise<T | undefined> {
  let last: T | undefined;
  for (let attempt = 1; attempt <= patience.tries; attempt += 1) {
    const value = await read();
    if (value !== undefined) {
      last = value;
      if (done(value)) return value;
    }
    if (attempt < patience.tries) await patience.pause();
  }
  return last;
}
