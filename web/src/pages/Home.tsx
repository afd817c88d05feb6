import { Link } from "wouter-preact";

import { api } from "../api/client";
import { t } from "../i18n";
import { Shown, useLoad } from "../ui/load";

/** The signed-in learner's start page: who they are, their level and streak, and what to do next
 * (with the cards waiting for review counted, so the most useful next step is visible). */
export function Home() {
  const [me, retry] = useLoad(() => api.GET("/api/v1/me"), []);
  const [standing] = useLoad(() => api.GET("/api/v1/gamification"), []);
  const [due] = useLoad(() => api.GET("/api/v1/review/due", { params: { query: { limit: 1 } } }), []);
  return (
    <main>
      <Shown load={me} retry={retry}>
        {(learner) => <h1>{t("home.welcome", { name: learner.display_name })}</h1>}
      </Shown>
      {standing.state === "ready" && (
        <p>
          {t("home.level", { level: standing.data.level ?? 1, xp: standing.data.xp ?? 0 })} ·{" "}
          {t("home.streak", { days: standing.data.streak?.current ?? 0 })}
        </p>
      )}
      <h2>{t("home.next")}</h2>
      <ul class="home-next">
        <li>
          <Link href="/review">
            {due.state === "ready" ? t("home.review", { count: due.data.total_due }) : t("home.reviewAny")}
          </Link>
        </li>
        <li>
          <Link href="/discover">{t("home.discover")}</Link>
        </li>
        <li>
          <Link href="/documents">{t("home.import")}</Link>
        </li>
        <li>
          <Link href="/dashboard">{t("home.progress")}</Link>
        </li>
      </ul>
    </main>
  );
}
