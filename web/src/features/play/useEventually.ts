// A value that another service produces a moment after the learner acts (the XP of a finished run,
// its cards): read it once shown, and again when the learner asks.
import { useCallback, useEffect, useState } from "preact/hooks";

export type Eventually<T> = { waiting: true } | { waiting: false; value: T };

export function useEventually<T>(read: () => Promise<T>): [Eventually<T>, () => void] {
  const [state, setState] = useState<Eventually<T>>({ waiting: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ waiting: true });
    read().then((value) => current && setState({ waiting: false, value }));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);
  return [state, useCallback(() => setRound((n) => n + 1), [])];
}
