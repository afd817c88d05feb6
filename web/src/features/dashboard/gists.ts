// What each chart shows, in one sentence: the accessible name of its picture, so a reader who
// cannot see it still gets the point (the numbers themselves are in the table beside it).
import type { components } from "../../api/schema";
import { t, type Locale } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import { dayLabel } from "./dates";
import { formatNumber, formatPercent } from "./format";

type Bin = components["schemas"]["parla__gateway__dashboard_schemas__CalibrationBinOut"];
type SkillDay = components["schemas"]["SkillDayOut"];

export interface DayValue {
  day: string;
  value: number;
}

/** The total, and the day with the most (the earliest of equals); none when every day is zero. */
export function busiest(rows: DayValue[]): { total: number; top: DayValue | null } {
  let total = 0;
  let top: DayValue | null = null;
  for (const row of rows) {
    total += row.value;
    if (row.value > 0 && (top === null || row.value > top.value)) top = row;
  }
  return { total, top };
}

export function barsGist(metric: MessageKey, rows: DayValue[], lang: Locale): string {
  const { total, top } = busiest(rows);
  const name = t(metric, {}, lang);
  if (!top) return t("dashboard.gist.barsNone", { metric: name, days: rows.length }, lang);
  return t(
    "dashboard.gist.bars",
    { metric: name, days: rows.length, total: formatNumber(total, lang), day: dayLabel(top.day, lang), most: formatNumber(top.value, lang) },
    lang,
  );
}

export function skillGist(skill: string, days: SkillDay[], period: number, lang: Locale): string {
  if (days.length === 0) return t("dashboard.gist.skillNone", { skill, days: period }, lang);
  const means = days.map((day) => day.mean ?? 0);
  return t(
    "dashboard.gist.skill",
    { skill, days: period, low: formatNumber(Math.min(...means), lang), high: formatNumber(Math.max(...means), lang), count: days.length },
    lang,
  );
}

/** Predicted and actual recall over every bin, each bin weighted by its reviews so that a bin
 * of two reviews does not count as much as one of two hundred; null without reviews. */
export function calibrationMeans(bins: Bin[]): { predicted: number; actual: number; reviews: number } | null {
  const reviews = bins.reduce((sum, bin) => sum + (bin.reviews ?? 0), 0);
  if (reviews === 0) return null;
  const mean = (pick: (bin: Bin) => number) => bins.reduce((sum, bin) => sum + (bin.reviews ?? 0) * pick(bin), 0) / reviews;
  return { predicted: mean((bin) => bin.predicted ?? 0), actual: mean((bin) => bin.actual ?? 0), reviews };
}

export function calibrationGist(bins: Bin[], lang: Locale): string {
  const means = calibrationMeans(bins);
  if (!means) return t("dashboard.calibration.none", {}, lang);
  return t(
    "dashboard.gist.calibration",
    { reviews: formatNumber(means.reviews, lang), actual: formatPercent(means.actual, lang), predicted: formatPercent(means.predicted, lang) },
    lang,
  );
}

export function retentionGist(actual: number, reviews: number, desired: number | null, period: number, lang: Locale): string {
  const params = { actual: formatPercent(actual, lang), reviews: formatNumber(reviews, lang), days: period };
  if (desired === null) return t("dashboard.gist.retentionAlone", params, lang);
  return t("dashboard.gist.retention", { ...params, desired: formatPercent(desired, lang) }, lang);
}
