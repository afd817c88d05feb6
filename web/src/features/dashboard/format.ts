// Numbers as a reader of either language expects them: grouped thousands, percentages, points
// with at most one decimal, and a trend put into words.
import type { Locale } from "../../i18n";

export function formatNumber(value: number, lang: Locale): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value);
}

/** A share from 0 to 1 as a whole percentage ("85%", "85 %"). */
export function formatPercent(share: number, lang: Locale): string {
  return new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** Which plural form a count takes in ``lang``: "one" or "other" (English and Spanish have no more). */
export function pluralForm(count: number, lang: Locale): "one" | "other" {
  return new Intl.PluralRules(lang).select(count) === "one" ? "one" : "other";
}

export type Trend = { kind: "up" | "down"; points: number } | { kind: "flat" } | { kind: "none" };

/** Under half a point either way is noise, not a trend worth an arrow. */
const STEADY = 0.5;

/** A skill's trend (the last 7 days' mean less the 23 days' before, in points) as a direction. */
export function trendOf(trend: number | null | undefined): Trend {
  if (trend === null || trend === undefined) return { kind: "none" };
  if (Math.abs(trend) < STEADY) return { kind: "flat" };
  return { kind: trend > 0 ? "up" : "down", points: Math.abs(trend) };
}

/** A change with its sign ("+12", "−3", "0"), so a loss never reads as a gain. */
export function formatSigned(value: number, lang: Locale): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(value);
}
