// Changes shown at once and saved behind the scenes, one at a time, in the order they were made.
// A refused save puts back what the server last confirmed, and drops the changes queued after it:
// they were made on top of the refused one.
import type { Outcome } from "../../ui/load";

export interface Change<T> {
  /** What to show until the server answers. */
  next: T;
  /** Saves the change; the server's answer becomes the confirmed value. */
  save: () => Promise<Outcome<T>>;
  /** Changes with the same key replace one another while waiting (e.g. a quick run of moves
   * sends only the last order, which holds all of them). */
  key?: string;
  /** Told the server's answer once this change is saved (not when a newer one replaced it). */
  saved?: (value: T) => void;
  /** Told when this change was refused, or dropped because one before it was. */
  refused?: () => void;
}

export interface OptimisticQueue<T> {
  apply(change: Change<T>): void;
  /** The value the server last confirmed. */
  readonly confirmed: T;
  /** Whether a save is under way or waiting. */
  readonly busy: boolean;
  /** Resolves once every queued change has been answered. */
  settled(): Promise<void>;
}

export function optimisticQueue<T>(initial: T, show: (value: T) => void, refused: (message: string) => void): OptimisticQueue<T> {
  let confirmed = initial;
  const waiting: Change<T>[] = [];
  let running: Promise<void> | null = null;

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const change = waiting.shift() as Change<T>;
      const outcome = await change.save();
      if (outcome.ok) {
        confirmed = outcome.data;
        // A newer change is already on screen; the server's answer to it will replace this one.
        if (waiting.length === 0) show(confirmed);
        change.saved?.(confirmed);
      } else {
        const dropped = waiting.splice(0);
        show(confirmed);
        refused(outcome.message);
        for (const each of [change, ...dropped]) each.refused?.();
      }
    }
    running = null;
  }

  return {
    apply(change) {
      const last = waiting[waiting.length - 1];
      if (change.key !== undefined && last?.key === change.key) waiting[waiting.length - 1] = change;
      else waiting.push(change);
      show(change.next);
      running ??= drain();
    },
    get confirmed() {
      return confirmed;
    },
    get busy() {
      return running !== null;
    },
    settled() {
      return running ?? Promise.resolve();
    },
  };
}
