import { useEffect, useState } from "preact/hooks";

import { api } from "../api/client";
import type { components } from "../api/schema";
import { t } from "../i18n";
import { problem } from "./problem";

type Me = components["schemas"]["UserOut"];
type Standing = components["schemas"]["GamificationOut"];

/** The signed-in learner's start page: who they are, their level and streak. */
export function Home() {
  const [me, setMe] = useState<Me | null>(null);
  const [standing, setStanding] = useState<Standing | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([api.GET("/api/v1/me"), api.GET("/api/v1/gamification")])
      .then(([mine, game]) => {
        if (mine.data) setMe(mine.data);
        else setError(problem(mine.error));
        if (game.data) setStanding(game.data);
      })
      .catch(() => setError(t("error.network")));
  }, []);

  if (error) return <p role="alert" class="error">{error}</p>;
  if (!me) return <p aria-busy="true">{t("loading")}</p>;
  return (
    <main>
      <h1>{t("home.welcome", { name: me.display_name })}</h1>
      {standing && (
        <p>
          {t("home.level", { level: standing.level ?? 1, xp: standing.xp ?? 0 })} ·{" "}
          {t("home.streak", { days: standing.streak?.current ?? 0 })}
        </p>
      )}
    </main>
  );
}
