// Reading the learner's standing: how far through their level they are, and what their streak
// and place on a board amount to.
import type { components } from "../../api/schema";

type Standing = components["schemas"]["GamificationOut"];
type Achievement = components["schemas"]["AchievementOut"];

export const TOP_LEVEL = 100;

export interface LevelProgress {
  level: number;
  xp: number;
  /** Whether the learner is at the top level, past which there is nothing to earn. */
  top: boolean;
  /** XP still to earn for the next level; null when there is no next level to name. */
  toNext: number | null;
  /** The share of this level's span already earned, 0 to 1 (1 at the top level). */
  share: number;
}

/** How far the learner is through their level. ``next_level_xp`` is 0 at the top level; below it
 * a 0 means the answer did not say, which names no goal rather than a false one. A span that is
 * empty or inverted counts as complete rather than dividing by zero. */
export function levelProgress(standing: Standing): LevelProgress {
  const level = standing.level ?? 1;
  const xp = standing.xp ?? 0;
  const start = standing.level_xp ?? 0;
  const next = standing.next_level_xp ?? 0;
  const top = level >= TOP_LEVEL;
  if (top || next <= 0) return { level, xp, top, toNext: null, share: top ? 1 : 0 };
  const span = next - start;
  const toNext = Math.max(0, next - xp);
  const share = span > 0 ? Math.min(1, Math.max(0, (xp - start) / span)) : 1;
  return { level, xp, top, toNext, share };
}

/** Unlocked achievements first, newest first; then the locked ones in the API's order, which
 * keeps their catalogue order. */
export function sortAchievements(achievements: Achievement[]): { unlocked: Achievement[]; locked: Achievement[] } {
  const unlocked = achievements
    .filter((a) => a.unlocked_at)
    .sort((a, b) => Date.parse(b.unlocked_at ?? "") - Date.parse(a.unlocked_at ?? ""));
  return { unlocked, locked: achievements.filter((a) => !a.unlocked_at) };
}

export type Place =
  | { kind: "ranked"; rank: number; xp: number }
  | { kind: "far"; xp: number }
  | { kind: "hidden" }
  | { kind: "absent" };

/** The learner's place on a board: ranked; beyond the first 1,000 (the API's rank 0); not shown
 * because they chose not to appear; or not on it yet (no XP in that language this week). */
export function placeOf(you: { rank: number; xp?: number } | null | undefined, optedIn: boolean): Place {
  if (!optedIn) return { kind: "hidden" };
  if (!you) return { kind: "absent" };
  if (you.rank <= 0) return { kind: "far", xp: you.xp ?? 0 };
  return { kind: "ranked", rank: you.rank, xp: you.xp ?? 0 };
}
