// This week's board in a language the learner studies: the top of it, and their own place.
import { Link } from "wouter-preact";
import { useState } from "preact/hooks";

import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { locale, t } from "../../i18n";
import { isLanguage, languageName, type Language } from "../../i18n/names";
import { Shown, useLoad } from "../../ui/load";
import { dayWithYear } from "./dates";
import { formatNumber } from "./format";
import { placeOf, type Place } from "./level";

type Me = components["schemas"]["UserOut"];
type Board = components["schemas"]["LeaderboardOut"];

const SHOWN = 10;

function PlaceLine({ place, language }: { place: Place; language: Language }) {
  const lang = locale.value;
  if (place.kind === "ranked") return <p>{t("dashboard.board.place", { rank: formatNumber(place.rank, lang), xp: formatNumber(place.xp, lang) })}</p>;
  if (place.kind === "far") return <p>{t("dashboard.board.far", { xp: formatNumber(place.xp, lang) })}</p>;
  if (place.kind === "absent") return <p>{t("dashboard.board.absent", { language: languageName(language) })}</p>;
  return (
    <p>
      {t("dashboard.board.hidden")} <Link href="/profile">{t("dashboard.board.profile")}</Link>
    </p>
  );
}

function Entries({ board }: { board: Board }) {
  const lang = locale.value;
  const entries = board.entries ?? [];
  if (entries.length === 0) return <p>{t("dashboard.board.empty")}</p>;
  return (
    <table class="dashboard-board">
      <caption>{t("dashboard.board.week", { date: dayWithYear(board.week_start, lang) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("dashboard.board.rank")}</th>
          <th scope="col">{t("dashboard.board.name")}</th>
          <th scope="col">{t("dashboard.board.xp")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr class={entry.is_you ? "dashboard-you" : undefined}>
            <td>{formatNumber(entry.rank, lang)}</td>
            <th scope="row">{entry.is_you ? t("dashboard.board.you", { name: entry.display_name }) : entry.display_name}</th>
            <td>{formatNumber(entry.xp ?? 0, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BoardOf({ language, optedIn }: { language: Language; optedIn: boolean }) {
  const [board, reload] = useLoad(
    () => api.GET("/api/v1/leaderboards/{language}", { params: { path: { language }, query: { limit: SHOWN } } }),
    [language],
  );
  return (
    <Shown load={board} retry={reload}>
      {(data) => (
        <>
          <PlaceLine place={placeOf(data.you, optedIn)} language={language} />
          <Entries board={data} />
        </>
      )}
    </Shown>
  );
}

function Boards({ me }: { me: Me }) {
  const languages = me.target_languages.filter(isLanguage);
  const [language, setLanguage] = useState<Language | null>(languages[0] ?? null);
  if (!language) {
    return (
      <p>
        {t("dashboard.board.noLanguage")} <Link href="/profile">{t("dashboard.board.profile")}</Link>
      </p>
    );
  }
  return (
    <>
      {languages.length > 1 && (
        <label>
          {t("dashboard.board.language")}
          <select value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
            {languages.map((code) => (
              <option value={code}>{languageName(code)}</option>
            ))}
          </select>
        </label>
      )}
      <BoardOf language={language} optedIn={me.leaderboard_opt_in} />
    </>
  );
}

export function Leaderboard() {
  const [me, reload] = useLoad(() => api.GET("/api/v1/me"), []);
  return (
    <section aria-labelledby="dashboard-board">
      <h2 id="dashboard-board">{t("dashboard.board.title")}</h2>
      <Shown load={me} retry={reload}>
        {(data) => <Boards me={data} />}
      </Shown>
    </section>
  );
}
