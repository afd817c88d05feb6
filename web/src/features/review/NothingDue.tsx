// The empty state: nothing to review now, when the next cards are due, and where new cards come from.
import type { Ref } from "preact";
import { Link } from "wouter-preact";

import { t } from "../../i18n";
import { Empty } from "../../ui/load";
import { noticeText, type Notice } from "./plural";

/** Where scenarios are found to play, and where documents are imported (their pages' routes). */
const PLAY_HREF = "/discover";
const IMPORT_HREF = "/documents";

export function NothingDue({ notice, headingRef, onCheck }: { notice: Notice; headingRef: Ref<HTMLHeadingElement>; onCheck: () => void }) {
  return (
    <Empty>
      <h2 tabIndex={-1} ref={headingRef}>
        {t("review.empty.title")}
      </h2>
      <p>{noticeText(notice)}</p>
      <p>{t("review.empty.more")}</p>
      <ul class="review-links">
        <li>
          <Link href={PLAY_HREF}>{t("review.empty.play")}</Link>
        </li>
        <li>
          <Link href={IMPORT_HREF}>{t("review.empty.import")}</Link>
        </li>
      </ul>
      <button type="button" onClick={onCheck}>
        {t("review.empty.check")}
      </button>
    </Empty>
  );
}
