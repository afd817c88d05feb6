// The period picker, and minutes, reviews and XP per day over that period.
import type { components } from "../../api/schema";
import { t } from "../../i18n";
import { BarChart } from "./charts/BarChart";
import { METRICS, metricRows } from "./series";

type Day = components["schemas"]["DayOut"];

export const PERIODS = [7, 30, 90] as const;
export type Period = (typeof PERIODS)[number];

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  return (
    <fieldset class="dashboard-period">
      <legend>{t("dashboard.period")}</legend>
      {PERIODS.map((period) => (
        <label class="inline">
          <input type="radio" name="dashboard-period" value={period} checked={period === value} onChange={() => onChange(period)} />
          {t("dashboard.period.days", { count: period })}
        </label>
      ))}
    </fieldset>
  );
}

export function Activity({ days, period }: { days: Day[]; period: string[] }) {
  return (
    <section aria-labelledby="dashboard-activity">
      <h2 id="dashboard-activity">{t("dashboard.activity.title")}</h2>
      {days.length === 0 && <p>{t("dashboard.activity.none", { days: period.length })}</p>}
      <p class="hint">{t("dashboard.utc")}</p>
      <div class="dashboard-charts">
        {METRICS.map((metric) => (
          <BarChart metric={`dashboard.metric.${metric}`} rows={metricRows(period, days, metric)} />
        ))}
      </div>
    </section>
  );
}
