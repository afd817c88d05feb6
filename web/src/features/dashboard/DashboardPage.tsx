// /dashboard: the learner's progress. Each request draws its own part as soon as it answers
// (level and streak first), so the page never waits for the slowest.
import { Link } from "wouter-preact";
import { useRef, useState } from "preact/hooks";

import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { t } from "../../i18n";
import { Empty, Failure, Loading, Shown, useLoad, type Load } from "../../ui/load";
import { Achievements } from "./Achievements";
import { Activity, PeriodPicker, type Period } from "./Activity";
import { Effectiveness } from "./Effectiveness";
import { Leaderboard } from "./Leaderboard";
import { Memory } from "./Memory";
import { Skills } from "./Skills";
import { StandingSummary } from "./Standing";
import { WeakAreas } from "./WeakAreas";
import { periodDays, utcDay } from "./dates";
import { REVIEW_HREF } from "./links";
import { isEmptyBoard } from "./series";
import "./dashboard.css";

type Board = components["schemas"]["DashboardOut"];
type Stats = components["schemas"]["ReviewStatsOut"];

interface Fetched {
  days: Period;
  board: Board;
}

/** The last answer that arrived, kept on screen while another period loads, so the page does not
 * collapse to a loading line and jump back each time the learner changes the period. */
function useLastReady<T>(load: Load<T>): T | null {
  const last = useRef<T | null>(null);
  if (load.state === "ready") last.current = load.data;
  return last.current;
}

function NewLearner() {
  return (
    <Empty>
      <h2>{t("dashboard.new.title")}</h2>
      <p>{t("dashboard.new.text")}</p>
      <p class="dashboard-actions">
        <Link href="/discover">{t("dashboard.new.play")}</Link>
        <Link href={REVIEW_HREF}>{t("dashboard.new.review")}</Link>
      </p>
    </Empty>
  );
}

function BoardSections({ fetched, stats, retryStats }: { fetched: Fetched; stats: Load<Stats>; retryStats: () => void }) {
  const { board, days } = fetched;
  if (isEmptyBoard(board)) return <NewLearner />;
  const period = periodDays(utcDay(new Date()), days);
  return (
    <>
      <Activity days={board.days ?? []} period={period} />
      <Skills skills={board.skills ?? []} period={period} />
      <Memory retention={board.retention ?? {}} stats={stats} retryStats={retryStats} period={days} />
      <WeakAreas board={board} />
      <Effectiveness effects={board.effective ?? []} />
    </>
  );
}

export function DashboardPage() {
  const [days, setDays] = useState<Period>(30);
  const [standing, reloadStanding] = useLoad(() => api.GET("/api/v1/gamification"), []);
  const [board, reloadBoard] = useLoad(
    () => api.GET("/api/v1/dashboard", { params: { query: { days } } }).then(({ data, error }) => ({ data: data && { days, board: data }, error })),
    [days],
  );
  const [stats, reloadStats] = useLoad(() => api.GET("/api/v1/review/stats"), []);
  const shown = useLastReady(board);
  return (
    <main class="dashboard">
      <h1>{t("dashboard.title")}</h1>
      <section aria-labelledby="dashboard-standing">
        <h2 id="dashboard-standing">{t("dashboard.standing.title")}</h2>
        <Shown load={standing} retry={reloadStanding}>
          {(data) => <StandingSummary standing={data} />}
        </Shown>
      </section>
      <PeriodPicker value={days} onChange={setDays} />
      {board.state === "failed" && <Failure message={board.message} retry={reloadBoard} />}
      {board.state === "loading" && <Loading />}
      {board.state !== "failed" && shown && (
        <div aria-busy={board.state === "loading"}>
          <BoardSections fetched={shown} stats={stats} retryStats={reloadStats} />
        </div>
      )}
      {standing.state === "ready" && <Achievements achievements={standing.data.achievements ?? []} />}
      <Leaderboard />
    </main>
  );
}
