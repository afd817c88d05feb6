// The dashboard's days: UTC calendar days written YYYY-MM-DD, as the API counts them (a day's sum
// must not depend on the viewer's time zone), and how they are labelled for a reader.

const DAY_MS = 86_400_000;

/** Today's UTC day, the last day of every period the API answers for. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The day ``count`` days after ``day`` (before it when negative). */
export function addDays(day: string, count: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS));
}

/** Whole days from ``from`` to ``to``. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Every day of a period of ``count`` days ending on ``last``, oldest first. */
export function periodDays(last: string, count: number): string[] {
  return Array.from({ length: Math.max(0, count) }, (_, index) => addDays(last, index - count + 1));
}

/** ``rows`` laid over every day of ``period``: the API lists only days with activity, while a
 * bar chart needs the quiet days too, as zeros. Rows outside the period are left out. */
export function fillDays<Row extends { day: string }>(period: string[], rows: Row[], empty: (day: string) => Row): Row[] {
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return period.map((day) => byDay.get(day) ?? empty(day));
}

/** A short label for a day in the reader's language ("Mar 5", "5 mar"), read in UTC so that the
 * day shown is the day counted. */
export function dayLabel(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** A day with its year, for tables and screen readers ("Mar 5, 2026"). */
export function dayWithYear(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** Which of ``count`` days an axis names: the first and the last, and the middle one between. */
export function axisIndices(count: number): number[] {
  if (count <= 2) return Array.from({ length: Math.max(0, count) }, (_, index) => index);
  return [0, Math.floor((count - 1) / 2), count - 1];
}

/** The reader's own calendar day of a moment (an achievement's unlocking, say). */
export function momentDay(moment: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(moment));
}
