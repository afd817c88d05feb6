// The rating form: overall stars and the four dimensions as radio groups, an optional review.
import { useRef, useState } from "preact/hooks";
import { Link } from "wouter-preact";

import { api } from "../../api/client";
import { t } from "../../i18n";
import { bad, ConfirmButton, Notice, ok, type Note } from "../../ui/feedback";
import { attemptEmpty, attemptWithStatus } from "./calls";
import { hrefOf } from "./items";
import { formatDate } from "./parts";
import { draftOf, emptyDraft, ratingBody, REVIEW_MAX, SCORES, STARS, validateRating, withScore, type RatingDraft, type RatingProblem, type Score } from "./rating";
import type { Rating } from "./types";

interface GroupProps {
  score: Score;
  value: number | null;
  problem: RatingProblem | undefined;
  choose: (stars: number) => void;
}

function ScoreGroup({ score, value, problem, choose }: GroupProps) {
  const hint = `library-rate-${score}-hint`;
  const error = `library-rate-${score}-error`;
  return (
    <fieldset class="library-stars" id={`library-rate-${score}`} aria-describedby={problem ? `${hint} ${error}` : hint}>
      <legend>{t(`library.rate.${score}`)}</legend>
      <p id={hint} class="library-hint-line">
        {t(`library.rate.${score}.hint`)}
      </p>
      <div class="library-star-options">
        {STARS.map((stars) => (
          <label class="inline library-star">
            <input type="radio" name={`library-${score}`} value={stars} checked={value === stars} onChange={() => choose(stars)} />
            {t(`library.rate.star${stars}`)}
          </label>
        ))}
      </div>
      {problem && (
        <p id={error} class="error">
          {t(`library.rate.problem.${problem}`)}
        </p>
      )}
    </fieldset>
  );
}

interface Props {
  scenarioId: string;
  saved: Rating | null;
  changed: (rating: Rating | null) => void;
}

export function RatingForm({ scenarioId, saved, changed }: Props) {
  const [draft, setDraft] = useState<RatingDraft>(() => (saved ? draftOf(saved) : emptyDraft()));
  const [tried, setTried] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  const [notCompleted, setNotCompleted] = useState(false);
  const [working, setWorking] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const path = { params: { path: { scenario_id: scenarioId } } };
  const problems = tried ? validateRating(draft) : {};

  async function submit(event: Event) {
    event.preventDefault();
    setTried(true);
    const body = ratingBody(draft);
    if (!body) {
      setNote(bad(t("library.rate.incomplete")));
      const first = SCORES.find((score) => validateRating(draft)[score]);
      form.current?.querySelector<HTMLInputElement>(first ? `#library-rate-${first} input` : "textarea")?.focus();
      return;
    }
    setWorking(true);
    const { outcome, status } = await attemptWithStatus(api.PUT("/api/v1/scenarios/{scenario_id}/ratings", { ...path, body }));
    setWorking(false);
    // 409: the learner has not finished a run of it yet; the message says so, the link helps.
    setNotCompleted(!outcome.ok && status === 409);
    if (outcome.ok) changed(outcome.data);
    setNote(outcome.ok ? ok(t("library.rate.saved")) : bad(outcome.message));
  }

  async function remove() {
    const outcome = await attemptEmpty(api.DELETE("/api/v1/scenarios/{scenario_id}/ratings/mine", path));
    if (outcome.ok) {
      changed(null);
      setDraft(emptyDraft());
      setTried(false);
    }
    setNote(outcome.ok ? ok(t("library.rate.deleted")) : bad(outcome.message));
  }

  return (
    <form ref={form} class="library-rate" onSubmit={submit} noValidate>
      {saved && (
        <p class="library-facts">
          {t("library.rate.since", { date: formatDate(saved.updated_at) })}
          {saved.review && ` · ${t("library.rate.helpful", { count: saved.helpful_count ?? 0 })}`}
        </p>
      )}
      <p class="library-hint-line">{t("library.rate.scale")}</p>
      {SCORES.map((score) => (
        <ScoreGroup score={score} value={draft.scores[score]} problem={problems[score]} choose={(stars) => setDraft(withScore(draft, score, stars))} />
      ))}
      <label>
        {t("library.rate.review")}
        <textarea rows={5} value={draft.review} aria-describedby="library-rate-count" aria-invalid={problems.review ? true : undefined} onInput={(e) => setDraft({ ...draft, review: e.currentTarget.value })} />
      </label>
      <p id="library-rate-count" class={problems.review ? "error" : "library-hint-line"}>
        {t("library.rate.count", { count: draft.review.length, max: REVIEW_MAX })}
        {problems.review && ` ${t("library.rate.problem.tooLong")}`}
      </p>
      <Notice note={note} />
      {notCompleted && (
        <p>
          <Link href={hrefOf({ kind: "scenario", id: scenarioId })}>{t("library.rate.playFirst")}</Link>
        </p>
      )}
      <div class="library-actions">
        <button type="submit" disabled={working}>
          {working ? t("library.working") : t(saved ? "library.rate.update" : "library.rate.submit")}
        </button>
        {saved && <ConfirmButton label={t("library.rate.delete")} question={t("library.rate.deleteQuestion")} confirm={t("library.rate.deleteConfirm")} onConfirm={remove} />}
      </div>
    </form>
  );
}
