// How long until a card comes back, written short ("10 min", "3 d", "1.5 mo") as on the rating
// buttons, so a learner weighs "Hard" against "Good" at a glance.
import { locale, t, type Locale } from "../../i18n";
import type { MessageKey } from "../../i18n/en";
import type { Card, Interval, Rating } from "./model";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

export type IntervalUnit = "lessThanMinute" | "minutes" | "hours" | "days" | "months" | "years";

/** The unit an interval of ``seconds`` is best told in, and how many of it: whole minutes,
 * hours and days; months and years to a tenth, where a whole number would hide weeks. A value
 * that rounds up to the next unit is told in that unit ("1 h", never "60 min"). */
export function intervalParts(seconds: number): { unit: IntervalUnit; value: number } {
  const s = Math.max(0, seconds);
  if (s < MINUTE) return { unit: "lessThanMinute", value: 1 };
  const minutes = Math.round(s / MINUTE);
  if (minutes < 60) return { unit: "minutes", value: minutes };
  const hours = Math.round(s / HOUR);
  if (hours < 24) return { unit: "hours", value: hours };
  const days = Math.round(s / DAY);
  if (days < 30) return { unit: "days", value: days };
  const months = tenths(s / MONTH);
  if (months < 12) return { unit: "months", value: months };
  return { unit: "years", value: tenths(s / YEAR) };
}

function tenths(value: number): number {
  return Math.round(value * 10) / 10;
}

const UNIT_KEYS: Record<IntervalUnit, MessageKey> = {
  lessThanMinute: "review.interval.lessThanMinute",
  minutes: "review.interval.minutes",
  hours: "review.interval.hours",
  days: "review.interval.days",
  months: "review.interval.months",
  years: "review.interval.years",
};

export function intervalLabel(seconds: number, lang: Locale = locale.value): string {
  const { unit, value } = intervalParts(seconds);
  return t(UNIT_KEYS[unit], { n: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value) }, lang);
}

/** The interval ``card`` carries for ``rating``, or null when the API gave it none. Its seconds
 * count from when the API answered: the interval a rating gives hardly moves in a session's
 * minutes, so it is told as it came. */
export function intervalFor(card: Card, rating: Rating): Interval | null {
  return card.intervals?.find((interval) => interval.rating === rating) ?? null;
}
