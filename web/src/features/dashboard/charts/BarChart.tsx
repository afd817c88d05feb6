// One value a day over the chosen period, as bars.
import { locale, t } from "../../../i18n";
import type { MessageKey } from "../../../i18n/en";
import { axisIndices, dayLabel, dayWithYear } from "../dates";
import { formatNumber } from "../format";
import { barsGist, type DayValue } from "../gists";
import { bars, niceMax, slotCentre } from "../scale";
import { Axes, HEIGHT, PLOT, WIDTH } from "./Axes";
import { Numbers } from "./Numbers";

export function BarChart({ metric, rows }: { metric: MessageKey; rows: DayValue[] }) {
  const lang = locale.value;
  const title = t(metric);
  const max = niceMax(Math.max(0, ...rows.map((row) => row.value)));
  const shapes = bars(rows.map((row) => row.value), PLOT, max);
  const ticks = axisIndices(rows.length).map((index) => ({
    x: slotCentre(index, rows.length, PLOT),
    text: dayLabel(rows[index].day, lang),
  }));
  return (
    <div class="dashboard-chart">
      <h3>{title}</h3>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={barsGist(metric, rows, lang)}>
        <Axes box={PLOT} top={formatNumber(max, lang)} bottom={formatNumber(0, lang)} ticks={ticks} />
        {shapes
          .filter((bar) => bar.height > 0)
          .map((bar) => (
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} class="dashboard-bar" />
          ))}
      </svg>
      <Numbers
        chart={title}
        head={[t("dashboard.table.day"), title]}
        rows={rows.map((row) => [dayWithYear(row.day, lang), formatNumber(row.value, lang)])}
      />
    </div>
  );
}
