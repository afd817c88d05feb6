// The dashboard's answer shaped for its charts: every day of the period, one value a day per
// metric, each skill's points, and whether there is anything to show at all.
import type { components } from "../../api/schema";
import { daysBetween, fillDays } from "./dates";
import type { DayValue } from "./gists";
import { linear, type Box, type Point } from "./scale";

type Board = components["schemas"]["DashboardOut"];
type Day = components["schemas"]["DayOut"];
type SkillDay = components["schemas"]["SkillDayOut"];
type Bin = components["schemas"]["parla__gateway__dashboard_schemas__CalibrationBinOut"];

export const METRICS = ["minutes", "reviews", "xp"] as const;
export type Metric = (typeof METRICS)[number];

/** One metric on every day of ``period``, quiet days as zero. */
export function metricRows(period: string[], days: Day[], metric: Metric): DayValue[] {
  return fillDays<Day>(period, days, (day) => ({ day })).map((row) => ({ day: row.day, value: row[metric] ?? 0 }));
}

/** Where the period's ``index``th day sits across ``box``: its first day at the left edge, its
 * last at the right. */
export function periodScale(period: string[], box: Box): (index: number) => number {
  return linear([0, period.length - 1], [box.left, box.left + box.width]);
}

/** A skill's days placed across ``box``: by date along the period (days without a signal leave a
 * gap in spacing, not a fake zero), by score from 0 at the bottom to 100 at the top. */
export function skillPoints(days: SkillDay[], period: string[], box: Box): Point[] {
  const x = periodScale(period, box);
  const y = linear([0, 100], [box.top + box.height, box.top]);
  return days
    .filter((day) => period.includes(day.day))
    .map((day) => ({ x: x(daysBetween(period[0], day.day)), y: y(day.mean ?? 0) }));
}

/** The bins that have reviews, in order of prediction, each placed by predicted recall across
 * ``box`` and actual recall up it (both 0 to 1): on the diagonal, prediction and recall agree. */
export function calibrationPoints(bins: Bin[], box: Box): (Point & { bin: Bin })[] {
  const x = linear([0, 1], [box.left, box.left + box.width]);
  const y = linear([0, 1], [box.top + box.height, box.top]);
  return bins
    .filter((bin) => (bin.reviews ?? 0) > 0)
    .sort((a, b) => a.bin - b.bin)
    .map((bin) => ({ x: x(bin.predicted ?? 0), y: y(bin.actual ?? 0), bin }));
}

/** Nothing learned yet that the dashboard could show: no day, no skill, no recall, no weak area
 * and nothing to compare. A learner in that state is told how to begin rather than shown empty
 * charts. */
export function isEmptyBoard(board: Board): boolean {
  const lists = [board.days, board.missed_words, board.grammar_points, board.weak_categories, board.effective, board.retention?.calibration];
  return (
    lists.every((list) => (list ?? []).length === 0) &&
    (board.skills ?? []).every((skill) => skill.level === null || skill.level === undefined) &&
    (board.retention?.reviews ?? 0) === 0
  );
}
