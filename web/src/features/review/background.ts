// Reviews made offline reach the server when the connection returns, whatever page the learner
// is on by then, not only the next time they open /review.
import { useEffect } from "preact/hooks";

import { queueName } from "./learner";
import { openOutbox, type Outbox } from "./outbox";

/** Keeps the signed-in learner's review queue syncing for as long as the app is open: once now
 * (what an earlier visit left), and whenever the browser comes back online. An empty queue asks
 * the server nothing. */
export function useBackgroundSync(accessToken: string | null): void {
  const name = accessToken ? queueName(accessToken) : null;
  useEffect(() => {
    if (!name) return;
    let outbox: Outbox | null = null;
    let cancelled = false;
    openOutbox(name)
      .then((opened) => {
        if (cancelled) return opened.stop();
        outbox = opened;
        void opened.kick();
      })
      .catch(() => undefined); // no IndexedDB (a private window): the review page says so
    return () => {
      cancelled = true;
      outbox?.stop();
    };
  }, [name]);
}
