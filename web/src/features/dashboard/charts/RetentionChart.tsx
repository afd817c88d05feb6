// True retention (the share of learned cards recalled) as a bar, against the retention the
// learner asked for as a dashed mark: the gap between them is the point of the picture.
import { locale, t } from "../../../i18n";
import { formatNumber, formatPercent } from "../format";
import { retentionGist } from "../gists";
import { linear, tenth } from "../scale";
import { Numbers } from "./Numbers";

const WIDTH = 320;
const HEIGHT = 64;
const TRACK = { left: 12, right: WIDTH - 12, top: 14, height: 18 };

export function RetentionChart({ actual, reviews, desired, period }: { actual: number; reviews: number; desired: number | null; period: number }) {
  const lang = locale.value;
  const x = linear([0, 1], [TRACK.left, TRACK.right]);
  const title = t("dashboard.retention.title");
  const rows = [
    [t("dashboard.retention.actual"), formatPercent(actual, lang)],
    ...(desired === null ? [] : [[t("dashboard.retention.desired"), formatPercent(desired, lang)]]),
    [t("dashboard.retention.reviews"), formatNumber(reviews, lang)],
  ];
  return (
    <div class="dashboard-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={retentionGist(actual, reviews, desired, period, lang)}>
        <rect x={TRACK.left} y={TRACK.top} width={TRACK.right - TRACK.left} height={TRACK.height} class="dashboard-track" />
        <rect x={TRACK.left} y={TRACK.top} width={tenth(x(actual) - TRACK.left)} height={TRACK.height} class="dashboard-bar" />
        {desired !== null && <line x1={x(desired)} x2={x(desired)} y1={TRACK.top - 8} y2={TRACK.top + TRACK.height + 8} class="dashboard-target" />}
        <text x={TRACK.left} y={HEIGHT - 6} text-anchor="start">
          {formatPercent(0, lang)}
        </text>
        <text x={TRACK.right} y={HEIGHT - 6} text-anchor="end">
          {formatPercent(1, lang)}
        </text>
      </svg>
      <ul class="dashboard-legend">
        <li>
          <span class="dashboard-swatch dashboard-swatch-bar" aria-hidden="true" />
          {t("dashboard.retention.actual")}: {formatPercent(actual, lang)}
        </li>
        {desired !== null && (
          <li>
            <span class="dashboard-swatch dashboard-swatch-target" aria-hidden="true" />
            {t("dashboard.retention.desired")}: {formatPercent(desired, lang)}
          </li>
        )}
      </ul>
      <Numbers chart={title} head={[t("dashboard.table.measure"), t("dashboard.table.value")]} rows={rows} />
    </div>
  );
}
