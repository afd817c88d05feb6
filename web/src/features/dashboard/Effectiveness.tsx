// The scenarios and documents the learner came back to, by how much the skill they train moved.
import { Link } from "wouter-preact";

import type { components } from "../../api/schema";
import { locale, t } from "../../i18n";
import { formatNumber, formatSigned } from "./format";
import { effectHref } from "./links";
import { skillName } from "./names";

type Effect = components["schemas"]["EffectOut"];

export function Effectiveness({ effects }: { effects: Effect[] }) {
  const lang = locale.value;
  return (
    <section aria-labelledby="dashboard-effect">
      <h2 id="dashboard-effect">{t("dashboard.effect.title")}</h2>
      <p class="hint">{t("dashboard.effect.intro")}</p>
      {effects.length === 0 ? (
        <p>{t("dashboard.effect.none")}</p>
      ) : (
        <ol class="dashboard-effects">
          {effects.map((effect) => (
            <li>
              <Link href={effectHref(effect)}>{effect.title || t("dashboard.effect.document")}</Link>
              <span>
                {t("dashboard.effect.line", {
                  skill: skillName(effect.skill),
                  first: formatNumber(effect.first ?? 0, lang),
                  latest: formatNumber(effect.latest ?? 0, lang),
                  gain: formatSigned(effect.gain ?? 0, lang),
                  sessions: formatNumber(effect.sessions ?? 0, lang),
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
