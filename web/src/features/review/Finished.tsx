// The end of a session: how many cards were reviewed and the share recalled.
import type { Ref } from "preact";

import { locale, t } from "../../i18n";
import { tn } from "./plural";
import type { Summary } from "./session";

export function Finished({ summary, headingRef, onAgain }: { summary: Summary; headingRef: Ref<HTMLHeadingElement>; onAgain: () => void }) {
  const share = summary.share === null ? null : new Intl.NumberFormat(locale.value, { style: "percent" }).format(summary.share);
  return (
    <section class="review-done" aria-labelledby="review-done-title">
      <h2 id="review-done-title" tabIndex={-1} ref={headingRef}>
        {t("review.done.title")}
      </h2>
      <p>{tn("review.done.reviewed", summary.reviewed)}</p>
      {share !== null && <p>{t("review.done.recalled", { share })}</p>}
      <button type="button" onClick={onAgain}>
        {t("review.done.again")}
      </button>
    </section>
  );
}
