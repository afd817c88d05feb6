// A finished run: its score, the words used and missed, the mistakes with their corrections, the
// cards it added to the review deck, the XP it earned, and where to go next.
import { useEffect, useRef } from "preact/hooks";
import { Link } from "wouter-preact";

import { t } from "../../i18n";
import { Cards, Xp } from "./Brought";
import type { Scenario } from "./phases";
import { expectsCards, summarize, type Word } from "./summary";
import type { Run } from "./transcript";
import { Corrections } from "./Turns";

interface Props {
  run: Run;
  scenario: Scenario;
  /** Finished on this page rather than opened once finished. */
  justFinished: boolean;
}

export function Summary({ run, scenario, justFinished }: Props) {
  const summary = summarize(run, scenario);
  const heading = useRef<HTMLHeadingElement>(null);
  // Finishing replaces the conversation the learner was in: bring them to what replaced it.
  useEffect(() => {
    if (justFinished) heading.current?.focus();
  }, [justFinished]);

  return (
    <section class="play-summary" aria-labelledby="play-summary-title">
      <h2 id="play-summary-title" tabIndex={-1} ref={heading}>
        {t("play.summary.title")}
      </h2>
      <p class="play-score">{t("play.summary.score", { score: summary.score })}</p>
      <p>{t("play.summary.phases", { done: summary.phasesCompleted, total: summary.phasesTotal })}</p>
      <h3>{t("play.xp.title")}</h3>
      <Xp run={run} justFinished={justFinished} />
      <Words title={t("play.words.used")} none={t("play.words.usedNone")} words={summary.used} language={run.language} />
      <Words title={t("play.words.missed")} none={t("play.words.missedNone")} words={summary.missed} language={run.language} />
      <h3>{t("play.mistakes")}</h3>
      {summary.mistakes.length > 0 ? <Corrections mistakes={summary.mistakes} language={run.language} /> : <p>{t("play.mistakes.none")}</p>}
      <h3>{t("play.cards.title")}</h3>
      {expectsCards(summary) ? <Cards run={run} justFinished={justFinished} /> : <p>{t("play.cards.nothing")}</p>}
      <h3>{t("play.next")}</h3>
      <ul class="play-next">
        <li>
          <Link href="/review">{t("play.next.review")}</Link>
        </li>
        <li>
          <Link href={`/scenarios/${encodeURIComponent(run.scenario_id)}/rate`}>{t("play.next.rate")}</Link>
        </li>
        <li>
          <Link href="/discover">{t("play.next.discover")}</Link>
        </li>
      </ul>
    </section>
  );
}

function Words({ title, none, words, language }: { title: string; none: string; words: Word[]; language: string }) {
  return (
    <>
      <h3>{title}</h3>
      {words.length === 0 ? (
        <p>{none}</p>
      ) : (
        <ul class="play-words">
          {words.map((word) => (
            <li>
              <span lang={language}>{word.term}</span>
              {word.gloss && <span class="play-gloss"> — {word.gloss}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
