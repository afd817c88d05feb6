// A value that another service produces a moment after the learner acts (the XP of a finished run,
// its cards): read it once shown, and again when the learner asks.
import { useCallback, useEffect, useState } from "preact/hooks";

/** ``asked``: the learner asked again, so the control they asked with is still on the page. */
export type Eventually<T> = { waiting: true; asked: boolean } | { waiting: false; value: T };

/** ``read`` is given the round (0 when shown, then one more each time the learner asks) and a
 * signal aborted once its answer is no longer wanted (the page was left, or asked again). */
export function useEventually<T>(read: (round: number, signal: AbortSignal) => Promise<T>): [Eventually<T>, () => void] {
  const [state, setState] = useState<Eventually<T>>({ waiting: true, asked: false });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const wanted = new AbortController();
    setState({ waiting: true, asked: round > 0 });
    read(round, wanted.signal).then((value) => !wanted.signal.aborted && setState({ waiting: false, value }));
    return () => wanted.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);
  return [state, useCallback(() => setRound((n) => n + 1), [])];
}
