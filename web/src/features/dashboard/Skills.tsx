// The eight skills, each with its level, its trend and its own small chart over the period.
import type { components } from "../../api/schema";
import { t } from "../../i18n";
import { SkillChart } from "./charts/SkillChart";

type Skill = components["schemas"]["SkillOut"];

export function Skills({ skills, period }: { skills: Skill[]; period: string[] }) {
  return (
    <section aria-labelledby="dashboard-skills">
      <h2 id="dashboard-skills">{t("dashboard.skills.title")}</h2>
      <p class="hint">{t("dashboard.skills.intro")}</p>
      <ul class="dashboard-skills">
        {skills.map((skill) => (
          <SkillChart skill={skill} period={period} />
        ))}
      </ul>
    </section>
  );
}
