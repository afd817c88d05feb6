// One skill over the period, 0 to 100: one of eight small charts, so each stays readable on a
// phone without telling lines apart by colour.
import type { components } from "../../../api/schema";
import { locale, t } from "../../../i18n";
import { axisIndices, dayLabel, dayWithYear } from "../dates";
import { formatNumber, trendOf } from "../format";
import { skillGist } from "../gists";
import { skillName } from "../names";
import { linePath } from "../scale";
import { periodScale, skillPoints } from "../series";
import { Axes, HEIGHT, PLOT, WIDTH } from "./Axes";
import { Numbers } from "./Numbers";

type Skill = components["schemas"]["SkillOut"];

function TrendLine({ trend }: { trend: number | null | undefined }) {
  const lang = locale.value;
  const read = trendOf(trend);
  if (read.kind === "up" || read.kind === "down") {
    const arrow = read.kind === "up" ? "▲" : "▼";
    return (
      <p class={`dashboard-trend dashboard-trend-${read.kind}`}>
        <span aria-hidden="true">{arrow} </span>
        {t(`dashboard.trend.${read.kind}`, { points: formatNumber(read.points, lang) })}
      </p>
    );
  }
  return <p class="dashboard-trend">{t(`dashboard.trend.${read.kind}`)}</p>;
}

export function SkillChart({ skill, period }: { skill: Skill; period: string[] }) {
  const lang = locale.value;
  const name = skillName(skill.skill);
  const days = (skill.days ?? []).filter((day) => period.includes(day.day));
  const hasLevel = skill.level !== null && skill.level !== undefined;
  return (
    <li class="dashboard-skill">
      <h3>{name}</h3>
      <p class="dashboard-level">{hasLevel ? t("dashboard.skill.level", { level: formatNumber(skill.level ?? 0, lang) }) : t("dashboard.skill.noData")}</p>
      {hasLevel && <TrendLine trend={skill.trend} />}
      {days.length > 0 ? <SkillPicture name={name} days={days} period={period} /> : hasLevel && <p class="muted">{skillGist(name, [], period.length, lang)}</p>}
    </li>
  );
}

function SkillPicture({ name, days, period }: { name: string; days: NonNullable<Skill["days"]>; period: string[] }) {
  const lang = locale.value;
  const points = skillPoints(days, period, PLOT);
  const x = periodScale(period, PLOT);
  const ticks = axisIndices(period.length).map((index) => ({ x: x(index), text: dayLabel(period[index], lang) }));
  return (
    <>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={skillGist(name, days, period.length, lang)}>
        <Axes box={PLOT} top={formatNumber(100, lang)} bottom={formatNumber(0, lang)} ticks={ticks} />
        <path d={linePath(points)} class="dashboard-line" />
        {points.map((point) => (
          <circle cx={point.x} cy={point.y} r={3.5} class="dashboard-marker" />
        ))}
      </svg>
      <Numbers
        chart={name}
        head={[t("dashboard.table.day"), t("dashboard.skill.score"), t("dashboard.skill.samples")]}
        rows={days.map((day) => [dayWithYear(day.day, lang), formatNumber(day.mean ?? 0, lang), formatNumber(day.samples ?? 0, lang)])}
      />
    </>
  );
}
