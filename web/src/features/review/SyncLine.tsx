// Where the learner's reviews stand: offline with how many wait, refused by the server, or all
// synced; and any review the server would not apply.
import type { Signal } from "@preact/signals";

import { t } from "../../i18n";
import { noticeText } from "./plural";
import { describe, type SyncStatus } from "./status";

export function SyncLine({ status }: { status: Signal<SyncStatus> | null }) {
  const value = status?.value;
  const notice = value ? describe(value) : null;
  const warn = Boolean(value?.offline || value?.refused);
  return (
    <>
      <p role="status" class={`review-sync${notice ? (warn ? " review-sync-warn" : " review-sync-ok") : ""}`}>
        {notice && noticeText(notice)}
      </p>
      {value && value.dropped.length > 0 && (
        <div role="alert" class="review-dropped">
          <ul>
            {value.dropped.map((message) => (
              <li>{t("review.sync.dropped", { message })}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
