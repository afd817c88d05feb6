// How well the learner remembers: cards due today, true retention against their target, and how
// well predicted recall matched what they recalled.
import { Link } from "wouter-preact";

import type { components } from "../../api/schema";
import { locale, t } from "../../i18n";
import { Failure, type Load } from "../../ui/load";
import { CalibrationChart } from "./charts/CalibrationChart";
import { RetentionChart } from "./charts/RetentionChart";
import { formatNumber } from "./format";
import { REVIEW_HREF } from "./links";

type Retention = components["schemas"]["RetentionOut"];
type Stats = components["schemas"]["ReviewStatsOut"];

/** The review statistics add the target and what is due; without them the rest still shows. */
function DueToday({ stats, retry }: { stats: Load<Stats>; retry: () => void }) {
  if (stats.state === "failed") return <Failure message={stats.message} retry={retry} />;
  if (stats.state === "loading") return null;
  return (
    <p>
      {t("dashboard.due", { count: formatNumber(stats.data.due_today, locale.value) })}{" "}
      {stats.data.due_today > 0 && <Link href={REVIEW_HREF}>{t("dashboard.due.review")}</Link>}
    </p>
  );
}

export function Memory({ retention, stats, retryStats, period }: { retention: Retention; stats: Load<Stats>; retryStats: () => void; period: number }) {
  const actual = retention.true_retention;
  const desired = stats.state === "ready" ? stats.data.desired_retention : null;
  return (
    <section aria-labelledby="dashboard-memory">
      <h2 id="dashboard-memory">{t("dashboard.memory.title")}</h2>
      <DueToday stats={stats} retry={retryStats} />
      <h3>{t("dashboard.retention.title")}</h3>
      {actual === null || actual === undefined ? (
        <p>
          {t("dashboard.retention.none", { days: period })} <Link href={REVIEW_HREF}>{t("dashboard.new.review")}</Link>
        </p>
      ) : (
        <RetentionChart actual={actual} reviews={retention.reviews ?? 0} desired={desired} period={period} />
      )}
      <h3>{t("dashboard.calibration.title")}</h3>
      {(retention.calibration ?? []).some((bin) => (bin.reviews ?? 0) > 0) ? (
        <CalibrationChart bins={retention.calibration ?? []} />
      ) : (
        <p>{t("dashboard.calibration.none")}</p>
      )}
    </section>
  );
}
