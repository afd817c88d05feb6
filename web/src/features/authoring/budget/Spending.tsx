// This period's spending: a meter of the limit used, the alert level in words, and the period.
import { locale, t } from "../../../i18n";
import { alertText, meterOf, money, percent, type Budget } from "../model/budget";

function periodText(budget: Budget): string {
  const since = new Intl.DateTimeFormat(locale.value, { dateStyle: "long" }).format(new Date(budget.period_start));
  const period = budget.period === "custom" ? t("authoring.budget.period.customDays", { days: budget.custom_days }) : periodName(budget.period);
  return t("authoring.budget.since", { period, date: since });
}

export function periodName(period: string): string {
  return period === "monthly" || period === "weekly" || period === "daily" || period === "custom" ? t(`authoring.budget.period.${period}`) : period;
}

export function Spending({ budget }: { budget: Budget }) {
  const lang = locale.value;
  const meter = meterOf(budget);
  return (
    <section class="authoring-section" aria-labelledby="authoring-spending">
      <h2 id="authoring-spending">{t("authoring.budget.spending")}</h2>
      <label class="authoring-meter">
        {t("authoring.budget.meter")}
        <meter min={0} max={100} low={meter.low} high={meter.high} optimum={0} value={meter.value}>
          {percent(budget.percent_used, lang)}
        </meter>
      </label>
      <p class="authoring-amounts">
        {t("authoring.budget.spent", { spent: money(budget.spent_usd, lang), limit: money(budget.limit_usd, lang), percent: percent(budget.percent_used, lang) })}{" "}
        {t("authoring.budget.remaining", { remaining: money(budget.remaining_usd, lang) })}
      </p>
      <p class={`authoring-level authoring-level-${budget.level}`}>
        <span aria-hidden="true" class="authoring-dot" />
        {alertText(budget, lang)}
      </p>
      <p>{periodText(budget)}</p>
      <p class="authoring-hint">{budget.enforce ? t("authoring.budget.enforced") : t("authoring.budget.notEnforced")}</p>
      {budget.thresholds.length > 0 && (
        <p class="authoring-hint">{t("authoring.budget.thresholds", { list: budget.thresholds.map((value) => percent(value, lang)).join(", ") })}</p>
      )}
    </section>
  );
}
