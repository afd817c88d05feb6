import { describe, expect, it } from "vitest";

import { noticeText } from "./plural";
import { afterSync, describe as describeStatus, INITIAL, retryDelay, type SyncStatus } from "./status";
import type { SyncReport } from "./sync";

const ok = (sent: number, acknowledged = sent): SyncReport => ({ sent, acknowledged, conflicts: [], failure: null });
const unreachable: SyncReport = { sent: 2, acknowledged: 0, conflicts: [], failure: { offline: true, message: "no network" } };
const refused: SyncReport = { sent: 2, acknowledged: 0, conflicts: [], failure: { offline: false, message: "try again later" } };

function line(status: SyncStatus): string | null {
  const notice = describeStatus(status);
  return notice && noticeText(notice, "en");
}

describe("the sync status", () => {
  it("is offline with how many reviews wait, the held one included", () => {
    expect(line(afterSync(INITIAL, unreachable, 3, 2))).toBe("Offline — 3 reviews will sync when you are back");
    expect(line({ ...INITIAL, offline: true, queued: 1 })).toBe("Offline — 1 review will sync when you are back");
    expect(line({ ...INITIAL, offline: true })).toBe("Offline — you can go on with the cards already loaded");
  });

  it("tells the server's message when it refused the reviews", () => {
    expect(line(afterSync(INITIAL, refused, 2, 2))).toBe("2 reviews could not be saved yet (try again later); they will be sent again.");
  });

  it("says all reviews synced once the queue empties", () => {
    const offline = afterSync(INITIAL, unreachable, 2, 2);
    expect(line(afterSync(offline, ok(2), 0, 0))).toBe("All reviews synced");
    expect(line(afterSync(INITIAL, ok(1), 1, 0))).toBe("All reviews synced");
  });

  it("says nothing before anything was sent", () => {
    expect(line(afterSync(INITIAL, ok(0), 1, 0))).toBeNull();
  });

  it("learns nothing of the connection from a sync that sent nothing", () => {
    const offline = afterSync(INITIAL, unreachable, 2, 2);
    expect(afterSync(offline, ok(0), 2, 0).offline).toBe(true);
  });

  it("keeps what the server said of reviews it would not apply", () => {
    const dropped = afterSync(INITIAL, { ...ok(1), conflicts: ["not in your deck"] }, 0, 0);
    expect(dropped.dropped).toEqual(["not in your deck"]);
    expect(afterSync(dropped, ok(1), 0, 0).dropped).toEqual(["not in your deck"]);
  });
});

describe("retrying a failed sync", () => {
  it("waits twice as long after each failure, from 2 seconds up to a minute", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelay)).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
  });
});
