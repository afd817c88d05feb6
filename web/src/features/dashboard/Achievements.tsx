// Every achievement: the ones earned, newest first, with their day, and the ones still ahead.
import type { components } from "../../api/schema";
import { locale, t } from "../../i18n";
import { achievementWords } from "./achievementWords";
import { momentDay } from "./dates";
import { sortAchievements } from "./level";

type Achievement = components["schemas"]["AchievementOut"];

function Item({ achievement }: { achievement: Achievement }) {
  const { title, description } = achievementWords(achievement);
  return (
    <li class={achievement.unlocked_at ? "dashboard-achievement" : "dashboard-achievement dashboard-locked"}>
      <strong>{title}</strong>
      <span>{description}</span>
      {achievement.unlocked_at && <span class="hint">{t("dashboard.achievements.on", { date: momentDay(achievement.unlocked_at, locale.value) })}</span>}
    </li>
  );
}

export function Achievements({ achievements }: { achievements: Achievement[] }) {
  const { unlocked, locked } = sortAchievements(achievements);
  return (
    <section aria-labelledby="dashboard-achievements">
      <h2 id="dashboard-achievements">{t("dashboard.achievements.title")}</h2>
      <p>{t("dashboard.achievements.count", { unlocked: unlocked.length, total: achievements.length })}</p>
      <h3>{t("dashboard.achievements.unlocked")}</h3>
      {unlocked.length ? (
        <ul class="dashboard-achievements">
          {unlocked.map((achievement) => (
            <Item achievement={achievement} />
          ))}
        </ul>
      ) : (
        <p>{t("dashboard.achievements.noneYet")}</p>
      )}
      {locked.length > 0 && (
        <>
          <h3>{t("dashboard.achievements.locked")}</h3>
          <ul class="dashboard-achievements">
            {locked.map((achievement) => (
              <Item achievement={achievement} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
