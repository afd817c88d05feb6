// The learner's level, XP and streak: the first thing the dashboard draws, from the one request
// that answers fastest.
import type { components } from "../../api/schema";
import { locale, t } from "../../i18n";
import { formatNumber, pluralForm } from "./format";
import { levelProgress } from "./level";

type Standing = components["schemas"]["GamificationOut"];

function days(count: number): string {
  const lang = locale.value;
  return t(pluralForm(count, lang) === "one" ? "dashboard.days.one" : "dashboard.days.other", { count: formatNumber(count, lang) });
}

function Level({ standing }: { standing: Standing }) {
  const lang = locale.value;
  const progress = levelProgress(standing);
  return (
    <div class="dashboard-level-box">
      <p class="dashboard-big">{t("dashboard.level", { level: progress.level })}</p>
      <p>{t("dashboard.xp", { xp: formatNumber(progress.xp, lang) })}</p>
      <progress
        class="dashboard-progress"
        max={100}
        value={Math.round(progress.share * 100)}
        aria-label={t("dashboard.levelBar", { level: progress.level })}
      />
      {progress.top && <p>{t("dashboard.topLevel")}</p>}
      {progress.toNext !== null && <p>{t("dashboard.toNext", { xp: formatNumber(progress.toNext, lang), level: progress.level + 1 })}</p>}
    </div>
  );
}

function Streak({ streak }: { streak: NonNullable<Standing["streak"]> }) {
  const lang = locale.value;
  return (
    <div>
      <dl class="dashboard-stats">
        <div>
          <dt>{t("dashboard.streak.current")}</dt>
          <dd class="dashboard-big">{days(streak.current ?? 0)}</dd>
        </div>
        <div>
          <dt>{t("dashboard.streak.longest")}</dt>
          <dd>{days(streak.longest ?? 0)}</dd>
        </div>
        <div>
          <dt>{t("dashboard.freezes")}</dt>
          <dd>{t("dashboard.freezes.held", { count: formatNumber(streak.freezes ?? 0, lang) })}</dd>
        </div>
        <div>
          <dt>{t("dashboard.freezes.used")}</dt>
          <dd>{formatNumber(streak.freezes_used ?? 0, lang)}</dd>
        </div>
      </dl>
      <p>{t(streak.done_today ? "dashboard.streak.doneToday" : "dashboard.streak.notToday")}</p>
      <p class="hint">{t("dashboard.freezes.hint")}</p>
    </div>
  );
}

export function StandingSummary({ standing }: { standing: Standing }) {
  return (
    <div class="dashboard-standing">
      <Level standing={standing} />
      <Streak streak={standing.streak ?? {}} />
    </div>
  );
}
