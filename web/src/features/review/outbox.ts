// The sync loop: the learner's queue of reviews, sent after each rating, when the browser comes
// back online, and again after a failure (waiting longer each time); with the status the page shows.
import { signal, type Signal } from "@preact/signals";

import { t } from "../../i18n";
import { sendReviews } from "./api";
import { openQueue, type ReviewQueue } from "./queue";
import { afterSync, INITIAL, retryDelay, type SyncStatus } from "./status";
import { createSync, type Sync, type SyncReport } from "./sync";

export interface Outbox {
  queue: ReviewQueue;
  status: Signal<SyncStatus>;
  /** Sends what is queued now, and tells how it went in ``status``. */
  kick(): Promise<void>;
  /** Another request told whether the server can be reached: a failure counts as offline. */
  reachable(ok: boolean): void;
  /** Stops listening and retrying (a sync under way still finishes). */
  stop(): void;
}

// One queue and one sync per learner for the page's whole life: two review pages mounted one
// after the other must not run two syncs side by side over the same queue.
const shared = new Map<string, Promise<{ queue: ReviewQueue; sync: Sync }>>();

function sharedSync(name: string): Promise<{ queue: ReviewQueue; sync: Sync }> {
  let found = shared.get(name);
  if (!found) {
    found = openQueue(name).then((queue) => ({ queue, sync: createSync(queue, sendReviews) }));
    found.catch(() => shared.delete(name));
    shared.set(name, found);
  }
  return found;
}

function browserOnline(): boolean {
  return globalThis.navigator?.onLine ?? true;
}

export async function openOutbox(name: string): Promise<Outbox> {
  const { queue, sync } = await sharedSync(name);
  const status = signal<SyncStatus>({ ...INITIAL, offline: !browserOnline() });
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function retryLater() {
    clearTimeout(timer);
    failures += 1;
    if (!stopped && browserOnline()) timer = setTimeout(kick, retryDelay(failures));
  }

  async function settle(report: SyncReport) {
    const all = await queue.all();
    status.value = afterSync(status.value, report, all.length, all.filter((review) => !review.held).length);
    if (report.failure) retryLater();
    else failures = 0;
  }

  async function kick() {
    clearTimeout(timer);
    if (!browserOnline()) {
      await settle({ sent: 0, acknowledged: 0, conflicts: [], failure: { offline: true, message: t("error.network") } });
      return;
    }
    const report = await sync.run().catch(() => ({ sent: 0, acknowledged: 0, conflicts: [], failure: { offline: false, message: t("error.unknown") } }));
    await settle(report);
  }

  const online = () => {
    failures = 0;
    status.value = { ...status.value, offline: false };
    void kick();
  };
  const offline = () => {
    clearTimeout(timer);
    status.value = { ...status.value, offline: true, synced: false };
  };
  globalThis.addEventListener?.("online", online);
  globalThis.addEventListener?.("offline", offline);

  return {
    queue,
    status,
    kick,
    reachable(ok) {
      if (ok && status.value.offline && browserOnline()) {
        status.value = { ...status.value, offline: false };
        void kick();
      }
      if (!ok && !status.value.offline) {
        status.value = { ...status.value, offline: true, synced: false };
        retryLater();
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.("online", online);
      globalThis.removeEventListener?.("offline", offline);
    },
  };
}
