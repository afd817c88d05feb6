// The learner's AI budget in words and numbers: the alert level said in words (never by colour
// alone), amounts in the interface's language, and the settings form's values.
import type { components } from "../../../api/schema";
import { t, type Locale } from "../../../i18n";

export type Budget = components["schemas"]["BudgetOut"];
export type Level = Budget["level"];
export type Settings = components["schemas"]["MyBudgetIn"];
export type Period = NonNullable<Settings["period"]>;

export const PERIODS: Period[] = ["monthly", "weekly", "daily", "custom"];

/** The highest alert threshold (a percentage of the limit) that ``percent`` has reached. */
export function crossedThreshold(percent: number, thresholds: number[]): number | null {
  const reached = thresholds.filter((threshold) => percent >= threshold);
  return reached.length ? Math.max(...reached) : null;
}

/** The lowest alert threshold ``percent`` has not reached yet. */
export function nextThreshold(percent: number, thresholds: number[]): number | null {
  const ahead = thresholds.filter((threshold) => percent < threshold);
  return ahead.length ? Math.min(...ahead) : null;
}

/** The alert level in words, with the threshold behind it: "Yellow: you have used 50% or more of
 * your limit." A colour alone would tell nothing to someone who cannot see it. */
export function alertText(budget: Pick<Budget, "level" | "percent_used" | "thresholds">, lang?: Locale): string {
  const name = t(`authoring.budget.level.${budget.level}`, {}, lang);
  const crossed = crossedThreshold(budget.percent_used, budget.thresholds);
  if (budget.level === "green" || crossed === null) {
    const next = nextThreshold(budget.percent_used, budget.thresholds);
    return next === null ? t("authoring.budget.alert.calm", { level: name }, lang) : t("authoring.budget.alert.below", { level: name, percent: next }, lang);
  }
  return t("authoring.budget.alert.past", { level: name, percent: crossed }, lang);
}

/** ``amount`` of US dollars as the interface's language writes money. */
export function money(amount: number, lang: Locale): string {
  return new Intl.NumberFormat(lang, { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: amount !== 0 && Math.abs(amount) < 0.01 ? 4 : 2 }).format(amount);
}

/** A percentage as the interface's language writes it, with at most one decimal. */
export function percent(value: number, lang: Locale): string {
  return new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
}

/** What the meter shows: the share of the limit spent (full past it), its warning zone starting
 * at the first threshold and its danger zone at the last below 100 %. */
export function meterOf(budget: Pick<Budget, "percent_used" | "thresholds">): { value: number; low: number; high: number } {
  const sorted = [...budget.thresholds].filter((threshold) => threshold > 0 && threshold <= 100).sort((a, b) => a - b);
  const low = sorted[0] ?? 50;
  const high = sorted.length > 1 ? sorted[sorted.length - 2] : 90;
  return { value: Math.min(Math.max(budget.percent_used, 0), 100), low, high: Math.max(high, low) };
}

/** The settings form as typed: numbers stay text until sent, so an emptied field is not a 0. */
export interface SettingsForm {
  limit: string;
  period: Period;
  customDays: string;
}

export function formOf(budget: Pick<Budget, "limit_usd" | "period" | "custom_days">): SettingsForm {
  const period = (PERIODS as string[]).includes(budget.period) ? (budget.period as Period) : "monthly";
  return { limit: String(budget.limit_usd), period, customDays: String(budget.custom_days || "") };
}

/** The body of PUT /me/budget. A blank or unreadable number is sent as null (JSON's NaN), so the
 * API's own message says what it needs; the days count only for a custom period. */
export function settingsBody(form: SettingsForm): Settings {
  const number = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text));
  return { limit_usd: number(form.limit), period: form.period, custom_days: form.period === "custom" ? number(form.customDays) : 0 };
}

/** Whether the form would change the stored settings. */
export function settingsChanged(budget: Pick<Budget, "limit_usd" | "period" | "custom_days">, form: SettingsForm): boolean {
  const body = settingsBody(form);
  return body.limit_usd !== budget.limit_usd || body.period !== budget.period || (body.period === "custom" && body.custom_days !== budget.custom_days);
}
