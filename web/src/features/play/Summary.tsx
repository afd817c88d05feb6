// A finished run: its score, the words used and missed, the mistakes with their corrections, the
// cards it added to the review deck, the XP it earned, and where to go next.
import { useEffect, useRef } from "preact/hooks";
import { Link } from "wouter-preact";

import type { components } from "../../api/schema";
import { t } from "../../i18n";
import { Failure } from "../../ui/load";
import { cardsOf, earnedSince } from "./calls";
import type { Scenario } from "./phases";
import { expectsCards, summarize, type Word } from "./summary";
import type { Run } from "./transcript";
import { Corrections } from "./Turns";
import { useEventually } from "./useEventually";

type Standing = components["schemas"]["GamificationOut"];

interface Props {
  run: Run;
  scenario: Scenario;
  /** The standing read just before finishing on this page; null when unreadable, undefined when
   * the run was finished before this page was opened. */
  before: Standing | null | undefined;
}

export function Summary({ run, scenario, before }: Props) {
  const summary = summarize(run, scenario);
  const justFinished = before !== undefined;
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
      {before ? <Xp before={before} /> : <p>{t(before === null ? "play.xp.unread" : "play.xp.later")} <Link href="/">{t("play.xp.home")}</Link></p>}
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

function Xp({ before }: { before: Standing }) {
  const [earned, again] = useEventually(() => earnedSince(before));
  const counted = !earned.waiting && earned.value !== null;
  return (
    <>
      <p role="status" class={counted ? "play-xp" : undefined}>
        {earned.waiting ? t("play.xp.counting") : counted ? t("play.xp.earned", { xp: earned.value ?? 0 }) : t("play.xp.notYet")}
      </p>
      {!earned.waiting && !counted && (
        <button type="button" onClick={again}>
          {t("play.xp.again")}
        </button>
      )}
    </>
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

function Cards({ run, justFinished }: { run: Run; justFinished: boolean }) {
  const [cards, again] = useEventually(() => cardsOf(run, justFinished));
  if (!cards.waiting && cards.value === undefined) return <Failure message={t("play.cards.failed")} retry={again} />;
  const found = cards.waiting ? [] : (cards.value ?? []);
  return (
    <>
      <p role="status">
        {cards.waiting ? t("play.cards.looking") : found.length > 0 ? t("play.cards.added", { count: found.length }) : t("play.cards.none")}
      </p>
      {found.length > 0 ? (
        <ul class="play-cards">
          {found.map((card) => (
            <li>
              <span lang={run.language}>{card.front}</span>
              <span aria-hidden="true"> → </span>
              <span class="play-sr"> {t("play.cards.back")} </span>
              <span>{card.back}</span>
            </li>
          ))}
        </ul>
      ) : (
        !cards.waiting && (
          <button type="button" onClick={again}>
            {t("play.cards.again")}
          </button>
        )
      )}
    </>
  );
}
