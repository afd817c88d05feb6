// Predicted recall against actual recall, one point per band of prediction, with the diagonal
// where they would agree: points above it were remembered better than predicted.
import type { components } from "../../../api/schema";
import { locale, t } from "../../../i18n";
import { formatNumber, formatPercent } from "../format";
import { calibrationGist } from "../gists";
import { linePath, type Box } from "../scale";
import { calibrationPoints } from "../series";
import { Numbers } from "./Numbers";

type Bin = components["schemas"]["parla__gateway__dashboard_schemas__CalibrationBinOut"];

const WIDTH = 260;
const HEIGHT = 250;
const PLOT: Box = { left: 44, top: 10, width: 200, height: 200 };

function band(bin: number, lang: typeof locale.value): string {
  return `${formatPercent(bin / 10, lang)}–${formatPercent((bin + 1) / 10, lang)}`;
}

export function CalibrationChart({ bins }: { bins: Bin[] }) {
  const lang = locale.value;
  const points = calibrationPoints(bins, PLOT);
  const title = t("dashboard.calibration.title");
  const right = PLOT.left + PLOT.width;
  const base = PLOT.top + PLOT.height;
  return (
    <div class="dashboard-chart dashboard-calibration">
      <p class="hint">{t("dashboard.calibration.intro")}</p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={calibrationGist(bins, lang)}>
        <rect x={PLOT.left} y={PLOT.top} width={PLOT.width} height={PLOT.height} class="dashboard-frame" />
        <line x1={PLOT.left} y1={base} x2={right} y2={PLOT.top} class="dashboard-diagonal" />
        <path d={linePath(points)} class="dashboard-line" />
        {points.map((point) => (
          <circle cx={point.x} cy={point.y} r={4} class="dashboard-marker" />
        ))}
        <g class="dashboard-axes">
          <text x={PLOT.left} y={base + 14} text-anchor="start">{formatPercent(0, lang)}</text>
          <text x={right} y={base + 14} text-anchor="end">{formatPercent(1, lang)}</text>
          <text x={PLOT.left + PLOT.width / 2} y={base + 30} text-anchor="middle">{t("dashboard.calibration.predicted")}</text>
          <text x={PLOT.left - 4} y={base} text-anchor="end">{formatPercent(0, lang)}</text>
          <text x={PLOT.left - 4} y={PLOT.top + 8} text-anchor="end">{formatPercent(1, lang)}</text>
          <text transform={`translate(12 ${PLOT.top + PLOT.height / 2}) rotate(-90)`} text-anchor="middle">{t("dashboard.calibration.actual")}</text>
        </g>
      </svg>
      <Numbers
        chart={title}
        head={[t("dashboard.calibration.range"), t("dashboard.calibration.reviews"), t("dashboard.calibration.predicted"), t("dashboard.calibration.actual")]}
        rows={points.map(({ bin }) => [band(bin.bin, lang), formatNumber(bin.reviews ?? 0, lang), formatPercent(bin.predicted ?? 0, lang), formatPercent(bin.actual ?? 0, lang)])}
      />
    </div>
  );
}
